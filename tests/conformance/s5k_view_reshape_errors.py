# view vs reshape vs contiguous: strides, sharing, and the errors people hit after transpose/permute.
import torch

x = torch.arange(12.0).reshape(3, 4)
v = x.view(4, 3)
v[0, 0] = -1
print(x[0, 0], v.shape, x.view(-1).shape, x.view(2, -1, 3).shape, x.view(torch.Size([6, 2])).shape, x.view(12).stride())
t = x.t()
print(t.is_contiguous(), t.stride(), t.reshape(12), t.contiguous().view(12), t.contiguous().is_contiguous(), t.reshape(2, 6).is_contiguous())
try:
    t.view(12)
except RuntimeError as e:
    print("RuntimeError", e)
try:
    x.permute(1, 0).view(-1)
except RuntimeError as e:
    print("RuntimeError", e)
for bad in [lambda: x.view(5, -1), lambda: x.view(-1, -1), lambda: x.reshape(7), lambda: x.view(2, 2), lambda: x.reshape(-1, 5), lambda: x.view(0, -1), lambda: x.reshape(-2, 6)]:
    try:
        print(bad())
    except RuntimeError as e:
        print("RuntimeError", e)
print(x.reshape(-1, 6).shape, torch.reshape(x, (2, 2, 3)).shape, x.reshape(3, 2, 2)[1], x.view_as(torch.zeros(6, 2)).shape, x.reshape_as(torch.zeros(2, 6)).shape, torch.zeros(0, 3).reshape(-1, 5).shape if False else "")
y = x[:, 1:3]
print(y.is_contiguous(), y.stride(), y.reshape(6), y.flatten(), y.contiguous().stride(), x[::2].view(8).shape if x[::2].is_contiguous() else x[::2].is_contiguous())
z = x.unsqueeze(0).expand(2, 3, 4)
print(z.is_contiguous(), z.stride(), z.reshape(2, 12).shape, z.contiguous().stride())
print(x.flatten(), x.flatten(0, 0).shape, torch.arange(24).reshape(2, 3, 4).flatten(1).shape, torch.arange(24).reshape(2, 3, 4).flatten(0, 1).shape, x.ravel().shape, x.unflatten(1, (2, 2)).shape, torch.arange(6).unflatten(0, (-1, 3)).shape)
a = torch.arange(6)
b = a.view(2, 3)
b += 10
c = a.reshape(3, 2)
c[0, 0] = 99
print(a, a.data_ptr() == b.data_ptr(), b._base is a if hasattr(b, "_base") else "", a.view(torch.int32).shape if False else "")
print(torch.arange(4.0).view(torch.int32), torch.tensor([1.0]).view(torch.uint8).shape, torch.arange(4, dtype=torch.int32).view(torch.int64) if False else "")
