# A convolutional autoencoder (Conv2d / MaxPool down, ConvTranspose2d and Upsample up), denoising training
# with MSE and BCE, latent codes, and reconstructions printed per image.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
imgs = torch.zeros(12, 1, 8, 8)
for i in range(12):
    r, c = int(torch.randint(0, 5, ())), int(torch.randint(0, 5, ()))
    imgs[i, 0, r:r + 3, c:c + 3] = 1.0
print(imgs.sum(dim=(1, 2, 3)))


class ConvAE(nn.Module):
    def __init__(self):
        super().__init__()
        self.encoder = nn.Sequential(
            nn.Conv2d(1, 4, 3, padding=1), nn.ReLU(True), nn.MaxPool2d(2, 2),
            nn.Conv2d(4, 8, 3, padding=1), nn.ReLU(True), nn.MaxPool2d(2, 2))
        self.decoder = nn.Sequential(
            nn.ConvTranspose2d(8, 4, 2, stride=2), nn.ReLU(True),
            nn.ConvTranspose2d(4, 1, 2, stride=2), nn.Sigmoid())

    def forward(self, x):
        z = self.encoder(x)
        return self.decoder(z), z


class UpAE(nn.Module):
    def __init__(self):
        super().__init__()
        self.enc = nn.Sequential(nn.Conv2d(1, 4, 3, stride=2, padding=1), nn.LeakyReLU(0.2),
                                 nn.Conv2d(4, 4, 3, stride=2, padding=1), nn.Flatten(), nn.Linear(16, 6))
        self.dec_fc = nn.Linear(6, 16)
        self.dec = nn.Sequential(nn.Unflatten(1, (4, 2, 2)), nn.Upsample(scale_factor=2, mode="nearest"),
                                 nn.Conv2d(4, 4, 3, padding=1), nn.ReLU(),
                                 nn.Upsample(scale_factor=2, mode="bilinear", align_corners=False),
                                 nn.Conv2d(4, 1, 3, padding=1))

    def forward(self, x):
        z = self.enc(x)
        return self.dec(self.dec_fc(z)), z


for cls, loss_name in [(ConvAE, "bce"), (UpAE, "mse")]:
    model = cls()
    print(model)
    opt = torch.optim.Adam(model.parameters(), lr=5e-3)
    for epoch in range(12):
        noisy = (imgs + 0.2 * torch.randn_like(imgs)).clamp(0.0, 1.0)
        recon, z = model(noisy)
        if loss_name == "bce":
            loss = F.binary_cross_entropy(recon, imgs)
        else:
            loss = F.mse_loss(recon, imgs)
        opt.zero_grad()
        loss.backward()
        opt.step()
        if epoch % 4 == 3:
            print(f"{cls.__name__} epoch {epoch + 1} loss {loss.item():.5f} z{tuple(z.shape)}")
    model.eval()
    with torch.no_grad():
        recon, z = model(imgs[:2])
        if loss_name == "mse":
            recon = recon.clamp(0, 1)
        print(recon[0, 0].round(decimals=2))
        print(z.flatten(1)[:, :4], ((recon > 0.5).float() == imgs[:2]).float().mean().item())
x = torch.arange(16.0).view(1, 1, 4, 4)
print(F.interpolate(x, scale_factor=2, mode="nearest")[0, 0, :2])
print(F.interpolate(x, size=(3, 3), mode="bilinear", align_corners=True)[0, 0])
print(nn.ConvTranspose2d(1, 1, 3, stride=2, padding=1, output_padding=1, bias=False)(x).shape)
