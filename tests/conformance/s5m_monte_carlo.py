# Monte Carlo estimation: pi from uniform darts, integrals with standard errors, importance
# sampling with torch.distributions, control variates and antithetic variates.
import math

import torch
from torch.distributions import Normal, StudentT, Uniform

torch.manual_seed(2024)
for n in (100, 1000, 10000, 100000):
    xy = torch.rand(n, 2)
    inside = (xy.pow(2).sum(1) <= 1).float()
    est = 4 * inside.mean()
    se = 4 * inside.std() / math.sqrt(n)
    print(f"n={n:6d} pi~{est.item():.5f} se={se.item():.5f}")
u = Uniform(0.0, 1.0).sample((50000,))
fx = torch.exp(-u ** 2)
print("int exp(-x^2) 0..1", fx.mean().item(), (math.sqrt(math.pi) / 2 * math.erf(1.0)))
target = Normal(0.0, 1.0)
thr = 3.0
naive = (target.sample((20000,)) > thr).float().mean()
prop = Normal(thr, 1.0)
z = prop.sample((20000,))
w = torch.exp(target.log_prob(z) - prop.log_prob(z))
is_est = (w * (z > thr).float()).mean()
print("tail", naive.item(), is_est.item(), (1 - target.cdf(torch.tensor(thr))).item())
ess = w.sum() ** 2 / (w ** 2).sum()
print("ess", ess.item())
x = torch.rand(10000)
y = torch.exp(x)
c = -torch.cov(torch.stack([y, x]))[0, 1] / x.var()
cv = y + c * (x - 0.5)
print("plain", y.mean().item(), y.var().item(), "cv", cv.mean().item(), cv.var().item(), math.e - 1)
u = torch.rand(5000)
anti = (torch.exp(u) + torch.exp(1 - u)) / 2
print("antithetic", anti.mean().item(), anti.var().item())
t = StudentT(df=5.0)
s = t.sample((40000,))
print("student-t var", s.var().item(), 5 / 3, t.variance.item(), t.log_prob(torch.tensor([0.0, 2.0])))
d = 5
for dim in (2, 3, d):
    pts = torch.rand(100000, dim) * 2 - 1
    vol = (pts.norm(dim=1) <= 1).float().mean() * 2 ** dim
    exact = math.pi ** (dim / 2) / math.gamma(dim / 2 + 1)
    print(dim, vol.item(), exact)
