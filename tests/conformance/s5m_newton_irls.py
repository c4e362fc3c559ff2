# Newton's method / IRLS for logistic regression: gradient and Hessian by autograd (torch.func and
# torch.autograd.functional) vs. the analytic X^T W X, plus damped Newton on a 1-D function.
import torch
from torch.autograd.functional import hessian, jacobian

torch.manual_seed(2)
torch.set_default_dtype(torch.float64)
n, d = 80, 3
X = torch.cat([torch.ones(n, 1), torch.randn(n, d - 1)], 1)
w_true = torch.tensor([0.5, -1.0, 2.0])
y = torch.bernoulli(torch.sigmoid(X @ w_true))
print(y.sum(), y[:10])


def nll(w):
    z = X @ w
    return (torch.nn.functional.softplus(z) - y * z).sum()


w = torch.zeros(d)
for it in range(8):
    g = jacobian(nll, w)
    H = hessian(nll, w)
    p = torch.sigmoid(X @ w)
    H_manual = X.T @ (X * (p * (1 - p)).unsqueeze(1))
    step = torch.linalg.solve(H, g)
    w = w - step
    print(it, f"{nll(w).item():.8f}", g.norm().item(), torch.allclose(H, H_manual))
print("newton w", w)
se = torch.linalg.inv(hessian(nll, w)).diagonal().sqrt()
print("std errors", se, "z", w / se)
gf = torch.func.grad(nll)(w)
Hf = torch.func.hessian(nll)(w)
print(gf.abs().max() < 1e-8, torch.allclose(Hf, hessian(nll, w)))
wg = torch.zeros(d, requires_grad=True)
for it in range(100):
    loss = nll(wg) / n
    (g,) = torch.autograd.grad(loss, wg, create_graph=True)
    Hrows = [torch.autograd.grad(g[i], wg, retain_graph=True)[0] for i in range(d)]
    H = torch.stack(Hrows)
    with torch.no_grad():
        wg -= torch.linalg.solve(H, g)
    if g.norm() < 1e-10:
        break
print("double-backward newton", it, wg.detach())


def f(x):
    return x ** 4 - 3 * x ** 3 + 2


x = torch.tensor(4.0, requires_grad=True)
for k in range(10):
    y1 = f(x)
    (d1,) = torch.autograd.grad(y1, x, create_graph=True)
    (d2,) = torch.autograd.grad(d1, x)
    with torch.no_grad():
        x -= d1 / d2
print("minimiser", x.item(), 9 / 4, f(x).item())
