# Gradient-based MCMC: unadjusted Langevin (ULA), MALA and Hamiltonian Monte Carlo with a leapfrog
# integrator, using autograd for grad log p of a correlated Gaussian and a logistic-regression posterior.
import torch
from torch.distributions import MultivariateNormal

torch.manual_seed(8)
cov = torch.tensor([[1.0, 0.9], [0.9, 1.0]])
target = MultivariateNormal(torch.tensor([1.0, -1.0]), covariance_matrix=cov)


def grad_logp(x, logp):
    x = x.detach().requires_grad_(True)
    lp = logp(x)
    (g,) = torch.autograd.grad(lp.sum(), x)
    return lp.detach(), g


x = torch.zeros(200, 2)
eps = 0.1
for t in range(60):
    _, g = grad_logp(x, target.log_prob)
    x = x + eps * g + (2 * eps) ** 0.5 * torch.randn_like(x)
print("ULA", x.mean(0), torch.cov(x.T))
x = torch.zeros(200, 2)
acc = torch.zeros(200)
for t in range(60):
    lp, g = grad_logp(x, target.log_prob)
    prop = x + eps * g + (2 * eps) ** 0.5 * torch.randn_like(x)
    lpp, gp = grad_logp(prop, target.log_prob)
    fwd = -((prop - x - eps * g) ** 2).sum(1) / (4 * eps)
    bwd = -((x - prop - eps * gp) ** 2).sum(1) / (4 * eps)
    a = torch.rand(200).log() < lpp - lp + bwd - fwd
    x = torch.where(a[:, None], prop, x)
    acc += a.float()
print("MALA", x.mean(0), acc.mean() / 60)


def hmc_step(q, logp, step, n_leap):
    p = torch.randn_like(q)
    lp0, g = grad_logp(q, logp)
    H0 = -lp0 + 0.5 * (p ** 2).sum(-1)
    qn, pn = q.clone(), p + 0.5 * step * g
    for i in range(n_leap):
        qn = qn + step * pn
        lp, g = grad_logp(qn, logp)
        if i < n_leap - 1:
            pn = pn + step * g
    pn = pn + 0.5 * step * g
    H1 = -lp + 0.5 * (pn ** 2).sum(-1)
    accept = torch.rand(q.shape[0]).log() < H0 - H1
    return torch.where(accept[:, None], qn, q), accept


q = torch.zeros(100, 2)
rate = 0.0
for t in range(25):
    q, a = hmc_step(q, target.log_prob, 0.2, 6)
    rate += a.float().mean().item() / 25
print("HMC", q.mean(0), torch.cov(q.T), round(rate, 4))
X = torch.randn(50, 2)
y = torch.bernoulli(torch.sigmoid(X @ torch.tensor([1.5, -1.0])))


def log_post(w):
    logits = w @ X.T
    ll = -torch.nn.functional.binary_cross_entropy_with_logits(logits, y.expand_as(logits), reduction="none").sum(-1)
    return ll - 0.5 * (w ** 2).sum(-1)


w = torch.zeros(64, 2)
for t in range(15):
    w, a = hmc_step(w, log_post, 0.1, 6)
print("posterior mean", w.mean(0), "sd", w.std(0))
