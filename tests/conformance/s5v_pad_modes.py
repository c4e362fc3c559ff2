# F.pad in all modes and the padding modules: constant (with value), reflect, replicate, circular on
# 1-D/2-D/3-D inputs, asymmetric and negative (cropping) pads, last-dim-first padding order, gradients of
# reflect/replicate/circular padding, the nn.*Pad* modules' reprs, and the errors for pads that are too big.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
t = torch.arange(1.0, 7.0).view(1, 1, 2, 3)
print(F.pad(t, (1, 1)))
print(F.pad(t, (1, 0, 0, 2), value=-1.0))
for mode in ["reflect", "replicate", "circular"]:
    print(mode, F.pad(t, (2, 1, 1, 1), mode=mode))
print(F.pad(t, (-1, 0, 0, -1)))
print(F.pad(torch.arange(5.0).view(1, 1, 5), (3, 2), mode="reflect"))
print(F.pad(torch.arange(5.0).view(1, 5), (2, 2), mode="circular"))
print(F.pad(torch.ones(2, 3), (1, 1, 2, 0)))
v = torch.arange(8.0).view(1, 1, 2, 2, 2)
print(F.pad(v, (1, 1, 1, 1, 1, 1), mode="replicate").shape, F.pad(v, (1, 0, 0, 1, 1, 0), mode="circular")[0, 0, 0])

x = torch.randn(2, 2, 4, 5, requires_grad=True)
for mode in ["constant", "reflect", "replicate", "circular"]:
    y = F.pad(x, (2, 3, 1, 2), mode=mode)
    (g,) = torch.autograd.grad((y * torch.arange(y.numel()).view(y.shape).float()).sum(), x)
    print(mode, tuple(y.shape), f"{y.sum().item():.5f}", g[0, 0])

for m in [nn.ZeroPad2d(2), nn.ZeroPad2d((1, 1, 2, 0)), nn.ConstantPad1d(2, 3.5), nn.ConstantPad2d((1, 0, 0, 1), 9.0),
          nn.ReflectionPad2d(1), nn.ReflectionPad1d((2, 1)), nn.ReplicationPad2d((0, 2, 1, 0)),
          nn.CircularPad2d(1), nn.ReplicationPad3d(1), nn.ZeroPad1d((0, 3))]:
    d = {1: torch.arange(4.0).view(1, 1, 4), 2: t, 3: v}[len(m.padding) // 2]
    out = m(d)
    print(m, tuple(out.shape), out.flatten()[:8])

for bad in [lambda: F.pad(t, (3, 0), mode="reflect"), lambda: F.pad(t, (1, 1, 1)),
            lambda: F.pad(t, (1, 1), mode="wrap"), lambda: F.pad(torch.ones(3), (1, 1), mode="reflect")]:
    try:
        bad()
    except (RuntimeError, ValueError, NotImplementedError, AssertionError) as e:
        print(type(e).__name__ + ":", e)
