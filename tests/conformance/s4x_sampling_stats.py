# Monte Carlo estimates from seeded samplers: moments, histograms, multinomial counts, Box-Muller by hand.
import math

import torch

torch.manual_seed(0)
u = torch.rand(20000)
print(u.mean(), u.var(), u.min() >= 0, u.max() < 1)
z = torch.randn(20000)
print(z.mean(), z.std(), (z.abs() < 1.96).float().mean(), torch.histc(z, bins=8, min=-4, max=4))
r = torch.randint(0, 6, (6000,))
print(torch.bincount(r, minlength=6))
probs = torch.tensor([0.1, 0.2, 0.3, 0.4])
draws = torch.multinomial(probs, 4000, replacement=True)
print(torch.bincount(draws) / 4000.0)
print(torch.multinomial(probs, 4, replacement=False))
print(torch.multinomial(probs.expand(3, 4), 2))
u1, u2 = torch.rand(5000), torch.rand(5000)
bm = torch.sqrt(-2 * torch.log(u1)) * torch.cos(2 * math.pi * u2)
print(bm.mean(), bm.var())
m = torch.normal(mean=torch.tensor([0.0, 10.0, -5.0]).repeat(2000), std=torch.tensor([1.0, 2.0, 0.5]).repeat(2000))
print(m.view(2000, 3).mean(0), m.view(2000, 3).std(0))
b = torch.bernoulli(torch.tensor([0.2, 0.8]).repeat(5000, 1))
print(b.mean(0))
e = torch.empty(10000).exponential_(2.0)
print(e.mean(), torch.quantile(e, torch.tensor([0.5, 0.9])))
p = torch.poisson(torch.full((5000,), 3.0))
print(p.mean(), p.var())
est = (torch.rand(100000, 2).pow(2).sum(1) <= 1).float().mean() * 4
print(est)
idx = torch.randperm(1000)[:10]
print(idx, torch.sort(idx).values)
mix = torch.where(torch.rand(3000) < 0.3, torch.randn(3000) - 2, torch.randn(3000) + 2)
print(mix.mean(), mix.median(), (mix > 0).float().mean())
print(torch.distributions.Categorical(probs=probs).sample((10,)))
print(torch.distributions.Uniform(-1.0, 1.0).sample((4,)), torch.distributions.Bernoulli(0.3).sample((5,)))
