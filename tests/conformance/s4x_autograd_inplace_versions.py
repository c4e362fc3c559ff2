# in-place ops and autograd: version counters, modified saved tensors errors, in-place on leaves, out-of-place fixes.
import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x.exp()
print(y._version)
y.add_(1)
print(y._version)
try:
    y.sum().backward()
    print(x.grad)
except RuntimeError as e:
    print("RuntimeError", "modified by an inplace operation" in str(e))
x.grad = None
a = x * 2
b = a.sin()
a.mul_(3)
try:
    b.sum().backward()
except RuntimeError as e:
    print("RuntimeError", "modified by an inplace operation" in str(e))
x.grad = None
a = x * 2
a.add_(5)
a.mul_(2)
a.sum().backward()
print(x.grad)
try:
    x.add_(1)
except RuntimeError as e:
    print("RuntimeError:", e)
with torch.no_grad():
    x.add_(1)
print(x, x._version)
x.grad = None
c = x.clone()
c[0] = 0.0
c.sum().backward()
print(x.grad)
x.grad = None
d = x * 1
d[1:] *= 2
(d ** 2).sum().backward()
print(x.grad)
x.grad = None
r = torch.relu(x - 3)
r2 = r.clone()
r2.relu_()
r2.sum().backward()
print(x.grad)
v = torch.zeros(4)
w = torch.tensor([1.0, 2.0], requires_grad=True)
v[1:3] = w * 2
print(v.requires_grad, v.grad_fn is not None)
v.sum().backward()
print(w.grad)
s = torch.tensor([1.0, 2.0], requires_grad=True)
t = s.sigmoid()
t2 = t * 1
t.mul_(2)
try:
    t2.sum().backward()
    print("ok", s.grad)
except RuntimeError as e:
    print("RuntimeError", "version" in str(e))
