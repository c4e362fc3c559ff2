# Transposed convolutions as used in decoders/GAN generators: ConvTranspose2d with stride, padding,
# output_padding, dilation, groups, the output_size= call argument, ConvTranspose1d/3d, the shape
# formula, gradients, and "conv_transpose undoes conv's shape" checks; plus the errors torch raises.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


def tconv_out(n, k, s=1, p=0, op=0, d=1):
    return (n - 1) * s - 2 * p + d * (k - 1) + op + 1


x = torch.randn(2, 4, 5, 6)
for kw in [dict(kernel_size=3), dict(kernel_size=3, stride=2), dict(kernel_size=3, stride=2, padding=1),
           dict(kernel_size=3, stride=2, padding=1, output_padding=1), dict(kernel_size=4, stride=2, padding=1),
           dict(kernel_size=(3, 2), stride=(2, 3), padding=(1, 0), output_padding=(1, 2)),
           dict(kernel_size=3, dilation=2), dict(kernel_size=3, groups=2, stride=2), dict(kernel_size=1, bias=False)]:
    up = nn.ConvTranspose2d(4, 6, **kw)
    xi = x.clone().requires_grad_(True)
    y = up(xi)
    y.square().mean().backward()
    print(up, tuple(y.shape), f"{y.sum().item():.5f}", f"{xi.grad.abs().sum().item():.5f}",
          f"{up.weight.grad.norm().item():.5f}")
print(tconv_out(5, 3, 2, 1, 1), tconv_out(6, 4, 2, 1), tconv_out(5, 3, d=2))

down = nn.Conv2d(3, 8, 3, stride=2, padding=1)
up = nn.ConvTranspose2d(8, 3, 3, stride=2, padding=1)
for hw in [(8, 8), (7, 9)]:
    img = torch.randn(1, 3, *hw)
    z = down(img)
    rec = up(z, output_size=img.size())
    print(hw, tuple(z.shape), tuple(up(z).shape), tuple(rec.shape))

s = torch.randn(2, 3, 7)
t1 = nn.ConvTranspose1d(3, 2, kernel_size=5, stride=3, padding=2, output_padding=1)
print(t1, tuple(t1(s).shape), f"{t1(s).mean().item():.6f}")
v = torch.randn(1, 2, 3, 4, 4)
t3 = nn.ConvTranspose3d(2, 2, kernel_size=2, stride=2)
print(tuple(t3(v).shape), f"{t3(v).std().item():.6f}", t3.weight.shape)

w = torch.randn(4, 3, 3, 3)
out = F.conv_transpose2d(x, w, stride=2, padding=1, output_padding=1)
print(out.shape, f"{out.abs().sum().item():.4f}")
a = torch.randn(1, 3, 4, 4)
b = torch.randn(1, 4, 5, 5)
adj_l = (F.conv2d(b, w.transpose(0, 1).contiguous()) * a[:, :, :3, :3]).sum()
adj_r = (b * F.conv_transpose2d(a[:, :, :3, :3], w.transpose(0, 1).contiguous())).sum()
print(f"{adj_l.item():.4f} {adj_r.item():.4f}")

try:
    nn.ConvTranspose2d(4, 4, 3, stride=2, output_padding=2)(x)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    up(torch.randn(1, 8, 4, 4), output_size=[20, 20])
except ValueError as e:
    print("ValueError:", e)
try:
    nn.ConvTranspose2d(4, 4, 3, padding="same")
except ValueError as e:
    print("ValueError:", e)
