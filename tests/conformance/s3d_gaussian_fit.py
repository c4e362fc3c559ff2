# Fitting distributions by maximum likelihood with log_prob and Adam: a Normal, a Gamma (positivity by softplus),
# a full-covariance MultivariateNormal through a Cholesky factor, and a Beta; cdf/icdf checks at the end.
import torch
import torch.nn.functional as F
from torch.distributions import Beta, Gamma, MultivariateNormal, Normal, LogNormal

torch.manual_seed(2)
data = Normal(3.0, 0.7).sample((500,))
mu = torch.zeros((), requires_grad=True)
log_sigma = torch.zeros((), requires_grad=True)
opt = torch.optim.Adam([mu, log_sigma], lr=0.1)
for step in range(150):
    nll = -Normal(mu, log_sigma.exp()).log_prob(data).mean()
    opt.zero_grad()
    nll.backward()
    opt.step()
    if step % 30 == 0:
        print(f"step {step:3d} nll {nll.item():.5f} mu {mu.item():.4f} sigma {log_sigma.exp().item():.4f}")
print("mle", data.mean().item(), data.std(unbiased=False).item())

gdata = Gamma(torch.tensor(2.5), torch.tensor(1.5)).sample((400,))
raw = torch.zeros(2, requires_grad=True)
opt = torch.optim.Adam([raw], lr=0.05)
for step in range(100):
    conc, rate = F.softplus(raw)
    nll = -Gamma(conc, rate).log_prob(gdata).mean()
    opt.zero_grad()
    nll.backward()
    opt.step()
print("gamma", F.softplus(raw).detach(), nll.item())

true_cov = torch.tensor([[1.0, 0.6], [0.6, 2.0]])
xs = MultivariateNormal(torch.tensor([1.0, -2.0]), true_cov).sample((300,))
loc = torch.zeros(2, requires_grad=True)
tril_raw = torch.zeros(2, 2, requires_grad=True)
opt = torch.optim.Adam([loc, tril_raw], lr=0.05)
for step in range(120):
    L = torch.tril(tril_raw, -1) + torch.diag_embed(tril_raw.diagonal().exp())
    d = MultivariateNormal(loc, scale_tril=L)
    nll = -d.log_prob(xs).mean()
    opt.zero_grad()
    nll.backward()
    opt.step()
    if step % 40 == 0:
        print(f"mvn step {step} nll {nll.item():.5f}")
print(loc.detach(), d.covariance_matrix.detach(), d.entropy().item())
print(d.precision_matrix.detach(), d.variance.detach())

bdata = Beta(2.0, 5.0).sample((300,)).clamp(1e-4, 1 - 1e-4)
ab = torch.ones(2, requires_grad=True)
opt = torch.optim.Adam([ab], lr=0.05)
for step in range(100):
    nll = -Beta(ab[0], ab[1]).log_prob(bdata).mean()
    opt.zero_grad()
    nll.backward()
    opt.step()
print("beta", ab.detach(), nll.item())

n = Normal(torch.tensor([0.0, 1.0]), torch.tensor([1.0, 2.0]))
x = torch.tensor([0.5, -1.0])
print(n.cdf(x), n.icdf(n.cdf(x)), n.entropy(), n.mean, n.stddev, n.variance)
ln = LogNormal(0.2, 0.4)
print(ln.mean, ln.variance, ln.log_prob(torch.tensor([0.5, 1.0, 2.0])), ln.cdf(torch.tensor(1.3)))
