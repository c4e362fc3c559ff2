# Scientific code that switches torch.set_default_dtype(torch.float64): creation dtypes, numerical
# derivatives with Richardson extrapolation vs autograd, Kahan-vs-naive sums, and switching back.
import math

import torch

torch.set_default_dtype(torch.float64)
print(torch.get_default_dtype(), torch.tensor(1.0).dtype, torch.tensor([1, 2]).dtype, torch.zeros(2).dtype)
print(torch.arange(3.0).dtype, torch.linspace(0, 1, 3).dtype, torch.randn(2).dtype, torch.full((1,), 2).dtype)
print(torch.empty(0).dtype, torch.eye(2).dtype, torch.as_tensor([0.5]).dtype, torch.tensor(2).float().dtype)
print(torch.nn.Linear(2, 2).weight.dtype, torch.ones(2, dtype=torch.float32).dtype)


def f(x):
    return torch.sin(x) * torch.exp(-x ** 2 / 4)


x0 = torch.tensor(0.7, requires_grad=True)
(dfa,) = torch.autograd.grad(f(x0), x0)
print("autograd", dfa.item())
for h in (1e-1, 1e-3, 1e-5, 1e-7, 1e-9):
    x = torch.tensor(0.7)
    fd = (f(x + h) - f(x)) / h
    cd = (f(x + h) - f(x - h)) / (2 * h)
    print(f"h={h:.0e} fwd err={abs(fd.item() - dfa.item()):.3e} central err={abs(cd.item() - dfa.item()):.3e}")


def D(h):
    x = torch.tensor(0.7)
    return (f(x + h) - f(x - h)) / (2 * h)


R = [[D(0.4 / 2 ** i)] for i in range(5)]
for i in range(1, 5):
    for j in range(1, i + 1):
        R[i].append(R[i][j - 1] + (R[i][j - 1] - R[i - 1][j - 1]) / (4 ** j - 1))
print("richardson", R[4][4].item(), abs(R[4][4].item() - dfa.item()) < 1e-12)
vals = torch.full((100000,), 0.1)
print(vals.sum().item(), torch.sum(vals.float()).item(), math.fsum([0.1] * 100000))
s = torch.tensor(0.0)
c = torch.tensor(0.0)
for v in torch.full((1000,), 0.1):
    y = v - c
    t = s + y
    c = (t - s) - y
    s = t
print("kahan", s.item())
xs = torch.linspace(0, math.pi, 1001)
print("trapz", torch.trapezoid(torch.sin(xs), xs).item(), torch.trapz(torch.sin(xs), dx=xs[1] - xs[0]).item())
simpson = (xs[1] - xs[0]) / 3 * (torch.sin(xs[0]) + 4 * torch.sin(xs[1:-1:2]).sum() + 2 * torch.sin(xs[2:-1:2]).sum()
                                 + torch.sin(xs[-1]))
print("simpson", simpson.item(), torch.cumulative_trapezoid(torch.sin(xs[:5]), xs[:5]))
print(torch.finfo().eps, torch.finfo(torch.float32).eps, torch.finfo().tiny, torch.finfo().max)
torch.set_default_dtype(torch.float32)
print(torch.get_default_dtype(), torch.tensor(1.0).dtype, torch.randn(2).dtype, torch.finfo().eps)
