# Metric-learning heads: ArcFace / CosFace additive margins on normalised weights, center loss with
# index_add_ updates, proxy-NCA with learnable proxies, and an embedding network trained with a mix of them;
# recall@1 on the learnt embedding via cdist and argsort.
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(13)


class ArcMargin(nn.Module):
    def __init__(self, d, n, s=16.0, m=0.3, cos_m=False):
        super().__init__()
        self.W = nn.Parameter(torch.randn(n, d) * 0.1)
        self.s, self.m, self.cos_m = s, m, cos_m

    def forward(self, x, y):
        cos = F.linear(F.normalize(x), F.normalize(self.W)).clamp(-1 + 1e-7, 1 - 1e-7)
        onehot = F.one_hot(y, self.W.shape[0]).bool()
        if self.cos_m:
            target = cos - self.m
        else:
            theta = torch.acos(cos)
            target = torch.cos(theta + self.m)
        return self.s * torch.where(onehot, target, cos)


N, D, K = 30, 6, 3
y = torch.arange(N) % K
centers_true = torch.randn(K, D) * 2
X = centers_true[y] + torch.randn(N, D)
for cos_m in [False, True]:
    torch.manual_seed(1)
    emb = nn.Sequential(nn.Linear(D, 8), nn.ReLU(), nn.Linear(8, 4))
    head = ArcMargin(4, K, cos_m=cos_m)
    opt = torch.optim.Adam(list(emb.parameters()) + list(head.parameters()), lr=0.02)
    for step in range(20):
        loss = F.cross_entropy(head(emb(X), y), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
    print("arc" if not cos_m else "cos", f"{loss.item():.5f}", head.W.grad.norm().item())
torch.manual_seed(2)
emb = nn.Linear(D, 4)
centers = torch.zeros(K, 4)
opt = torch.optim.SGD(emb.parameters(), lr=0.05)
for step in range(10):
    f = emb(X)
    closs = (f - centers[y]).pow(2).sum(1).mean() / 2
    opt.zero_grad()
    closs.backward()
    opt.step()
    with torch.no_grad():
        diff = torch.zeros(K, 4).index_add_(0, y, centers[y] - f)
        cnt = torch.bincount(y, minlength=K).float().unsqueeze(1)
        centers -= 0.5 * diff / (1 + cnt)
print("center", f"{closs.item():.5f}", centers)
proxies = nn.Parameter(torch.randn(K, 4))
emb = nn.Linear(D, 4)
opt = torch.optim.Adam([proxies, *emb.parameters()], lr=0.05)
for step in range(15):
    f = F.normalize(emb(X))
    p = F.normalize(proxies)
    d2 = torch.cdist(f, p).pow(2)
    pnca = F.cross_entropy(-d2 * 3, y)
    opt.zero_grad()
    pnca.backward()
    opt.step()
print("proxy-nca", f"{pnca.item():.5f}", proxies.grad)
with torch.no_grad():
    f = F.normalize(emb(X))
    dist = torch.cdist(f, f)
    dist.fill_diagonal_(float("inf"))
    nn1 = dist.argsort(1)[:, 0]
    print("recall@1", (y[nn1] == y).float().mean().item(), nn1[:10])
print(math.degrees(torch.acos(torch.tensor(0.5)).item()))
