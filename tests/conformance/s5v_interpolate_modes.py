# F.interpolate / nn.Upsample in every mode people use for images: nearest, nearest-exact, bilinear and
# bicubic with align_corners True/False, area, linear (1-D), trilinear (3-D), size= vs scale_factor=,
# recompute_scale_factor, antialias downsampling, gradients, and the warnings/errors for bad options.
import warnings

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
img = torch.arange(16.0).view(1, 1, 4, 4)
print(F.interpolate(img, scale_factor=2, mode="nearest")[0, 0, :3])
print(F.interpolate(img, size=(3, 5), mode="nearest")[0, 0])
print(F.interpolate(img, size=(3, 5), mode="nearest-exact")[0, 0])
print(F.interpolate(img, scale_factor=2, mode="bilinear", align_corners=False)[0, 0, 1])
print(F.interpolate(img, scale_factor=2, mode="bilinear", align_corners=True)[0, 0, 1])
print(F.interpolate(img, size=(2, 2), mode="area")[0, 0])
print(F.interpolate(img, size=(3, 3), mode="area")[0, 0])
print(F.interpolate(img, scale_factor=1.5, mode="bicubic", align_corners=False)[0, 0, 2])
print(F.interpolate(img, scale_factor=1.5, mode="bicubic", align_corners=True)[0, 0, 2])
print(F.interpolate(img, scale_factor=0.6, mode="bilinear", recompute_scale_factor=True).shape)
print(F.interpolate(img, scale_factor=0.6, mode="bilinear").shape)
print(F.interpolate(img, size=(2, 3), mode="bilinear", antialias=True)[0, 0])

x = torch.randn(2, 3, 5, 7, requires_grad=True)
for kw in [dict(scale_factor=2, mode="nearest"), dict(size=(8, 9), mode="bilinear", align_corners=False),
           dict(size=(8, 9), mode="bilinear", align_corners=True), dict(scale_factor=(0.5, 1.3), mode="bicubic"),
           dict(size=(3, 4), mode="area"), dict(size=(9, 4), mode="nearest-exact")]:
    y = F.interpolate(x, **kw)
    (g,) = torch.autograd.grad((y * y).sum(), x)
    print(kw, tuple(y.shape), f"{y.sum().item():.5f}", f"{g.abs().sum().item():.5f}")

s = torch.randn(1, 2, 6)
print(F.interpolate(s, scale_factor=1.5, mode="linear", align_corners=False))
print(F.interpolate(s, size=4, mode="linear", align_corners=True))
v = torch.randn(1, 1, 2, 3, 3)
print(F.interpolate(v, scale_factor=2, mode="trilinear", align_corners=False).shape,
      f"{F.interpolate(v, scale_factor=2, mode='trilinear').mean().item():.6f}")

up = nn.Upsample(scale_factor=2, mode="bilinear", align_corners=True)
print(up, up(img).shape)
print(nn.Upsample(size=(3, 3)), nn.UpsamplingNearest2d(scale_factor=2)(img)[0, 0, 0],
      nn.UpsamplingBilinear2d(scale_factor=2)(img)[0, 0, 0])
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    F.upsample(img, scale_factor=2)
    print(len(w) > 0)
for bad in [dict(size=(3, 3), scale_factor=2), dict(scale_factor=2, mode="nearest", align_corners=True),
            dict(size=(3, 3, 3)), dict(scale_factor=2, mode="cubic")]:
    try:
        F.interpolate(img, **bad)
    except (ValueError, NotImplementedError) as e:
        print(type(e).__name__ + ":", e)
