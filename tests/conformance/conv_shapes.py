# Output shapes and values of convolution and pooling layers over their options.
import torch
import torch.nn as nn
import torch.nn.functional as F

x = torch.randn(2, 3, 9, 7)
for kw in [dict(kernel_size=3), dict(kernel_size=3, padding=1), dict(kernel_size=(3, 2), stride=2),
           dict(kernel_size=3, dilation=2, padding=2), dict(kernel_size=3, padding="same"),
           dict(kernel_size=1, groups=3), dict(kernel_size=3, padding=1, padding_mode="reflect"),
           dict(kernel_size=3, padding=1, padding_mode="circular")]:
    torch.manual_seed(0)
    out_ch = 6
    conv = nn.Conv2d(3, out_ch, **kw)
    y = conv(x)
    print(kw, tuple(y.shape), round(y.sum().item(), 4))
print(nn.MaxPool2d(2)(x).shape, nn.MaxPool2d(3, stride=2, padding=1)(x).shape)
print(nn.AvgPool2d(2, ceil_mode=True)(x).shape, nn.AdaptiveAvgPool2d((2, 3))(x)[0, 0])
print(nn.AdaptiveMaxPool2d(1)(x).flatten(1))
vals, idx = F.max_pool2d(x[:1, :1], 2, return_indices=True)
print(vals, idx)
print(F.avg_pool2d(x[:1, :1], 3, stride=2, padding=1, count_include_pad=False))
c1 = nn.Conv1d(3, 2, 3, stride=2)
print(c1(torch.randn(1, 3, 10)))
t = nn.ConvTranspose2d(3, 2, 3, stride=2, padding=1, output_padding=1)
print(t(torch.randn(1, 3, 4, 4)).shape)
print(nn.Upsample(scale_factor=2, mode="nearest")(torch.arange(4.0).view(1, 1, 2, 2)))
print(F.interpolate(torch.arange(4.0).view(1, 1, 2, 2), size=(3, 3), mode="bilinear", align_corners=False))
x.requires_grad_()
nn.Conv2d(3, 2, 3, padding=1)(x).square().mean().backward()
print(x.grad[0, 0, :2])
