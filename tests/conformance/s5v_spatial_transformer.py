# Spatial Transformer Network pieces (PyTorch STN tutorial, miniature): a localisation net regressing a
# 2x3 affine theta initialised to identity, F.affine_grid + F.grid_sample (bilinear/nearest, zeros/border/
# reflection padding, align_corners), identity check, rotation by a known angle, gradients w.r.t. theta
# and the input, and a few training steps.
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class STN(nn.Module):
    def __init__(self):
        super().__init__()
        self.localization = nn.Sequential(nn.Conv2d(1, 4, kernel_size=3), nn.MaxPool2d(2, stride=2), nn.ReLU(True))
        self.fc_loc = nn.Sequential(nn.Linear(4 * 3 * 3, 8), nn.ReLU(True), nn.Linear(8, 3 * 2))
        self.fc_loc[2].weight.data.zero_()
        self.fc_loc[2].bias.data.copy_(torch.tensor([1, 0, 0, 0, 1, 0], dtype=torch.float))

    def forward(self, x):
        xs = self.localization(x).view(-1, 4 * 3 * 3)
        theta = self.fc_loc(xs).view(-1, 2, 3)
        grid = F.affine_grid(theta, x.size(), align_corners=False)
        return F.grid_sample(x, grid, align_corners=False), theta


img = torch.zeros(2, 1, 8, 8)
img[:, :, 2:6, 3:5] = 1.0
img[1] = img[1].transpose(-1, -2).clone()
try:
    img[0] = img[0].transpose(-1, -2)
except RuntimeError as e:
    print("RuntimeError:", e)
stn = STN()
out, theta = stn(img)
print(theta, torch.allclose(out, img, atol=1e-6))
a = math.pi / 6
rot = torch.tensor([[math.cos(a), -math.sin(a), 0.0], [math.sin(a), math.cos(a), 0.0]]).unsqueeze(0)
for align in [False, True]:
    grid = F.affine_grid(rot, (1, 1, 8, 8), align_corners=align)
    print(align, grid.shape, grid[0, 0, :2])
    for mode in ["bilinear", "nearest"]:
        for pad in ["zeros", "border", "reflection"]:
            r = F.grid_sample(img[:1], grid, mode=mode, padding_mode=pad, align_corners=align)
            print(mode, pad, f"{r.sum().item():.5f}", r[0, 0, 3, :4])
theta_p = rot.clone().requires_grad_(True)
src = img[:1].clone().requires_grad_(True)
g = F.affine_grid(theta_p, (1, 1, 8, 8), align_corners=False)
o = F.grid_sample(src, g, align_corners=False)
(o * torch.linspace(0, 1, 8)).sum().backward()
print(theta_p.grad, src.grad[0, 0, 2])
bic = F.grid_sample(img[:1], F.affine_grid(rot * 0.8, (1, 1, 6, 6), align_corners=False), mode="bicubic",
                    align_corners=False)
print(bic.shape, f"{bic.sum().item():.5f}")
target = torch.roll(img, 1, dims=3)
opt = torch.optim.SGD(stn.parameters(), lr=0.5)
for step in range(4):
    opt.zero_grad()
    out, theta = stn(img)
    loss = F.mse_loss(out, target)
    loss.backward()
    opt.step()
    print(step, f"{loss.item():.6f}", theta[0, :, 2])
try:
    F.affine_grid(torch.zeros(1, 3, 3), (1, 1, 4, 4), align_corners=False)
except ValueError as e:
    print("ValueError:", e)
