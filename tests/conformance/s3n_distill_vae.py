# Knowledge distillation (KLDiv with temperature, soft + hard loss), and a tiny VAE with the
# reparameterisation trick, BCE reconstruction and KL term, then sampling from the prior.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
X = torch.randn(64, 10)
y = (X[:, :3].sum(1) > 0).long() + (X[:, 3] > 1).long()
teacher = nn.Sequential(nn.Linear(10, 64), nn.ReLU(), nn.Linear(64, 3))
student = nn.Sequential(nn.Linear(10, 8), nn.ReLU(), nn.Linear(8, 3))
opt_t = torch.optim.Adam(teacher.parameters(), lr=0.01)
for epoch in range(30):
    loss = F.cross_entropy(teacher(X), y)
    opt_t.zero_grad()
    loss.backward()
    opt_t.step()
print("teacher", round(loss.item(), 5))
teacher.eval()
T, alpha = 4.0, 0.7
kl = nn.KLDivLoss(reduction="batchmean")
opt_s = torch.optim.Adam(student.parameters(), lr=0.01)
for epoch in range(25):
    with torch.no_grad():
        t_logits = teacher(X)
    s_logits = student(X)
    soft = kl(F.log_softmax(s_logits / T, dim=1), F.softmax(t_logits / T, dim=1)) * T * T
    hard = F.cross_entropy(s_logits, y)
    loss = alpha * soft + (1 - alpha) * hard
    opt_s.zero_grad()
    loss.backward()
    opt_s.step()
    if epoch % 5 == 0:
        print(epoch, f"soft {soft.item():.5f} hard {hard.item():.5f} total {loss.item():.5f}")
with torch.no_grad():
    print((student(X).argmax(1) == teacher(X).argmax(1)).float().mean().item())
    print(F.kl_div(F.log_softmax(student(X), 1), F.log_softmax(teacher(X), 1), reduction="batchmean", log_target=True))


class VAE(nn.Module):
    def __init__(self, d=12, h=16, z=2):
        super().__init__()
        self.enc = nn.Linear(d, h)
        self.mu = nn.Linear(h, z)
        self.logvar = nn.Linear(h, z)
        self.dec = nn.Sequential(nn.Linear(z, h), nn.ReLU(), nn.Linear(h, d), nn.Sigmoid())

    def encode(self, x):
        hh = F.relu(self.enc(x))
        return self.mu(hh), self.logvar(hh)

    def reparameterize(self, mu, logvar):
        std = torch.exp(0.5 * logvar)
        eps = torch.randn_like(std)
        return mu + eps * std

    def forward(self, x):
        mu, logvar = self.encode(x)
        z = self.reparameterize(mu, logvar)
        return self.dec(z), mu, logvar


def vae_loss(recon, x, mu, logvar):
    bce = F.binary_cross_entropy(recon, x, reduction="sum")
    kld = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp())
    return bce + kld, bce, kld


data = (torch.rand(48, 12) > 0.6).float()
vae = VAE()
opt = torch.optim.Adam(vae.parameters(), lr=1e-2)
for epoch in range(12):
    vae.train()
    total = 0.0
    for i in range(0, 48, 16):
        xb = data[i:i + 16]
        recon, mu, logvar = vae(xb)
        loss, bce, kld = vae_loss(recon, xb, mu, logvar)
        opt.zero_grad()
        loss.backward()
        opt.step()
        total += loss.item()
    if epoch % 3 == 0:
        print(f"====> Epoch: {epoch} Average loss: {total / 48:.4f} (last bce {bce.item():.3f} kld {kld.item():.3f})")
vae.eval()
with torch.no_grad():
    z = torch.randn(3, 2)
    samples = vae.dec(z)
    print(samples.round(decimals=3))
    mu, logvar = vae.encode(data[:2])
    print(mu, logvar.exp())
