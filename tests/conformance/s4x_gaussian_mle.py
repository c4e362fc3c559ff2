# Fit a Gaussian by MLE with Adam on log-std; compare with closed form; float64 throughout.
import math

import torch

torch.manual_seed(0)
data = torch.randn(200, dtype=torch.float64) * 1.7 + 0.4
mu = torch.zeros((), dtype=torch.float64, requires_grad=True)
log_sigma = torch.zeros((), dtype=torch.float64, requires_grad=True)
opt = torch.optim.Adam([mu, log_sigma], lr=0.05)
for step in range(200):
    opt.zero_grad()
    sigma = log_sigma.exp()
    nll = (0.5 * ((data - mu) / sigma) ** 2 + log_sigma + 0.5 * math.log(2 * math.pi)).mean()
    nll.backward()
    opt.step()
    if step % 60 == 0:
        print(step, nll.item(), mu.item(), sigma.item())
print(mu.item(), log_sigma.exp().item(), data.mean().item(), data.std(correction=0).item())
dist = torch.distributions.Normal(mu.detach(), log_sigma.exp().detach())
print(-dist.log_prob(data).mean().item(), nll.item())
x = torch.linspace(-2, 2, 5, dtype=torch.float64)
print(dist.log_prob(x), dist.cdf(x), dist.icdf(torch.tensor([0.1, 0.5, 0.9], dtype=torch.float64)))
theta = torch.tensor([0.3, -0.2], dtype=torch.float64, requires_grad=True)
X = torch.randn(100, 2, dtype=torch.float64)
logits_true = X @ torch.tensor([1.5, -2.0], dtype=torch.float64)
ylab = torch.bernoulli(torch.sigmoid(logits_true))
opt = torch.optim.LBFGS([theta], line_search_fn="strong_wolfe")


def closure():
    opt.zero_grad()
    l = torch.nn.functional.binary_cross_entropy_with_logits(X @ theta, ylab)
    l.backward()
    return l


for _ in range(3):
    lv = opt.step(closure)
print(theta, lv)
H = torch.autograd.functional.hessian(lambda th: torch.nn.functional.binary_cross_entropy_with_logits(X @ th, ylab, reduction="sum"), theta.detach())
print(H, torch.sqrt(torch.diag(torch.linalg.inv(H))))
