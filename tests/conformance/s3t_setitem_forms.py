# Writing into tensors: scalars, slices, masks, index tensors, broadcasting values, and the version counter.
import torch

torch.manual_seed(5)
a = torch.zeros(4, 5)
a[0] = 1
a[1, 2] = 5.5
a[2, :] = torch.arange(5)
a[:, 4] = torch.tensor([9.0, 8.0, 7.0, 6.0])
a[3, 1:3] = torch.tensor([-1.0, -2.0])
print(a)
a[a > 5] = 0
print(a)
a[a == 0] = torch.tensor(-3.0)
print(a)
a[[0, 2], [1, 3]] = torch.tensor([100.0, 200.0])
print(a)
a[[1, 3]] = torch.ones(2, 5) * 0.5
print(a)
a[..., 0] = 42
a[:, None, 1] = 7
print(a)
b = torch.arange(10)
b[::2] = 0
b[b > 5] = -1
b[-1] = 99
b[torch.tensor([1, 1, 1])] = 55
print(b, b.dtype)
b[2] = 3.9
b[3] = True
print(b)
c = torch.zeros(3, 3)
c[torch.tensor([True, False, True])] = torch.tensor([1.0, 2.0, 3.0])
print(c)
c[:, torch.tensor([True, False, True])] = 4.0
print(c)
c[1] = c[1] + 10
c[0] += 1
c[:, 1] *= 3
c[2, 2] -= 0.5
print(c)
m = torch.randn(4, 4)
m[m < 0] = 0
print(m)
m.fill_diagonal_(-1)
print(m)
e = torch.eye(3)
e[1][2] = 8
e[0, :2] = e[2, 1:]
print(e)
v = torch.zeros(6)
ix = torch.tensor([0, 2, 2, 5])
v[ix] += 1
print(v)
v.index_put_((torch.tensor([1, 1]),), torch.tensor([1.0, 2.0]), accumulate=True)
print(v)
v.index_fill_(0, torch.tensor([4]), -7)
print(v)
img = torch.zeros(2, 3, 4, 4)
img[:, :, 1:3, 1:3] = 1.0
img[0, 1] = torch.full((4, 4), 2.0)
img[1, :, 0] = torch.tensor([5.0, 6.0, 7.0]).view(3, 1)
print(img.sum(dim=(2, 3)), img[1, :, 0])
t = torch.ones(3)
view = t[1:]
view[0] = 10
print(t, view, t.data_ptr() == view.data_ptr(), view.is_contiguous())
w = torch.ones(2, 2, requires_grad=True)
with torch.no_grad():
    w[0, 0] = 3.0
print(w, w.requires_grad)
z = torch.zeros(3, dtype=torch.int64)
z[0] = 2.7
z[1:] = torch.tensor([1.9, -1.9])
print(z)
q = torch.zeros(2, 3, dtype=torch.bool)
q[0, 1] = 1
q[1] = torch.tensor([1, 0, 5])
print(q)
