# requires_grad_ toggling for freezing, detach vs detach_, .data, errors on non-leaf requires_grad, integer
# tensors can't require grad, grads stopping at detach.
import torch
import torch.nn as nn

torch.manual_seed(0)
a = torch.randn(3)
print(a.requires_grad, a.requires_grad_().requires_grad, a.is_leaf)
a.requires_grad_(False)
print(a.requires_grad)

b = a.requires_grad_() * 2
try:
    b.requires_grad_(False)
except RuntimeError as e:
    print("RuntimeError:", e)
print("non-leaf", b.is_leaf, b.requires_grad)

try:
    torch.tensor([1, 2]).requires_grad_()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    torch.tensor([1, 2], requires_grad=True)
except RuntimeError as e:
    print("RuntimeError:", e)

d = b.detach()
print("detach", d.requires_grad, d.grad_fn, d.is_leaf)
d[0] = 100.0
print("detach shares storage", b[0].item() == 100.0)

e = a * 3
e.detach_()
print("detach_", e.requires_grad, e.is_leaf, e.grad_fn)

p = torch.tensor([1.0, 2.0], requires_grad=True)
q = p * 2
r = q.detach() * p
r.sum().backward()
print("stops at detach", p.grad)

p.grad = None
with torch.no_grad():
    p.data.mul_(10)
(p * p).sum().backward()
print("after .data edit", p, p.grad)

net = nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1))
net[0].requires_grad_(False)
print([(n, prm.requires_grad) for n, prm in net.named_parameters()])
net(torch.ones(4, 2)).sum().backward()
print([None if prm.grad is None else tuple(prm.grad.shape) for prm in net.parameters()])
trainable = sum(prm.numel() for prm in net.parameters() if prm.requires_grad)
print("trainable", trainable, "total", sum(prm.numel() for prm in net.parameters()))
net.requires_grad_()
print(all(prm.requires_grad for prm in net.parameters()))

t = torch.ones(2, requires_grad=True)
u = t.clone()
v = t.detach().clone()
print(u.requires_grad, u.grad_fn is not None, v.requires_grad)
print(torch.ones(2).requires_grad_(True).sum().requires_grad)
