# A convolutional VAE: Conv2d encoder with stride 2, Flatten, mu/logvar heads, Unflatten + ConvTranspose2d
# decoder, MSE reconstruction + beta*KL (closed form and via torch.distributions.kl_divergence), KL per
# latent dim, training loop with gradient clipping, and generation from N(0, I).
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.distributions import Normal, kl_divergence

torch.manual_seed(0)


class ConvVAE(nn.Module):
    def __init__(self, latent_dim=3):
        super().__init__()
        self.encoder = nn.Sequential(
            nn.Conv2d(1, 4, 3, stride=2, padding=1), nn.LeakyReLU(0.2),
            nn.Conv2d(4, 8, 3, stride=2, padding=1), nn.LeakyReLU(0.2),
            nn.Flatten())
        self.fc_mu = nn.Linear(8 * 3 * 3, latent_dim)
        self.fc_logvar = nn.Linear(8 * 3 * 3, latent_dim)
        self.decoder_input = nn.Linear(latent_dim, 8 * 3 * 3)
        self.decoder = nn.Sequential(
            nn.Unflatten(1, (8, 3, 3)),
            nn.ConvTranspose2d(8, 4, 3, stride=2, padding=1, output_padding=0), nn.LeakyReLU(0.2),
            nn.ConvTranspose2d(4, 1, 3, stride=2, padding=1, output_padding=1), nn.Sigmoid())

    def forward(self, x):
        h = self.encoder(x)
        mu, logvar = self.fc_mu(h), self.fc_logvar(h)
        std = torch.exp(0.5 * logvar)
        z = mu + std * torch.randn_like(std)
        return self.decoder(self.decoder_input(z)), mu, logvar


x = torch.rand(10, 1, 10, 10)
x = (F.avg_pool2d(x, 3, stride=1, padding=1) > 0.5).float()
model = ConvVAE()
print(model)
recon, mu, logvar = model(x)
print(recon.shape, mu.shape, logvar.shape)
q = Normal(mu, torch.exp(0.5 * logvar))
p = Normal(torch.zeros_like(mu), torch.ones_like(mu))
kl_closed = -0.5 * (1 + logvar - mu.pow(2) - logvar.exp())
print(torch.allclose(kl_divergence(q, p), kl_closed, atol=1e-6), kl_closed.sum(0))
opt = torch.optim.Adam(model.parameters(), lr=5e-3)
beta = 0.5
for epoch in range(6):
    opt.zero_grad()
    recon, mu, logvar = model(x)
    rec = F.mse_loss(recon, x, reduction="sum") / x.size(0)
    kl = torch.mean(-0.5 * torch.sum(1 + logvar - mu ** 2 - logvar.exp(), dim=1), dim=0)
    loss = rec + beta * kl
    loss.backward()
    gn = torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=5.0)
    opt.step()
    print(f"epoch {epoch}: loss={loss.item():.4f} recon={rec.item():.4f} kl={kl.item():.4f} grad_norm={gn.item():.4f}")
model.eval()
with torch.no_grad():
    z = torch.randn(2, 3)
    gen = model.decoder(model.decoder_input(z))
    print(gen.shape, gen[0, 0, 4], q.rsample().shape, q.log_prob(mu).sum().item() != 0)
