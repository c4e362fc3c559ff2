# Gaussian-process regression from scratch: RBF kernel, Cholesky-based posterior mean/variance,
# log marginal likelihood, and hyper-parameter fitting with Adam on log-parameters.
import math

import torch

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
X = torch.linspace(-3, 3, 20).unsqueeze(1)
y = torch.sin(X).squeeze() + 0.1 * torch.randn(20)
Xs = torch.linspace(-4, 4, 9).unsqueeze(1)


def rbf(A, B, ls, var):
    d2 = torch.cdist(A, B) ** 2
    return var * torch.exp(-0.5 * d2 / ls ** 2)


def posterior(X, y, Xs, ls, var, noise):
    K = rbf(X, X, ls, var) + noise * torch.eye(len(X))
    L = torch.linalg.cholesky(K)
    alpha = torch.cholesky_solve(y.unsqueeze(1), L)
    Ks = rbf(X, Xs, ls, var)
    mu = (Ks.T @ alpha).squeeze(1)
    v = torch.linalg.solve_triangular(L, Ks, upper=False)
    cov = rbf(Xs, Xs, ls, var) - v.T @ v
    return mu, cov, L, alpha


def nlml(X, y, ls, var, noise):
    K = rbf(X, X, ls, var) + noise * torch.eye(len(X))
    L = torch.linalg.cholesky(K)
    alpha = torch.cholesky_solve(y.unsqueeze(1), L)
    return (0.5 * y @ alpha.squeeze(1) + torch.log(torch.diagonal(L)).sum()
            + 0.5 * len(X) * math.log(2 * math.pi))


mu, cov, L, alpha = posterior(X, y, Xs, 1.0, 1.0, 0.01)
print("mean", mu)
print("std", cov.diagonal().clamp_min(0).sqrt())
print("nlml", nlml(X, y, 1.0, 1.0, 0.01).item())
K = rbf(X, X, 1.0, 1.0) + 0.01 * torch.eye(20)
print(torch.allclose(torch.linalg.solve(K, y), alpha.squeeze()), torch.logdet(K), 2 * L.diagonal().log().sum())
log_ls = torch.tensor(0.0, requires_grad=True)
log_var = torch.tensor(0.0, requires_grad=True)
log_noise = torch.tensor(-2.0, requires_grad=True)
opt = torch.optim.Adam([log_ls, log_var, log_noise], lr=0.1)
for it in range(60):
    opt.zero_grad()
    loss = nlml(X, y, log_ls.exp(), log_var.exp(), log_noise.exp())
    loss.backward()
    opt.step()
    if it % 15 == 0:
        print(it, f"{loss.item():.5f}", log_ls.grad.item(), log_var.grad.item(), log_noise.grad.item())
print("ls", log_ls.exp().item(), "var", log_var.exp().item(), "noise", log_noise.exp().item())
with torch.no_grad():
    mu, cov, _, _ = posterior(X, y, Xs, log_ls.exp(), log_var.exp(), log_noise.exp())
print(mu, torch.sin(Xs).squeeze())
f = torch.distributions.MultivariateNormal(mu, covariance_matrix=cov + 1e-6 * torch.eye(9))
samples = f.sample((3,))
print(samples.shape, f.log_prob(mu).item())
