# torch.autograd.functional: jacobian, hessian, vjp, jvp, hvp, vhp with options.
import torch
from torch.autograd.functional import hessian, hvp, jacobian, jvp, vhp, vjp


def f(x):
    return torch.stack([x[0] ** 2 * x[1], 5 * x[0] + torch.sin(x[1]), x[1] * x[2]])


def scalar(x):
    return (x ** 2).sum() * x[0] + torch.exp(x).sum()


def two(a, b):
    return a * b.sum() + a.pow(2)


x = torch.tensor([1.0, 2.0, 0.5])
print(jacobian(f, x))
print(jacobian(f, x, vectorize=True))
print(jacobian(f, x, strategy="forward-mode", vectorize=True))
print(hessian(scalar, x))
print(hessian(scalar, x, vectorize=True))
a = torch.tensor([1.0, -1.0])
b = torch.tensor([0.5, 2.0, 3.0])
ja, jb = jacobian(two, (a, b))
print(ja, jb)
print(jacobian(two, (a, b), create_graph=True)[0].requires_grad)
v = torch.ones(3)
out, vj = vjp(f, x, v)
print(out, vj)
out, jv = jvp(f, x, v)
print(out, jv)
out, hv = hvp(scalar, x, v)
print(out, hv)
out, vh = vhp(scalar, x, torch.tensor([1.0, 0.0, 2.0]))
print(out, vh)
H = hessian(lambda a, b: (a * b).sum() * a.sum(), (a, a.clone()))
print(H)
print(jacobian(lambda x: x.sum(), x))
print(jacobian(lambda x: x, torch.tensor(3.0)))
xx = torch.randn(2, 3)
J = jacobian(lambda m: m.softmax(dim=1), xx)
print(J.shape, J.sum(dim=(2, 3)))
