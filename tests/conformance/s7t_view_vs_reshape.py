# view shares memory; reshape shares when it can and copies otherwise: modify and print.
import torch

a = torch.arange(6.0)
v = a.view(2, 3)
v[0, 0] = 100.0
print(a)
r = a.reshape(3, 2)
r[1, 1] = -1.0
print(a, r)
t = v.t()
rt = t.reshape(6)
rt[0] = 7.0
print(a, rt, rt.data_ptr() == a.data_ptr())
try:
    t.view(6)
except RuntimeError as e:
    print("view failed:", e)
f = v.flatten()
f[1] = 55.0
print(a)
vv = v.view(-1, 1)
print(vv.shape, vv.stride())
u = a.unsqueeze(0)
u[0, 2] = 42.0
print(a)
s = v[:, 1]
s.mul_(10)
print(a, s)
sq = v[None].squeeze()
sq += 1
print(a)
print(v.view(3, 2).stride(), t.reshape(2, 3).is_contiguous(), t.contiguous().view(6))
b = torch.arange(8.0).view(2, 4)[:, :2]
print(b.view(2, 2, 1).stride(), b.reshape(4).stride(), b.reshape(2, 1, 2).stride())
try:
    b.view(4)
except RuntimeError as e:
    print("view failed:", e)
x = torch.arange(4.0).view(2, 2)
print(x.view(torch.int32).dtype if hasattr(x, "view") else None, x.view(4).tolist())
