# Bayesian linear regression (conjugate Gaussian prior): posterior mean/covariance, predictive
# distribution, evidence as a function of alpha, and posterior samples via MultivariateNormal.
import math

import torch
from torch.distributions import MultivariateNormal, Normal

torch.manual_seed(17)
N = 25
x = torch.rand(N) * 2 - 1
t = -0.3 + 0.5 * x + Normal(0.0, 0.2).sample((N,))
Phi = torch.stack([torch.ones(N), x], dim=1)
alpha, beta = 2.0, 25.0


def posterior(Phi, t, alpha, beta):
    S_inv = alpha * torch.eye(Phi.shape[1]) + beta * Phi.T @ Phi
    S = torch.linalg.inv(S_inv)
    m = beta * S @ Phi.T @ t
    return m, S


for n_obs in (1, 2, 5, 25):
    m, S = posterior(Phi[:n_obs], t[:n_obs], alpha, beta)
    print(n_obs, m, S.diagonal().sqrt())
m, S = posterior(Phi, t, alpha, beta)
post = MultivariateNormal(m, covariance_matrix=S)
w = post.sample((5,))
print(w)
print(post.log_prob(torch.tensor([-0.3, 0.5])).item(), post.entropy().item())
print(post.mean, post.stddev, post.scale_tril)
xs = torch.linspace(-1, 1, 5)
Ps = torch.stack([torch.ones(5), xs], 1)
pred_mean = Ps @ m
pred_var = 1 / beta + (Ps @ S * Ps).sum(1)
print(pred_mean, pred_var.sqrt())
print((Ps @ w.T).std(1))


def log_evidence(alpha, beta, Phi, t):
    N, M = Phi.shape
    A = alpha * torch.eye(M) + beta * Phi.T @ Phi
    mN = beta * torch.linalg.solve(A, Phi.T @ t)
    E = beta / 2 * ((t - Phi @ mN) ** 2).sum() + alpha / 2 * mN @ mN
    return (M / 2 * math.log(alpha) + N / 2 * math.log(beta) - E - 0.5 * torch.logdet(A)
            - N / 2 * math.log(2 * math.pi))


for a in (0.01, 0.1, 1.0, 10.0, 100.0):
    print(f"alpha={a}: log evidence {log_evidence(a, beta, Phi, t).item():.4f}")
prior = MultivariateNormal(torch.zeros(2), precision_matrix=alpha * torch.eye(2))
print(torch.distributions.kl_divergence(post, prior).item())
print(prior.covariance_matrix, post.precision_matrix)
