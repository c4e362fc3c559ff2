# gradcheck, gradgradcheck, and higher-order gradients (jacobians built from autograd.grad rows).
import torch


def f(x):
    return torch.stack([x[0] ** 2 * x[1], x[1].sin() + x[0]])


def g(x):
    return (x ** 3).sum() + x[0] * x[1]


x = torch.tensor([1.0, 2.0], requires_grad=True)
out = f(x)
print(torch.stack([torch.autograd.grad(out[i], x, retain_graph=True)[0] for i in range(2)]))
(gx,) = torch.autograd.grad(g(x), x, create_graph=True)
print(torch.stack([torch.autograd.grad(gx[i], x, retain_graph=True)[0] for i in range(2)]))
print(torch.autograd.grad(out, x, torch.tensor([1.0, -1.0]), retain_graph=True))
xd = torch.randn(3, dtype=torch.float64, requires_grad=True)
print(torch.autograd.gradcheck(lambda t: (t.sin() * t.exp()).sum(), (xd,)))
y = torch.tensor(0.7, requires_grad=True)
h = torch.tanh(y)
g1, = torch.autograd.grad(h, y, create_graph=True)
g2, = torch.autograd.grad(g1, y, create_graph=True)
g3, = torch.autograd.grad(g2, y)
print(g1, g2, g3)
w = torch.randn(2, 2, requires_grad=True)
loss = (w @ w).sum()
grads = torch.autograd.grad(loss, w, create_graph=True)[0]
penalty = grads.pow(2).sum()
penalty.backward()
print(w.grad)
print(torch.autograd.gradgradcheck(lambda t: (t ** 3).sum(), (xd,)))
