# Adaptive pooling, the "make any image size fit the classifier head" pattern (torchvision style):
# AdaptiveAvgPool1d/2d/3d with non-divisible sizes, None in output_size, global pooling equivalences,
# gradients, and a model that accepts several input resolutions.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.randn(2, 3, 7, 10, requires_grad=True)
for size in [1, 2, (3, 4), (5, None), (None, 3), (7, 10), (9, 12)]:
    p = nn.AdaptiveAvgPool2d(size)
    y = p(x)
    (g,) = torch.autograd.grad(y.square().sum(), x)
    print(p, tuple(y.shape), f"{y.sum().item():.6f}", f"{g.abs().sum().item():.6f}")
gap = F.adaptive_avg_pool2d(x, 1).flatten(1)
print(torch.allclose(gap, x.mean(dim=(2, 3))), gap)
gmp = F.adaptive_max_pool2d(x, 1).flatten(1)
print(torch.allclose(gmp, x.amax(dim=(2, 3))))
print(F.adaptive_avg_pool1d(torch.arange(10.0).view(1, 1, 10), 4))
print(F.adaptive_max_pool1d(torch.arange(10.0).view(1, 1, 10), 3))
v = torch.randn(1, 2, 5, 6, 7)
print(nn.AdaptiveAvgPool3d((2, 3, None))(v).shape, f"{nn.AdaptiveAvgPool3d(2)(v).sum().item():.6f}")
print(nn.AdaptiveMaxPool3d((1, 2, 3))(v).shape, f"{nn.AdaptiveMaxPool3d((1, 2, 3))(v).sum().item():.6f}")


class AnySizeNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.ReLU(inplace=True), nn.MaxPool2d(2),
                                      nn.Conv2d(8, 16, 3, padding=1), nn.ReLU(inplace=True))
        self.avgpool = nn.AdaptiveAvgPool2d((2, 2))
        self.classifier = nn.Linear(16 * 2 * 2, 5)

    def forward(self, x):
        x = self.features(x)
        x = self.avgpool(x)
        return self.classifier(torch.flatten(x, 1))


net = AnySizeNet()
for hw in [(8, 8), (13, 17), (32, 20)]:
    out = net(torch.randn(2, 3, *hw))
    print(hw, tuple(out.shape), out[0])
try:
    nn.AdaptiveAvgPool2d((2, 2, 2))(x)
except (RuntimeError, ValueError) as e:
    print(type(e).__name__, e)
