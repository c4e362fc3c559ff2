# OpenAI-style evolution strategies: flatten parameters with parameters_to_vector, antithetic torch.randn
# perturbations, centred-rank fitness shaping with argsort, vector_to_parameters, and an Adam step fed by
# setting .grad by hand; plus a plain NES loop on a quadratic.
import torch
import torch.nn as nn
from torch.nn.utils import parameters_to_vector, vector_to_parameters

torch.manual_seed(0)
X = torch.randn(32, 2)
Y = (X[:, :1] * 2 - X[:, 1:]).sin()
model = nn.Sequential(nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 1))
theta = parameters_to_vector(model.parameters()).detach()
print(theta.shape, theta.dtype)


def fitness(vec):
    vector_to_parameters(vec, model.parameters())
    with torch.no_grad():
        return -((model(X) - Y) ** 2).mean().item()


def centered_ranks(x):
    ranks = torch.empty_like(x)
    ranks[x.argsort()] = torch.arange(len(x), dtype=x.dtype)
    return ranks / (len(x) - 1) - 0.5


theta = theta.clone().requires_grad_(True)
opt = torch.optim.Adam([theta], lr=0.03)
sigma, pop = 0.1, 10
for gen in range(15):
    eps = torch.randn(pop, theta.numel())
    eps = torch.cat([eps, -eps])
    base = theta.detach()
    f = torch.tensor([fitness(base + sigma * e) for e in eps])
    shaped = centered_ranks(f)
    grad = -(shaped @ eps) / (len(eps) * sigma)
    opt.zero_grad()
    theta.grad = grad
    opt.step()
    if gen % 3 == 0 or gen == 14:
        print(gen, f"{fitness(theta.detach()):.6f}", f"{f.max().item():.6f}", f"{grad.norm().item():.5f}")
print(centered_ranks(torch.tensor([3.0, -1.0, 2.0, 10.0, 0.0])))

w = torch.zeros(3)
target = torch.tensor([0.5, 0.1, -0.3])
for i in range(30):
    N = torch.randn(20, 3)
    R = -((w + 0.1 * N - target) ** 2).sum(1)
    A = (R - R.mean()) / R.std()
    w = w + 0.02 / (20 * 0.1) * N.T @ A
print(w, ((w - target) ** 2).sum())
