# Conv layers' options, the way the nn docs examples use them: Conv1d/2d/3d with stride, padding='same'
# and 'valid', dilation, groups, padding_mode ('zeros', 'reflect', 'replicate', 'circular'), bias=False;
# output-size formula checks, gradient sums, F.conv2d with explicit weights, and the errors torch raises.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


def out_size(n, k, s=1, p=0, d=1):
    return (n + 2 * p - d * (k - 1) - 1) // s + 1


x = torch.randn(2, 4, 9, 11)
for kw in [dict(kernel_size=3), dict(kernel_size=3, stride=2), dict(kernel_size=(3, 5), stride=(2, 1), padding=(1, 2)),
           dict(kernel_size=3, dilation=2), dict(kernel_size=3, padding="same"), dict(kernel_size=4, padding="same"),
           dict(kernel_size=3, padding="valid"), dict(kernel_size=3, padding="same", dilation=2),
           dict(kernel_size=3, groups=2), dict(kernel_size=3, groups=4, bias=False)]:
    conv = nn.Conv2d(4, 8, **kw)
    y = conv(x)
    y.pow(2).mean().backward()
    print(conv, tuple(y.shape), f"{y.sum().item():.5f}", f"{conv.weight.grad.abs().sum().item():.5f}")
print(out_size(9, 3, 2), out_size(11, 5, 1, 2), out_size(9, 3, d=2))

for mode in ["zeros", "reflect", "replicate", "circular"]:
    conv = nn.Conv2d(4, 2, 3, padding=2, padding_mode=mode)
    xi = x.clone().requires_grad_(True)
    y = conv(xi)
    y.sum().backward()
    print(mode, tuple(y.shape), f"{y.mean().item():.5f}", f"{xi.grad.std().item():.5f}")
    print(conv.extra_repr())

s = torch.randn(3, 2, 20)
for kw in [dict(kernel_size=5), dict(kernel_size=5, stride=3, padding=2), dict(kernel_size=3, dilation=4),
           dict(kernel_size=3, padding="same", padding_mode="reflect"), dict(kernel_size=2, groups=2)]:
    c1 = nn.Conv1d(2, 4, **kw)
    print(c1, tuple(c1(s).shape), f"{c1(s).abs().mean().item():.5f}")

v = torch.randn(1, 2, 5, 6, 7)
c3 = nn.Conv3d(2, 4, kernel_size=(3, 3, 3), stride=(1, 2, 2), padding=1)
print(c3, tuple(c3(v).shape), c3.weight.shape)
c3s = nn.Conv3d(2, 2, 3, padding="same", padding_mode="replicate", groups=2)
print(tuple(c3s(v).shape), f"{c3s(v).sum().item():.5f}")

w = torch.randn(6, 2, 3, 3, requires_grad=True)
b = torch.randn(6, requires_grad=True)
xi = torch.randn(1, 4, 7, 7, requires_grad=True)
out = F.conv2d(xi, w, b, stride=2, padding=1, groups=2)
out.sum().backward()
print(out.shape, w.grad.sum(dim=(1, 2, 3)), b.grad, xi.grad[0, :, 0, :3])

for bad in [lambda: nn.Conv2d(4, 8, 3, stride=2, padding="same"),
            lambda: nn.Conv2d(4, 6, 3, groups=4),
            lambda: nn.Conv2d(4, 8, 3, padding="full"),
            lambda: nn.Conv2d(4, 8, 3, padding_mode="mirror")]:
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
try:
    nn.Conv2d(3, 8, 3)(x)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    nn.Conv2d(4, 8, 5)(torch.randn(1, 4, 3, 3))
except RuntimeError as e:
    print("RuntimeError:", e)
