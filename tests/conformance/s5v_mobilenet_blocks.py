# MobileNet / ShuffleNet / SE building blocks: depthwise separable convs (groups=in_channels), the
# inverted residual with expansion and ReLU6, Hardswish/Hardsigmoid, a squeeze-and-excitation block,
# channel shuffle by view/transpose (and nn.ChannelShuffle), parameter and FLOP-ish counts vs a plain conv.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


def count(m):
    return sum(p.numel() for p in m.parameters())


class DepthwiseSeparable(nn.Module):
    def __init__(self, cin, cout, stride=1):
        super().__init__()
        self.dw = nn.Conv2d(cin, cin, 3, stride, 1, groups=cin, bias=False)
        self.bn1 = nn.BatchNorm2d(cin)
        self.pw = nn.Conv2d(cin, cout, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)

    def forward(self, x):
        return F.relu6(self.bn2(self.pw(F.relu6(self.bn1(self.dw(x))))))


class SqueezeExcitation(nn.Module):
    def __init__(self, channels, squeeze):
        super().__init__()
        self.avgpool = nn.AdaptiveAvgPool2d(1)
        self.fc1 = nn.Conv2d(channels, squeeze, 1)
        self.fc2 = nn.Conv2d(squeeze, channels, 1)
        self.activation = nn.ReLU()
        self.scale_activation = nn.Hardsigmoid()

    def forward(self, x):
        scale = self.scale_activation(self.fc2(self.activation(self.fc1(self.avgpool(x)))))
        return scale * x


class InvertedResidual(nn.Module):
    def __init__(self, inp, oup, stride, expand_ratio):
        super().__init__()
        hidden = int(round(inp * expand_ratio))
        self.use_res_connect = stride == 1 and inp == oup
        self.conv = nn.Sequential(
            nn.Conv2d(inp, hidden, 1, 1, 0, bias=False), nn.BatchNorm2d(hidden), nn.ReLU6(inplace=True),
            nn.Conv2d(hidden, hidden, 3, stride, 1, groups=hidden, bias=False), nn.BatchNorm2d(hidden),
            nn.Hardswish(inplace=True), SqueezeExcitation(hidden, max(hidden // 4, 1)),
            nn.Conv2d(hidden, oup, 1, 1, 0, bias=False), nn.BatchNorm2d(oup))

    def forward(self, x):
        return x + self.conv(x) if self.use_res_connect else self.conv(x)


def channel_shuffle(x, groups):
    b, c, h, w = x.size()
    x = x.view(b, groups, c // groups, h, w)
    x = torch.transpose(x, 1, 2).contiguous()
    return x.view(b, -1, h, w)


x = torch.randn(2, 8, 10, 10)
ds = DepthwiseSeparable(8, 16, stride=2)
plain = nn.Conv2d(8, 16, 3, 2, 1, bias=False)
print(ds.dw, count(ds), count(plain), f"ratio {count(ds) / count(plain):.4f}")
print(ds(x).shape, f"{ds(x).max().item():.4f}", bool((ds(x) <= 6).all()))
block = InvertedResidual(8, 8, 1, 4)
block2 = InvertedResidual(8, 12, 2, 6)
print(block.use_res_connect, block2.use_res_connect, count(block), count(block2))
y = block(x)
print(y.shape, block2(x).shape, f"{y.mean().item():.5f}", f"{y.std().item():.5f}")
y.sum().backward()
print(f"{block.conv[3].weight.grad.abs().sum().item():.5f}", block.conv[3].weight.shape)
t = torch.arange(12.0).view(1, 6, 1, 2)
print(channel_shuffle(t, 3).flatten(), nn.ChannelShuffle(3)(t).flatten(), F.channel_shuffle(t, 2).flatten())
print(nn.ChannelShuffle(2))
v = torch.linspace(-4, 4, 9)
print(F.relu6(v * 2), F.hardswish(v), F.hardsigmoid(v), nn.Hardtanh(-2, 2)(v))
va = v.clone().requires_grad_(True)
(F.hardswish(va) + F.hardsigmoid(va) + F.relu6(va * 2)).sum().backward()
print(va.grad)
flops_plain = 16 * 8 * 9 * 5 * 5
flops_ds = 8 * 9 * 5 * 5 + 16 * 8 * 5 * 5
print(flops_plain, flops_ds, f"{flops_ds / flops_plain:.4f}")
