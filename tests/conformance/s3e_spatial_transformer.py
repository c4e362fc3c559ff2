# A tiny spatial transformer network: a localization net predicts an affine theta, affine_grid + grid_sample
# warp the input, and the whole thing trains end to end.
import torch
import torch.nn as nn
import torch.nn.functional as F


class STN(nn.Module):
    def __init__(self):
        super().__init__()
        self.loc = nn.Sequential(nn.Conv2d(1, 4, 3), nn.MaxPool2d(2), nn.ReLU(), nn.Flatten(), nn.LazyLinear(6))
        self.head = nn.Linear(64, 3)

    def forward(self, x):
        theta = self.loc(x).view(-1, 2, 3) * 0.1 + torch.tensor([[1.0, 0, 0], [0, 1.0, 0]])
        grid = F.affine_grid(theta, x.size(), align_corners=False)
        warped = F.grid_sample(x, grid, align_corners=False)
        return self.head(warped.flatten(1)), theta


torch.manual_seed(0)
model = STN()
x = torch.randn(4, 1, 8, 8)
y = torch.tensor([0, 1, 2, 1])
out, theta = model(x)
print(model)
print(out.shape, theta.shape)
opt = torch.optim.Adam(model.parameters(), lr=1e-2)
for step in range(5):
    opt.zero_grad()
    out, theta = model(x)
    loss = F.cross_entropy(out, y)
    loss.backward()
    opt.step()
    print(step, round(loss.item(), 4))
print(theta[0])

img = torch.arange(16.0).view(1, 1, 4, 4)
ident = torch.tensor([[[1.0, 0, 0], [0, 1, 0]]])
for align in (False, True):
    g = F.affine_grid(ident, [1, 1, 4, 4], align_corners=align)
    print(align, g[0, 0], F.grid_sample(img, g, align_corners=align).flatten()[:6])
rot = torch.tensor([[[0.0, -1.0, 0.0], [1.0, 0.0, 0.0]]])
g = F.affine_grid(rot, (1, 1, 4, 4), align_corners=True)
for mode in ("bilinear", "nearest", "bicubic"):
    for pad in ("zeros", "border", "reflection"):
        shifted = g * 1.3 + 0.1
        r = F.grid_sample(img, shifted, mode=mode, padding_mode=pad, align_corners=True)
        print(mode, pad, r.flatten()[:5], r.sum().item())
vol = torch.randn(1, 2, 3, 4, 5)
g3 = F.affine_grid(torch.eye(3, 4).unsqueeze(0) * 0.9, [1, 2, 2, 3, 3], align_corners=False)
print(F.grid_sample(vol, g3, align_corners=False).shape)
