# Root finding: bisection on tensors (vectorised over many brackets), Newton with autograd
# derivatives, secant, and implicit differentiation of a root w.r.t. a parameter.
import torch

torch.set_default_dtype(torch.float64)


def f(x, a):
    return x ** 3 - a * x - 1


a = torch.tensor([1.0, 2.0, 3.0, 5.0])
lo = torch.full_like(a, 1.0)
hi = torch.full_like(a, 3.0)
print(torch.sign(f(lo, a)), torch.sign(f(hi, a)))
for it in range(50):
    mid = (lo + hi) / 2
    fm = f(mid, a)
    left = torch.sign(fm) == torch.sign(f(lo, a))
    lo = torch.where(left, mid, lo)
    hi = torch.where(left, hi, mid)
root_bis = (lo + hi) / 2
print("bisection", root_bis, f(root_bis, a).abs().max() < 1e-10)
x = torch.full_like(a, 2.0).requires_grad_()
for it in range(8):
    fx = f(x, a)
    (dfx,) = torch.autograd.grad(fx.sum(), x)
    with torch.no_grad():
        x -= fx / dfx
    print(it, x.detach(), fx.abs().max().item())
x0, x1 = torch.full_like(a, 1.0), torch.full_like(a, 2.0)
for it in range(12):
    f0, f1 = f(x0, a), f(x1, a)
    x0, x1 = x1, x1 - f1 * (x1 - x0) / (f1 - f0)
    x1 = torch.nan_to_num(x1, nan=0.0)
print("secant", x1)
ap = a.clone().requires_grad_()
r = root_bis.detach().requires_grad_()
fr = f(r, ap)
dfdx, dfda = torch.autograd.grad(fr.sum(), [r, ap])
print("dr/da implicit", -dfda / dfdx, r.detach() / (3 * r.detach() ** 2 - a))
eps = 1e-6
lo, hi = torch.full_like(a, 1.0), torch.full_like(a, 3.0)
for it in range(60):
    mid = (lo + hi) / 2
    left = torch.sign(f(mid, a + eps)) == torch.sign(f(lo, a + eps))
    lo, hi = torch.where(left, mid, lo), torch.where(left, hi, mid)
print("finite diff", ((lo + hi) / 2 - root_bis) / eps)
C = torch.tensor([[0.0, 1.0, 1.0], [1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])
v = torch.ones(3)
for _ in range(200):
    v = C @ v
    v = v / v.norm()
print("plastic number", (v @ C @ v).item(), (C @ v / v))
