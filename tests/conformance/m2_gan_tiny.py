# A tiny GAN on 2-D data: two optimizers, detach(), BCELoss with ones_like/zeros_like labels.
import torch
import torch.nn as nn

torch.manual_seed(31)
latent = 3
G = nn.Sequential(nn.Linear(latent, 16), nn.LeakyReLU(0.2), nn.Linear(16, 2))
D = nn.Sequential(nn.Linear(2, 16), nn.LeakyReLU(0.2), nn.Linear(16, 1), nn.Sigmoid())
criterion = nn.BCELoss()
optG = torch.optim.Adam(G.parameters(), lr=2e-3, betas=(0.5, 0.999))
optD = torch.optim.Adam(D.parameters(), lr=2e-3, betas=(0.5, 0.999))
real_data = torch.randn(256, 2) * 0.5 + torch.tensor([2.0, -1.0])
fixed_noise = torch.randn(4, latent)
for it in range(30):
    idx = torch.randint(0, 256, (32,))
    real = real_data[idx]
    noise = torch.randn(32, latent)
    fake = G(noise)
    optD.zero_grad()
    out_real = D(real)
    out_fake = D(fake.detach())
    lossD = criterion(out_real, torch.ones_like(out_real)) + criterion(out_fake, torch.zeros_like(out_fake))
    lossD.backward()
    optD.step()
    optG.zero_grad()
    out = D(fake)
    lossG = criterion(out, torch.full_like(out, 1.0))
    lossG.backward()
    optG.step()
    if it % 5 == 0:
        print(f"it {it} D {lossD.item():.4f} G {lossG.item():.4f} D(x) {out_real.mean().item():.4f} "
              f"D(G(z)) {out_fake.mean().item():.4f}")
with torch.no_grad():
    samples = G(fixed_noise)
print(samples, samples.mean(0))
print(all(p.grad is not None for p in G.parameters()), fake.requires_grad, fake.detach().requires_grad)
print(D[0].weight.grad.abs().sum().item() > 0)
G.requires_grad_(False)
print([p.requires_grad for p in G.parameters()])
z = torch.randn(5, latent, requires_grad=True)
score = D(G(z)).sum()
score.backward()
print(z.grad, G[0].weight.grad.abs().sum().item())
