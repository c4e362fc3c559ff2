# Numerical stability tricks people write by hand: max-shifted log-sum-exp and softmax, log1p/expm1,
# softplus, log-sigmoid, logaddexp, stable BCE-with-logits, and variance by Welford vs. naive formula.
import torch
import torch.nn.functional as F

x = torch.tensor([1000.0, 1000.5, 999.0])
print("naive", torch.log(torch.exp(x).sum()), "shifted", x.max() + torch.log(torch.exp(x - x.max()).sum()))
print(torch.logsumexp(x, 0), torch.logsumexp(-x, 0), torch.logsumexp(torch.tensor([-float("inf")] * 2), 0))
print("softmax naive", torch.exp(x) / torch.exp(x).sum(), "stable", torch.softmax(x, 0))
small = torch.tensor([1e-10, 1e-5, 1e-3, 0.1])
print(torch.log(1 + small), torch.log1p(small))
print(torch.exp(small) - 1, torch.expm1(small))
z = torch.tensor([-100.0, -20.0, -1.0, 0.0, 1.0, 20.0, 100.0])
print("softplus", F.softplus(z), torch.log1p(torch.exp(z)), torch.logaddexp(torch.zeros_like(z), z))
print("logsigmoid", F.logsigmoid(z), torch.log(torch.sigmoid(z)), -F.softplus(-z))
y = torch.tensor([0.0, 1.0, 0.0, 1.0, 1.0, 0.0, 1.0])
stable = torch.clamp(z, min=0) - z * y + torch.log1p(torch.exp(-z.abs()))
print(stable, F.binary_cross_entropy_with_logits(z, y, reduction="none"))
print(F.softplus(z, beta=2.0, threshold=5.0), torch.logaddexp2(z[:3], z[3:6]))
zz = torch.linspace(-50, 50, 11, requires_grad=True)
torch.logsumexp(torch.stack([zz, -zz]), 0).sum().backward()
print(zz.grad)
vals = 1e4 + torch.tensor([4.0, 7.0, 13.0, 16.0])
n = len(vals)
naive = ((vals ** 2).sum() - vals.sum() ** 2 / n) / (n - 1)
mean, m2 = torch.tensor(0.0), torch.tensor(0.0)
for k, v in enumerate(vals, 1):
    d = v - mean
    mean = mean + d / k
    m2 = m2 + d * (v - mean)
print("naive var", naive.item(), "welford", (m2 / (n - 1)).item(), "torch", vals.var().item())
p = torch.tensor([1e-8, 0.5, 1 - 1e-8])
print(torch.log(p / (1 - p)), torch.logit(p), torch.special.log_softmax(torch.tensor([0.0, -1000.0]), 0))
print(torch.exp(torch.tensor(89.0)), torch.exp(torch.tensor(89.0, dtype=torch.float64)), torch.tensor(1e-46))
print(torch.tensor(3.0).log().exp() == 3.0, torch.hypot(torch.tensor(3e30), torch.tensor(4e30)),
      torch.sqrt(torch.tensor(3e30) ** 2 + torch.tensor(4e30) ** 2))
