# Inspecting the graph: grad_fn names and next_functions, as tutorials print them.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.randn(3, requires_grad=True)
w = torch.randn(3, 3, requires_grad=True)
y = (w @ x).relu().sum() * 2
print(y)
print(type(y.grad_fn).__name__, y.grad_fn.name())


def walk(fn, depth=0):
    if fn is None:
        return
    print("  " * depth + type(fn).__name__)
    for nxt, idx in fn.next_functions:
        walk(nxt, depth + 1)


walk(y.grad_fn)
print([(type(n).__name__ if n is not None else None, i) for n, i in y.grad_fn.next_functions])
print(x.grad_fn, x.is_leaf)
z = x + 1
print(z.grad_fn.name(), z.is_leaf, z.requires_grad)
acc = z.grad_fn.next_functions[0][0]
print(type(acc).__name__, acc.variable is x)
model = nn.Linear(3, 2)
out = model(x.unsqueeze(0))
print(type(out.grad_fn).__name__)
loss = F.cross_entropy(out, torch.tensor([1]))
print(type(loss.grad_fn).__name__)
for op in [lambda t: t.mean(), lambda t: t.sum(), lambda t: t.exp(), lambda t: t.log(), lambda t: t.sigmoid(),
           lambda t: t.tanh(), lambda t: t.view(3, 1), lambda t: t.reshape(1, 3), lambda t: t[0], lambda t: t[1:],
           lambda t: t.t() if t.dim() == 2 else t.unsqueeze(0).t(), lambda t: t.pow(2), lambda t: t ** 0.5,
           lambda t: t / 2, lambda t: t - 1, lambda t: -t, lambda t: t.abs(), lambda t: t.max(),
           lambda t: t.clamp(0, 1), lambda t: torch.cat([t, t]), lambda t: torch.stack([t, t]),
           lambda t: F.softmax(t, 0), lambda t: F.log_softmax(t, 0), lambda t: t.expand(2, 3), lambda t: t.clone(),
           lambda t: t.norm(), lambda t: t.sqrt(), lambda t: t.double(), lambda t: t * t,
           lambda t: F.mse_loss(t, torch.zeros(3)), lambda t: t.squeeze(), lambda t: t.unsqueeze(1),
           lambda t: t.permute(0), lambda t: t.repeat(2), lambda t: torch.where(t > 0, t, 0.0)]:
    print(op(x).grad_fn.name())
print(x.double().grad_fn.next_functions[0][0].name())
print(torch.ones(2).grad_fn)
with torch.no_grad():
    print((x * 2).grad_fn)
print(x.detach().grad_fn, (x * 2).detach().requires_grad)
