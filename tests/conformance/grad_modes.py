# no_grad, enable_grad, set_grad_enabled, inference_mode, detach, requires_grad_, and decorators.
import torch

w = torch.randn(3, requires_grad=True)
with torch.no_grad():
    a = w * 2
    with torch.enable_grad():
        b = w * 2
print(a.requires_grad, b.requires_grad, torch.is_grad_enabled())
with torch.set_grad_enabled(False):
    print(torch.is_grad_enabled(), (w + 1).requires_grad)
torch.set_grad_enabled(False)
print((w + 1).requires_grad)
torch.set_grad_enabled(True)
with torch.inference_mode():
    c = w * 3
    print(c.requires_grad, torch.is_inference_mode_enabled())
print(torch.is_inference_mode_enabled())


@torch.no_grad()
def evaluate(x):
    return (x * w).sum()


@torch.inference_mode()
def predict(x):
    return x @ w


print(evaluate(torch.ones(3)).requires_grad, predict(torch.ones(2, 3)).requires_grad)
d = w.detach()
print(d.requires_grad, d.is_leaf, w.is_leaf, (w * 1).is_leaf, (w * 1).grad_fn is not None)
e = torch.zeros(2).requires_grad_()
print(e.requires_grad, e.grad)
f = (e * 2).sum()
f.backward()
print(e.grad)
e.grad.zero_()
print(e.grad)
g = torch.ones(2, requires_grad=True)
for _ in range(3):
    (g * g).sum().backward()
print(g.grad)
g.grad = None
x = torch.tensor(2.0, requires_grad=True)
y = x ** 3
(dy,) = torch.autograd.grad(y, x, create_graph=True)
(d2y,) = torch.autograd.grad(dy, x)
print(dy, d2y)
u = torch.randn(3, requires_grad=True)
v = u.exp().sum()
print(torch.autograd.grad(v, [u], retain_graph=True)[0], torch.autograd.grad(v * 2, u)[0])
try:
    v.backward()
    v.backward()
except RuntimeError as err:
    print(type(err).__name__)
try:
    torch.autograd.grad(torch.ones(2, requires_grad=True).sum(), torch.ones(2, requires_grad=True))
except RuntimeError as err:
    print(type(err).__name__)
print(torch.autograd.grad((u * 2).sum(), [u, torch.ones(1, requires_grad=True)], allow_unused=True)[1])
