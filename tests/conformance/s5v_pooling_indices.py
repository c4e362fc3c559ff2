# Pooling layers in detail: MaxPool2d with return_indices + MaxUnpool2d (the SegNet trick),
# ceil_mode, padding, dilation, AvgPool2d count_include_pad / divisor_override, MaxPool1d/AvgPool1d,
# AdaptiveMaxPool2d(return_indices=True), LPPool2d, gradients flowing through max and average pooling.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.arange(1.0, 37.0).reshape(1, 1, 6, 6)
x[0, 0, 2, 3] = 100.0
pool = nn.MaxPool2d(2, stride=2, return_indices=True)
unpool = nn.MaxUnpool2d(2, stride=2)
out, idx = pool(x)
print(pool, unpool)
print(out, idx)
print(unpool(out, idx))
print(unpool(out, idx, output_size=torch.Size([1, 1, 7, 7])).shape)

img = torch.randn(2, 3, 7, 9, requires_grad=True)
for kw in [dict(kernel_size=3, stride=2), dict(kernel_size=3, stride=2, ceil_mode=True),
           dict(kernel_size=3, stride=1, padding=1), dict(kernel_size=2, dilation=2),
           dict(kernel_size=(2, 3), stride=(1, 2))]:
    p = nn.MaxPool2d(**kw)
    y = p(img)
    (g,) = torch.autograd.grad(y.sum(), img)
    print(p, tuple(y.shape), f"{y.sum().item():.5f}", g.sum().item(), g.max().item())

for kw in [dict(kernel_size=3, stride=2, padding=1), dict(kernel_size=3, stride=2, padding=1, count_include_pad=False),
           dict(kernel_size=3, stride=2, ceil_mode=True), dict(kernel_size=2, divisor_override=3),
           dict(kernel_size=3, stride=2, padding=1, ceil_mode=True, count_include_pad=False)]:
    p = nn.AvgPool2d(**kw)
    y = p(img)
    (g,) = torch.autograd.grad(y.pow(2).sum(), img)
    print(p, tuple(y.shape), f"{y.sum().item():.5f}", f"{g.abs().sum().item():.5f}")

seq = torch.randn(2, 4, 11)
o1, i1 = F.max_pool1d(seq, 3, stride=2, return_indices=True)
print(o1.shape, i1[0, 0], F.max_unpool1d(o1, i1, 3, stride=2, output_size=[11]).shape)
print(F.avg_pool1d(seq, 4, stride=3, padding=2).shape, F.avg_pool1d(seq, 4, stride=3, padding=2)[1, 2])
amp = nn.AdaptiveMaxPool2d((3, 4), return_indices=True)
vals, inds = amp(img.detach())
print(amp, vals.shape, inds[0, 0])
print(torch.equal(vals.flatten(2), img.detach().flatten(2).gather(2, inds.flatten(2))))
lp = nn.LPPool2d(2, 3, stride=2)
print(lp, lp(img.detach().abs()).shape, f"{lp(img.detach().abs()).mean().item():.5f}")
v = torch.randn(1, 2, 4, 6, 6)
o3, i3 = F.max_pool3d(v, 2, return_indices=True)
print(o3.shape, F.max_unpool3d(o3, i3, 2).shape, torch.equal(F.max_unpool3d(o3, i3, 2).amax(), v.amax()))
try:
    nn.MaxPool2d(3, padding=2)(img)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    nn.MaxPool2d(5)(torch.randn(1, 1, 3, 3))
except RuntimeError as e:
    print("RuntimeError:", e)
