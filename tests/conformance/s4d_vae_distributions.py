# A VAE in the style of the PyTorch examples on synthetic binary images: reparameterization trick,
# BCE + KLD loss, Adam; then the same model with torch.distributions Normal/Bernoulli/kl_divergence,
# rsample vs sample, log_prob, entropy and Independent.
import torch
from torch import nn
from torch.distributions import Bernoulli, Independent, Normal, kl_divergence
from torch.nn import functional as F


class VAE(nn.Module):
    def __init__(self):
        super(VAE, self).__init__()
        self.fc1 = nn.Linear(64, 32)
        self.fc21 = nn.Linear(32, 4)
        self.fc22 = nn.Linear(32, 4)
        self.fc3 = nn.Linear(4, 32)
        self.fc4 = nn.Linear(32, 64)

    def encode(self, x):
        h1 = F.relu(self.fc1(x))
        return self.fc21(h1), self.fc22(h1)

    def reparameterize(self, mu, logvar):
        std = torch.exp(0.5 * logvar)
        eps = torch.randn_like(std)
        return mu + eps * std

    def decode(self, z):
        h3 = F.relu(self.fc3(z))
        return torch.sigmoid(self.fc4(h3))

    def forward(self, x):
        mu, logvar = self.encode(x.view(-1, 64))
        z = self.reparameterize(mu, logvar)
        return self.decode(z), mu, logvar


def loss_function(recon_x, x, mu, logvar):
    BCE = F.binary_cross_entropy(recon_x, x.view(-1, 64), reduction="sum")
    KLD = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp())
    return BCE + KLD


torch.manual_seed(0)
protos = (torch.rand(4, 64) > 0.5).float()
data = protos[torch.randint(0, 4, (128,))]
flip = (torch.rand(128, 64) < 0.05).float()
data = (data + flip) % 2
train_loader = torch.utils.data.DataLoader(data, batch_size=32, shuffle=True)
model = VAE()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)
for epoch in range(1, 6):
    model.train()
    train_loss = 0
    for batch_idx, x in enumerate(train_loader):
        optimizer.zero_grad()
        recon_batch, mu, logvar = model(x)
        loss = loss_function(recon_batch, x, mu, logvar)
        loss.backward()
        train_loss += loss.item()
        optimizer.step()
    print("====> Epoch: {} Average loss: {:.4f}".format(epoch, train_loss / len(train_loader.dataset)))
model.eval()
with torch.no_grad():
    sample = torch.randn(3, 4)
    sample = model.decode(sample)
    print(sample.view(3, 8, 8)[0, :2])
    recon, mu, logvar = model(data[:4])
    print(mu, logvar.exp())

q = Normal(mu, torch.exp(0.5 * logvar))
p = Normal(torch.zeros_like(mu), torch.ones_like(mu))
print(kl_divergence(q, p).sum(1), (-0.5 * (1 + logvar - mu.pow(2) - logvar.exp())).sum(1))
z = q.rsample()
print(z.shape, q.log_prob(z).sum(), q.entropy().sum(), q.mean.shape, q.stddev[0])
lik = Independent(Bernoulli(probs=model.decode(z).clamp(1e-6, 1 - 1e-6)), 1)
print(lik.log_prob(data[:4]), lik.batch_shape, lik.event_shape)
mu_p = torch.zeros(3, requires_grad=True)
dist = Normal(mu_p, 1.0)
s = dist.rsample((5,))
s.sum().backward()
print(s.shape, mu_p.grad, dist.sample().requires_grad)
b = Bernoulli(logits=torch.tensor([0.0, 2.0, -1.0]))
print(b.probs, b.sample((2,)), b.log_prob(torch.tensor([1.0, 0.0, 1.0])), b.entropy())
print(Normal(0.0, 1.0).cdf(torch.tensor([0.0, 1.96])), Normal(1.0, 2.0).icdf(torch.tensor(0.975)))
