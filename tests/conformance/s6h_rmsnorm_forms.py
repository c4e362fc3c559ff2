# RMSNorm three ways (LLaMA blog style): nn.RMSNorm, a hand-written module with torch.rsqrt, and
# F.rms_norm; compares forward values and gradients, with and without elementwise affine.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class RMSNorm(nn.Module):
    def __init__(self, dim, eps=1e-6):
        super().__init__()
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(dim))

    def _norm(self, x):
        return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.eps)

    def forward(self, x):
        return self._norm(x.float()).type_as(x) * self.weight


x = torch.randn(2, 5, 8, requires_grad=True)
mine = RMSNorm(8)
ref = nn.RMSNorm(8, eps=1e-6)
with torch.no_grad():
    w = torch.randn(8) * 0.1 + 1
    mine.weight.copy_(w)
    ref.weight.copy_(w)
print(ref)
a = mine(x)
b = ref(x)
c = F.rms_norm(x, (8,), weight=w, eps=1e-6)
print(a.shape, (a - b).abs().max().item() < 1e-5, (a - c).abs().max().item() < 1e-5)
print(a[0, 0])
g = torch.randn_like(a)
(ga,) = torch.autograd.grad((a * g).sum(), x, retain_graph=True)
(gb,) = torch.autograd.grad((b * g).sum(), x)
print(ga[1, 2], (ga - gb).abs().max().item() < 1e-5)
(a * g).sum().backward()
print(mine.weight.grad)
n2 = nn.RMSNorm([5, 8], elementwise_affine=False)
print(n2.weight, n2(x)[0, :2, :3])
n3 = nn.RMSNorm(8)
print(n3.eps, n3(x).pow(2).mean(-1)[0])
