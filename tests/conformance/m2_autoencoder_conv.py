# Convolutional autoencoder with ConvTranspose2d/Upsample, VAE-style reparameterization and KL term.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(6)


class ConvAE(nn.Module):
    def __init__(self):
        super().__init__()
        self.encoder = nn.Sequential(nn.Conv2d(1, 8, 3, stride=2, padding=1), nn.LeakyReLU(0.2),
                                     nn.Conv2d(8, 16, 3, stride=2, padding=1), nn.ReLU())
        self.mu = nn.Linear(16 * 2 * 2, 4)
        self.logvar = nn.Linear(16 * 2 * 2, 4)
        self.fc = nn.Linear(4, 16 * 2 * 2)
        self.decoder = nn.Sequential(
            nn.ConvTranspose2d(16, 8, 3, stride=2, padding=1, output_padding=1), nn.ReLU(),
            nn.Upsample(scale_factor=2, mode="nearest"), nn.Conv2d(8, 1, 3, padding=1), nn.Sigmoid())

    def forward(self, x):
        h = self.encoder(x).flatten(1)
        mu, logvar = self.mu(h), self.logvar(h)
        std = torch.exp(0.5 * logvar)
        eps = torch.randn_like(std)
        z = mu + eps * std
        return self.decoder(self.fc(z).view(-1, 16, 2, 2)), mu, logvar


model = ConvAE()
print(model)
x = torch.rand(12, 1, 8, 8)
opt = torch.optim.Adam(model.parameters(), lr=5e-3)
for epoch in range(6):
    recon, mu, logvar = model(x)
    bce = F.binary_cross_entropy(recon, x, reduction="sum")
    kld = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp())
    loss = (bce + kld) / x.size(0)
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(epoch, f"{bce.item():.4f} {kld.item():.5f} {loss.item():.4f}")
print(recon.shape, recon.min().item() >= 0, recon.max().item() <= 1)
up = nn.Upsample(scale_factor=2, mode="bilinear", align_corners=False)
print(up(x[:1, :, :2, :2]))
print(F.interpolate(x[:1, :, :3, :3], size=(5, 5), mode="bilinear", align_corners=True)[0, 0, 0])
ct = nn.ConvTranspose2d(2, 3, kernel_size=4, stride=2, padding=1, bias=False)
y = ct(torch.randn(1, 2, 3, 3))
print(y.shape, y.sum().item())
print(nn.ConvTranspose1d(2, 2, 3, stride=3, dilation=1)(torch.randn(1, 2, 4)).shape)
print(ct(torch.randn(1, 2, 3, 3), output_size=[7, 7]).shape)
pool = nn.MaxPool2d(2, return_indices=True)
unpool = nn.MaxUnpool2d(2)
o, idx = pool(x[:1])
print(idx[0, 0], unpool(o, idx).shape, abs(unpool(o, idx).sum().item() - o.sum().item()) < 1e-5)
