# A small VAE on synthetic 8-d data: Normal posterior with rsample (reparameterization trick),
# Bernoulli/Normal likelihoods and the analytic kl_divergence to the standard normal prior.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.distributions import Bernoulli, Independent, Normal, kl_divergence

torch.manual_seed(1)
N, D, Z = 64, 8, 2
w = torch.randn(Z, D)
data = (torch.sigmoid(torch.randn(N, Z) @ w) > 0.5).float()


class VAE(nn.Module):
    def __init__(self):
        super().__init__()
        self.enc = nn.Linear(D, 16)
        self.mu = nn.Linear(16, Z)
        self.logvar = nn.Linear(16, Z)
        self.dec = nn.Sequential(nn.Linear(Z, 16), nn.ReLU(), nn.Linear(16, D))

    def forward(self, x):
        h = F.relu(self.enc(x))
        q = Normal(self.mu(h), torch.exp(0.5 * self.logvar(h)))
        z = q.rsample()
        px = Independent(Bernoulli(logits=self.dec(z)), 1)
        return q, z, px


model = VAE()
opt = torch.optim.Adam(model.parameters(), lr=1e-2)
prior = Normal(torch.zeros(Z), torch.ones(Z))
for epoch in range(40):
    q, z, px = model(data)
    rec = px.log_prob(data)
    kl = kl_divergence(q, prior).sum(-1)
    elbo = (rec - kl).mean()
    opt.zero_grad()
    (-elbo).backward()
    opt.step()
    if epoch % 8 == 0:
        print(f"epoch {epoch:2d} elbo {elbo.item():.4f} rec {rec.mean().item():.4f} kl {kl.mean().item():.4f}")
print(z[:3], z.requires_grad, z.grad_fn is not None)
print(q.batch_shape, px.batch_shape, px.event_shape)
print(model.mu.weight.grad.norm().item() > 0)

# Monte-Carlo KL vs the closed form
p = Normal(torch.tensor([0.5, -1.0]), torch.tensor([1.5, 0.5]))
samples = p.sample((20000,))
mc = (p.log_prob(samples) - prior.log_prob(samples)).mean(0)
print(mc, kl_divergence(p, prior))

# the same with a Gaussian likelihood and a diagonal posterior as Independent
loc = torch.zeros(4, 3, requires_grad=True)
log_scale = torch.zeros(4, 3, requires_grad=True)
post = Independent(Normal(loc, log_scale.exp()), 1)
z = post.rsample((5,))
loss = -post.log_prob(z).mean() + kl_divergence(post, Independent(Normal(torch.ones(4, 3), 2.0), 1)).sum()
loss.backward()
print(z.shape, loss)
print(loc.grad, log_scale.grad)
