# Tensor.view(dtype): reinterpreting the same bytes, shapes when the element size changes, sharing.
import torch

x = torch.tensor([1.0, -2.0, 0.5, 3.0])
i = x.view(torch.int32)
print(i, i.dtype, i.data_ptr() == x.data_ptr(), i.element_size())
i[0] = 0
print(x)
h = x.view(torch.int16)
print(h.shape, h.stride(), h[:4].tolist())
b = x.view(torch.uint8)
print(b.shape, b[:8].tolist())
d = x.view(torch.float64)
print(d.shape, d.dtype)
m = torch.arange(8, dtype=torch.int16).view(2, 4)
print(m.view(torch.int32), m.view(torch.int32).shape, m.view(torch.int8).shape, m.view(torch.float16).dtype)
print(torch.tensor([1.0]).view(torch.int32).item() == 0x3F800000, torch.tensor([0x40000000]).int().view(torch.float32))
u = torch.tensor([255, 1], dtype=torch.uint8).view(torch.int8)
print(u, torch.tensor([True, False]).view(torch.uint8))
try:
    torch.arange(3, dtype=torch.int16).view(torch.int32)
except RuntimeError as e:
    print("RuntimeError")
try:
    torch.zeros(4, 2).t().view(torch.int16)
except RuntimeError as e:
    print("RuntimeError")
print(torch.zeros(4, 2).t().view(torch.int32).stride())
