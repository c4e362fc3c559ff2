# A toy U-Net for binary segmentation of synthetic discs: DoubleConv blocks, MaxPool2d down path,
# ConvTranspose2d up path, skip connections with torch.cat (and F.pad to fix odd sizes), BCEWithLogitsLoss
# + soft Dice loss, IoU / Dice metrics per epoch, sigmoid thresholding.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class DoubleConv(nn.Module):
    def __init__(self, in_channels, out_channels, mid_channels=None):
        super().__init__()
        if not mid_channels:
            mid_channels = out_channels
        self.double_conv = nn.Sequential(
            nn.Conv2d(in_channels, mid_channels, kernel_size=3, padding=1, bias=False),
            nn.BatchNorm2d(mid_channels), nn.ReLU(inplace=True),
            nn.Conv2d(mid_channels, out_channels, kernel_size=3, padding=1, bias=False),
            nn.BatchNorm2d(out_channels), nn.ReLU(inplace=True))

    def forward(self, x):
        return self.double_conv(x)


class Down(nn.Module):
    def __init__(self, in_channels, out_channels):
        super().__init__()
        self.maxpool_conv = nn.Sequential(nn.MaxPool2d(2), DoubleConv(in_channels, out_channels))

    def forward(self, x):
        return self.maxpool_conv(x)


class Up(nn.Module):
    def __init__(self, in_channels, out_channels, bilinear=False):
        super().__init__()
        if bilinear:
            self.up = nn.Upsample(scale_factor=2, mode="bilinear", align_corners=True)
            self.conv = DoubleConv(in_channels, out_channels, in_channels // 2)
        else:
            self.up = nn.ConvTranspose2d(in_channels, in_channels // 2, kernel_size=2, stride=2)
            self.conv = DoubleConv(in_channels, out_channels)

    def forward(self, x1, x2):
        x1 = self.up(x1)
        diffY = x2.size()[2] - x1.size()[2]
        diffX = x2.size()[3] - x1.size()[3]
        x1 = F.pad(x1, [diffX // 2, diffX - diffX // 2, diffY // 2, diffY - diffY // 2])
        x = torch.cat([x2, x1], dim=1)
        return self.conv(x)


class UNet(nn.Module):
    def __init__(self, n_channels, n_classes, bilinear=False):
        super().__init__()
        self.inc = DoubleConv(n_channels, 4)
        self.down1 = Down(4, 8)
        factor = 2 if bilinear else 1
        self.down2 = Down(8, 16 // factor)
        self.up1 = Up(16, 8 // factor, bilinear)
        self.up2 = Up(8, 4, bilinear)
        self.outc = nn.Conv2d(4, n_classes, kernel_size=1)

    def forward(self, x):
        x1 = self.inc(x)
        x2 = self.down1(x1)
        x3 = self.down2(x2)
        x = self.up1(x3, x2)
        x = self.up2(x, x1)
        return self.outc(x)


def make_discs(n, size=12):
    yy, xx = torch.meshgrid(torch.arange(size).float(), torch.arange(size).float(), indexing="ij")
    c = torch.rand(n, 2) * (size - 4) + 2
    r = torch.rand(n) * 2 + 1.5
    masks = ((xx - c[:, 0, None, None]) ** 2 + (yy - c[:, 1, None, None]) ** 2 <= r[:, None, None] ** 2).float()
    imgs = masks + 0.3 * torch.randn(n, size, size)
    return imgs.unsqueeze(1), masks.unsqueeze(1)


def dice_loss(logits, target, eps=1.0):
    p = torch.sigmoid(logits)
    inter = (p * target).sum(dim=(1, 2, 3))
    return 1 - ((2 * inter + eps) / (p.sum(dim=(1, 2, 3)) + target.sum(dim=(1, 2, 3)) + eps)).mean()


imgs, masks = make_discs(6)
net = UNet(1, 1)
print(sum(p.numel() for p in net.parameters() if p.requires_grad))
print(net.up1)
odd = net(torch.randn(2, 1, 13, 11))
print(odd.shape, UNet(1, 2, bilinear=True)(torch.randn(1, 1, 12, 12)).shape)
opt = torch.optim.Adam(net.parameters(), lr=3e-3)
bce = nn.BCEWithLogitsLoss()
for epoch in range(4):
    net.train()
    opt.zero_grad()
    logits = net(imgs)
    loss = bce(logits, masks) + dice_loss(logits, masks)
    loss.backward()
    opt.step()
    with torch.no_grad():
        pred = (torch.sigmoid(logits) > 0.5).float()
        inter = (pred * masks).sum()
        union = ((pred + masks) > 0).float().sum()
        print(f"epoch {epoch} loss {loss.item():.4f} IoU {(inter / union).item():.4f} "
              f"dice {(2 * inter / (pred.sum() + masks.sum())).item():.4f}")
net.eval()
with torch.no_grad():
    print(torch.sigmoid(net(imgs[:1]))[0, 0, 5, :6])
