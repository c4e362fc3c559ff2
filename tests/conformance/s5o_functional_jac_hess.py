# torch.autograd.functional: jacobian (tuple inputs, vectorize, create_graph, strategy), hessian, vjp, jvp,
# hvp, vhp, strict mode errors.
import torch
from torch.autograd.functional import hessian, hvp, jacobian, jvp, vhp, vjp

torch.manual_seed(0)


def f(x):
    return torch.stack([x[0] ** 2 * x[1], 5 * x[0] + torch.sin(x[1]), x[1] ** 3])


x = torch.tensor([1.0, 2.0])
J = jacobian(f, x)
print("J", J)
print("vectorized", torch.allclose(J, jacobian(f, x, vectorize=True)))
print("forward strategy", torch.allclose(J, jacobian(f, x, vectorize=True, strategy="forward-mode")))


def g(a, b):
    return a * b.sum(), a.exp()


a = torch.tensor([0.5, 1.0])
b = torch.tensor([2.0, 3.0, 4.0])
Jt = jacobian(g, (a, b))
print(type(Jt).__name__, len(Jt), [tuple(j.shape) for row in Jt for j in row])
print(Jt[0][1], Jt[1][0])


def energy(x):
    return (x ** 4).sum() + x[0] * x[1] * x[2]


x3 = torch.tensor([1.0, -1.0, 0.5])
H = hessian(energy, x3)
print("H", H)


def pair(u, v):
    return (u ** 2 * v).sum()


Hp = hessian(pair, (torch.tensor([1.0, 2.0]), torch.tensor([3.0, 4.0])))
print([[tuple(h.shape) for h in row] for row in Hp], Hp[0][1])

out, v = vjp(f, x, torch.tensor([1.0, 0.0, 1.0]))
print("vjp", out, v)
out, jv = jvp(f, x, torch.tensor([1.0, 1.0]))
print("jvp", out, jv)
val, hv = hvp(energy, x3, torch.tensor([1.0, 0.0, 0.0]))
print("hvp", val, hv)
val, vh = vhp(energy, x3, torch.tensor([0.0, 1.0, 1.0]))
print("vhp", val, vh)

Jg = jacobian(lambda t: t.sum() * t, torch.tensor([1.0, 2.0]), create_graph=True)
print("create_graph", Jg.requires_grad)
print(jacobian(lambda t: t * 0 + 1, torch.tensor([1.0, 2.0])))
try:
    jacobian(lambda t: torch.ones(2), torch.tensor([1.0, 2.0]), strict=True)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    vjp(f, x, torch.ones(2))
except RuntimeError as e:
    print("RuntimeError:", e)


def batched_sq(x):
    return (x ** 2).sum(1)


xb = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
print(jacobian(batched_sq, xb).shape, jacobian(batched_sq, xb).sum(1))
model = torch.nn.Linear(2, 2)
print("model jac equals weight", torch.allclose(jacobian(model, torch.ones(2)), model.weight))
