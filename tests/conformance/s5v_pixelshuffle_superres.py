# Super-resolution "ESPCN" example (as in the PyTorch examples repo), miniaturised: conv layers producing
# r^2 channels and nn.PixelShuffle(r) to upscale, MSE + PSNR per epoch on synthetic smooth images,
# PixelUnshuffle round trip, channel ordering check, and the error for a channel count not divisible by r^2.
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
ps = nn.PixelShuffle(2)
pu = nn.PixelUnshuffle(2)
t = torch.arange(16.0).view(1, 4, 2, 2)
print(ps, pu, ps(t))
print(torch.equal(pu(ps(t)), t), pu(torch.arange(16.0).view(1, 1, 4, 4)))
print(F.pixel_shuffle(torch.randn(2, 18, 3, 4), 3).shape, F.pixel_unshuffle(torch.randn(2, 1, 6, 6), 3).shape)


class ESPCN(nn.Module):
    def __init__(self, upscale_factor):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 16, (5, 5), (1, 1), (2, 2))
        self.conv2 = nn.Conv2d(16, 8, (3, 3), (1, 1), (1, 1))
        self.conv3 = nn.Conv2d(8, upscale_factor ** 2, (3, 3), (1, 1), (1, 1))
        self.pixel_shuffle = nn.PixelShuffle(upscale_factor)
        self._initialize_weights()

    def _initialize_weights(self):
        nn.init.orthogonal_(self.conv1.weight, nn.init.calculate_gain("relu"))
        nn.init.orthogonal_(self.conv2.weight, nn.init.calculate_gain("relu"))
        nn.init.orthogonal_(self.conv3.weight)

    def forward(self, x):
        x = torch.tanh(self.conv1(x))
        x = torch.tanh(self.conv2(x))
        return self.pixel_shuffle(self.conv3(x))


yy, xx = torch.meshgrid(torch.linspace(-1, 1, 16), torch.linspace(-1, 1, 16), indexing="ij")
freqs = torch.rand(12, 2) * 3
hr = torch.stack([torch.sin(f[0] * xx * math.pi) * torch.cos(f[1] * yy * math.pi) for f in freqs]).unsqueeze(1)
lr = F.avg_pool2d(hr, 2)
model = ESPCN(2)
print(model)
opt = torch.optim.Adam(model.parameters(), lr=0.01)
for epoch in range(6):
    opt.zero_grad()
    sr = model(lr)
    loss = F.mse_loss(sr, hr)
    loss.backward()
    opt.step()
    psnr = 10 * math.log10(1 / loss.item())
    print(f"===> Epoch {epoch + 1} Complete: Avg. Loss: {loss.item():.4f} PSNR: {psnr:.4f} dB")
with torch.no_grad():
    bicubic = F.interpolate(lr, scale_factor=2, mode="bicubic", align_corners=False)
    print(f"bicubic mse {F.mse_loss(bicubic, hr).item():.5f} model mse {F.mse_loss(model(lr), hr).item():.5f}")
try:
    ps(torch.randn(1, 6, 2, 2))
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    pu(torch.randn(1, 1, 3, 4))
except RuntimeError as e:
    print("RuntimeError:", e)
