# The version counter behind "modified by an inplace operation" errors: _version through views and in-place ops.
import torch

a = torch.zeros(3)
v = a[1:]
print(a._version, v._version)
a.add_(1)
print(a._version, v._version)
v.mul_(2)
print(a._version, v._version)
a[0] = 5.0
print(a._version, v._version, a)
c = a.clone()
print(c._version)
d = a.detach()
d.zero_()
print(a._version, d._version)
with torch.no_grad():
    a.fill_(3.0)
print(a._version)
w = torch.ones(2, requires_grad=True)
y = w * 2
z = y.sigmoid()
print(y._version, z._version)
z2 = y.exp()
y.add_(1)
print(y._version)
try:
    z2.sum().backward()
except RuntimeError as e:
    print("RuntimeError", "modified by an inplace operation" in str(e))
x = torch.ones(2)
x.data.add_(1)
print(x._version, x)
x.copy_(torch.zeros(2))
x.resize_(2)
print(x._version)
