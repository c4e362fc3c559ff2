# Walking the autograd graph: grad_fn.next_functions, AccumulateGrad .variable, is_leaf / requires_grad of
# intermediates, version counter, and counting nodes of a small network's graph.
import torch
import torch.nn as nn

a = torch.tensor([1.0, 2.0], requires_grad=True)
b = torch.tensor([3.0, 4.0], requires_grad=True)
c = a * b
d = c.sum() + a.sum()
print(d.grad_fn is not None, len(d.grad_fn.next_functions))
for fn, idx in d.grad_fn.next_functions:
    print(" child", fn is not None, idx, [n is not None for n, _ in fn.next_functions])
acc = c.grad_fn.next_functions[0][0]
print("AccumulateGrad variable is a:", acc.variable is a, type(acc).__name__)
print(a.grad_fn, a.is_leaf, c.is_leaf, c.requires_grad)


def count_nodes(fn, seen=None):
    seen = set() if seen is None else seen
    if fn is None or fn in seen:
        return 0
    seen.add(fn)
    return 1 + sum(count_nodes(n, seen) for n, _ in fn.next_functions)


torch.manual_seed(0)
net = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 1))
out = net(torch.randn(2, 3)).mean()
print("nodes in a*b graph", count_nodes(d.grad_fn))
leaves = []


def collect(fn, seen):
    if fn is None or fn in seen:
        return
    seen.add(fn)
    if hasattr(fn, "variable"):
        leaves.append(tuple(fn.variable.shape))
    for n, _ in fn.next_functions:
        collect(n, seen)


collect(out.grad_fn, set())
print("leaf shapes", sorted(leaves))

x = torch.ones(3, requires_grad=True)
y = x * 2
print("version", y._version)
y.add_(1)
print("version after add_", y._version)
y[0] = 5
print("version after setitem", y._version)
z = y.exp()
y.mul_(2)
try:
    z.sum().backward()
    print("no error")
except RuntimeError as e:
    print("RuntimeError:", str(e).split(";")[0][:60])
w = x.sigmoid()
w.mul_(2)
try:
    w.sum().backward()
except RuntimeError as e:
    print("RuntimeError:", "modified by an inplace operation" in str(e))
