# autograd.functional with create_graph / strict, double backward through jacobian, meta-learning style inner step.
import torch
from torch.autograd.functional import hessian, hvp, jacobian, vjp

torch.manual_seed(0)
w = torch.randn(3, requires_grad=True)


def f(x):
    return (x ** 3).sum() * 0.5 + (x[0] * x[1])


J = jacobian(f, w, create_graph=True)
print(J, J.requires_grad)
J.pow(2).sum().backward()
print(w.grad)
H = hessian(f, w.detach(), create_graph=False)
print(H, H.requires_grad)
try:
    jacobian(lambda x: torch.ones(2), torch.ones(2), strict=True)
except RuntimeError as e:
    print("RuntimeError:", str(e)[:80])
print(jacobian(lambda x: torch.ones(2), torch.ones(2)))
out, v = vjp(lambda x: x * 2, torch.ones(3), torch.tensor([1.0, 2.0, 3.0]))
print(out, v)
out, hv = hvp(f, w.detach(), torch.ones(3))
print(hv)
theta = torch.tensor([0.5, -0.3], requires_grad=True)
X = torch.randn(8, 2)
y = X @ torch.tensor([1.0, 2.0])


def loss_fn(p, xb, yb):
    return ((xb @ p - yb) ** 2).mean()


for it in range(3):
    inner_loss = loss_fn(theta, X[:4], y[:4])
    (g,) = torch.autograd.grad(inner_loss, theta, create_graph=True)
    adapted = theta - 0.1 * g
    outer = loss_fn(adapted, X[4:], y[4:])
    (og,) = torch.autograd.grad(outer, theta)
    with torch.no_grad():
        theta -= 0.05 * og
    print(it, outer.item(), og)
print(theta)
