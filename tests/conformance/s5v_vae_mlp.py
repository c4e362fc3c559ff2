# The classic VAE from the PyTorch examples (fc1 -> fc21/fc22 for mu/logvar, reparameterize with
# torch.randn_like, decoder with sigmoid), loss = BCE(reduction="sum") + KLD, train/test loop printing
# average loss per epoch, sampling from the prior and latent-space interpolation, all on synthetic data.
import torch
import torch.nn.functional as F
from torch import nn, optim

torch.manual_seed(0)


class VAE(nn.Module):
    def __init__(self):
        super().__init__()
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
    return BCE + KLD, BCE, KLD


protos = (torch.rand(4, 64) > 0.5).float()
labels = torch.randint(0, 4, (120,))
data = (protos[labels] * 0.8 + 0.1 * torch.rand(120, 64)).view(120, 1, 8, 8)
train, test = data[:96], data[96:]
model = VAE()
optimizer = optim.Adam(model.parameters(), lr=1e-2)
for epoch in range(1, 6):
    model.train()
    train_loss = 0
    for i in range(0, len(train), 32):
        x = train[i:i + 32]
        optimizer.zero_grad()
        recon_batch, mu, logvar = model(x)
        loss, bce, kld = loss_function(recon_batch, x, mu, logvar)
        loss.backward()
        train_loss += loss.item()
        optimizer.step()
    model.eval()
    test_loss = 0
    with torch.no_grad():
        recon, mu, logvar = model(test)
        test_loss += loss_function(recon, test, mu, logvar)[0].item()
    print(f"====> Epoch: {epoch} Average loss: {train_loss / len(train):.4f} Test set loss: "
          f"{test_loss / len(test):.4f} (last BCE {bce.item():.3f} KLD {kld.item():.3f})")
with torch.no_grad():
    sample = model.decode(torch.randn(3, 4))
    print(sample.view(3, 1, 8, 8).shape, sample[:, :6])
    mu, logvar = model.encode(test[:2].view(-1, 64))
    for t in torch.linspace(0, 1, 3):
        z = torch.lerp(mu[0], mu[1], t)
        print(f"{t.item():.2f}", model.decode(z)[:5])
    print(mu, logvar.exp())
