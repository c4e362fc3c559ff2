# resize_ keeps the storage when shrinking (views still see it) and is a no-op, strides kept, for the same shape.
import torch

x = torch.arange(6.0)
v = x[2:]
x.resize_(2, 2)
print(x, x.untyped_storage().nbytes(), v.untyped_storage().nbytes(), v)
x.fill_(-1.0)
print(v, x.stride(), x.storage_offset())
x.resize_(8)
print(x.untyped_storage().nbytes(), x[:4].tolist(), x.shape)
y = torch.arange(4.0)
y.resize_(0)
print(y.untyped_storage().nbytes(), y.shape)
z = torch.zeros(2, 3).t()
z.resize_(3, 2)
print(z.stride(), z.is_contiguous())
z.resize_(2, 3)
print(z.stride(), z.is_contiguous())
w = torch.arange(6.0).view(2, 3)
w.resize_(3, 2)
print(w)
s = torch.arange(10.0)[4:]
s.resize_(2, 2)
print(s, s.storage_offset(), s.untyped_storage().nbytes())
b = torch.arange(12).view(3, 4)[1]
b.resize_(2)
print(b, b.storage_offset())
