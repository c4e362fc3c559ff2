# Spectral-norm discriminator and weight-norm generator (hook APIs), trained a few steps; removal afterwards.
import warnings

import torch
import torch.nn as nn
from torch.nn.utils import remove_spectral_norm, remove_weight_norm, spectral_norm, weight_norm

warnings.simplefilter("ignore")
torch.manual_seed(41)
D = nn.Sequential(spectral_norm(nn.Conv2d(1, 4, 3, stride=2, padding=1)), nn.LeakyReLU(0.2),
                  spectral_norm(nn.Conv2d(4, 8, 3, stride=2, padding=1)), nn.LeakyReLU(0.2), nn.Flatten(),
                  spectral_norm(nn.Linear(8 * 2 * 2, 1)))
G = nn.Sequential(weight_norm(nn.Linear(4, 32)), nn.ReLU(), nn.Unflatten(1, (2, 4, 4)),
                  weight_norm(nn.ConvTranspose2d(2, 1, 4, stride=2, padding=1), dim=1), nn.Tanh())
print(D)
print(G)
print([n for n, _ in D.named_parameters()], list(D.state_dict().keys()))
print([n for n, _ in G.named_parameters()], G[0].weight_g.shape, G[3].weight_g.shape)
optD = torch.optim.Adam(D.parameters(), lr=2e-3, betas=(0.0, 0.9))
optG = torch.optim.Adam(G.parameters(), lr=2e-3, betas=(0.0, 0.9))
real = torch.tanh(torch.randn(8, 1, 8, 8))
for it in range(5):
    z = torch.randn(8, 4)
    fake = G(z)
    lossD = torch.relu(1 - D(real)).mean() + torch.relu(1 + D(fake.detach())).mean()
    optD.zero_grad()
    lossD.backward()
    optD.step()
    lossG = -D(fake).mean()
    optG.zero_grad()
    lossG.backward()
    optG.step()
    print(it, f"{lossD.item():.5f} {lossG.item():.5f}", D[5].weight_u.item(), D[0].weight_v[:3])
D.eval()
with torch.no_grad():
    print(D(real).squeeze(1), torch.linalg.matrix_norm(D[5].weight, ord=2))
    print(G(torch.ones(1, 4))[0, 0, 0])
remove_spectral_norm(D[0])
remove_weight_norm(G[0])
print([n for n, _ in D[0].named_parameters()], [n for n, _ in G[0].named_parameters()])
print(D[0].weight.requires_grad, G[0].weight.norm(dim=1)[:4])
