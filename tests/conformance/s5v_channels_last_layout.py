# Memory formats and layouts that show up in vision code: to(memory_format=torch.channels_last), strides,
# is_contiguous(memory_format=...), convolutions and pooling on channels-last inputs (values identical),
# permute/contiguous/view pitfalls with NHWC images, torch.Tensor.stride() after transpose/expand/flip,
# and data_ptr-free checks of sharing (view vs copy) with torch.equal and in-place edits.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.randn(2, 3, 4, 5)
cl = x.to(memory_format=torch.channels_last)
print(x.stride(), cl.stride(), cl.shape)
print(x.is_contiguous(), cl.is_contiguous(), cl.is_contiguous(memory_format=torch.channels_last))
print(torch.equal(x, cl), x.contiguous(memory_format=torch.channels_last).stride())
conv = nn.Conv2d(3, 4, 3, padding=1)
print(torch.allclose(conv(x), conv(cl), atol=1e-6), F.max_pool2d(cl, 2).shape)
print(torch.allclose(nn.BatchNorm2d(3)(cl), nn.BatchNorm2d(3)(x), atol=1e-6))
nhwc = x.permute(0, 2, 3, 1)
print(nhwc.shape, nhwc.stride(), nhwc.is_contiguous())
print(nhwc.contiguous().stride(), nhwc.reshape(2, -1, 3).shape)
print(x.transpose(1, 3).stride(), x[:, :, ::2].stride(), x.expand(2, 3, 4, 5).stride())
e = torch.randn(3, 1).expand(3, 4)
print(e.stride(), e.is_contiguous(), e.contiguous().stride())
t = x.t() if x.dim() == 2 else x[0, 0].t()
print(t.stride(), t.is_contiguous(), t.contiguous().is_contiguous())
v = x.view(2, 3, 20)
v[0, 0, 0] = 100.0
print(x[0, 0, 0, 0].item(), v.storage_offset() if hasattr(v, "storage_offset") else 0, x[1].storage_offset())
r = x.reshape(6, 20)
c = x.permute(1, 0, 2, 3).reshape(3, -1)
c[0, 0] = -1.0
print(r[0, 0].item(), x[0, 0, 0, 0].item(), c.is_contiguous())
u = x.unfold(3, 2, 1)
print(u.shape, u.stride())
print(x.narrow(2, 1, 2).stride(), x.select(1, 2).stride(), x.movedim(1, -1).stride())
print(torch.empty_like(cl).stride(), torch.zeros_like(x, memory_format=torch.channels_last).stride())
print(cl.clone().stride(), cl.clone(memory_format=torch.contiguous_format).stride())
model = nn.Sequential(nn.Conv2d(3, 4, 3), nn.BatchNorm2d(4), nn.ReLU(), nn.Flatten(), nn.Linear(4 * 2 * 3, 2))
model = model.to(memory_format=torch.channels_last)
print(model[0].weight.stride(), model[0].weight.is_contiguous(memory_format=torch.channels_last), model[4].weight.stride())
print(model(cl), model[0].weight.is_leaf)
try:
    torch.randn(2, 3, 4).to(memory_format=torch.channels_last)
except RuntimeError as e:
    print("RuntimeError:", e)
