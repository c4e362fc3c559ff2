# Model-based RL bits (DreamerV3 / MBPO style): symlog/symexp, two-hot encoding with torch.bucketize and
# searchsorted, a probabilistic dynamics ensemble with a batched weight tensor (bmm / baddbmm), Gaussian
# NLL with softplus-bounded log-variance, and random elite/member selection via randint.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


def symlog(x):
    return torch.sign(x) * torch.log1p(torch.abs(x))


def symexp(x):
    return torch.sign(x) * torch.expm1(torch.abs(x))


x = torch.tensor([-100.0, -1.0, 0.0, 0.5, 20.0])
print(symlog(x), symexp(symlog(x)))
bins = torch.linspace(-5, 5, 11)


def twohot(y):
    y = y.clamp(bins[0], bins[-1])
    above = torch.bucketize(y, bins).clamp(1, len(bins) - 1)
    below = above - 1
    w_above = (y - bins[below]) / (bins[above] - bins[below])
    out = torch.zeros(y.shape[0], len(bins))
    out.scatter_(1, below.unsqueeze(1), (1 - w_above).unsqueeze(1))
    out.scatter_add_(1, above.unsqueeze(1), w_above.unsqueeze(1))
    return out


y = symlog(torch.tensor([0.0, 3.3, -7.0, 200.0, 1.0]))
th = twohot(y)
print(th, (th * bins).sum(1), y)
print(torch.searchsorted(bins, y), torch.searchsorted(bins, y, right=True), torch.bucketize(y, bins, right=True))
logits = torch.randn(5, 11, requires_grad=True)
loss = -(th * F.log_softmax(logits, -1)).sum(-1).mean()
loss.backward()
print(loss, logits.grad.sum(), symexp((F.softmax(logits, -1) * bins).sum(-1)))


class EnsembleLinear(nn.Module):
    def __init__(self, n, i, o):
        super().__init__()
        self.weight = nn.Parameter(torch.randn(n, i, o) / i ** 0.5)
        self.bias = nn.Parameter(torch.zeros(n, 1, o))

    def forward(self, x):
        return torch.baddbmm(self.bias, x, self.weight)


class Ensemble(nn.Module):
    def __init__(self, n=4, d=3, h=16):
        super().__init__()
        self.l1 = EnsembleLinear(n, d + 1, h)
        self.l2 = EnsembleLinear(n, h, 2 * d)
        self.max_logvar = nn.Parameter(torch.ones(1, 1, d) * 0.5)
        self.min_logvar = nn.Parameter(-torch.ones(1, 1, d) * 5)

    def forward(self, x):
        out = self.l2(F.silu(self.l1(x)))
        mean, logvar = out.chunk(2, dim=-1)
        logvar = self.max_logvar - F.softplus(self.max_logvar - logvar)
        logvar = self.min_logvar + F.softplus(logvar - self.min_logvar)
        return mean, logvar


model = Ensemble()
opt = torch.optim.Adam(model.parameters(), lr=3e-3, weight_decay=1e-5)
S = torch.randn(64, 3)
A = torch.randn(64, 1)
S2 = S + 0.1 * torch.cat([A, A.sin(), S[:, :1]], 1) + 0.01 * torch.randn(64, 3)
for it in range(10):
    idx = torch.randint(0, 64, (4, 16))
    inp = torch.cat([S, A], 1)[idx]
    tgt = (S2 - S)[idx]
    mean, logvar = model(inp)
    nll = (((mean - tgt) ** 2) * torch.exp(-logvar) + logvar).mean()
    loss = nll + 0.01 * (model.max_logvar.sum() - model.min_logvar.sum())
    opt.zero_grad()
    loss.backward()
    opt.step()
    if it % 3 == 0:
        print(it, f"{nll.item():.6f}", f"{loss.item():.6f}")
with torch.no_grad():
    mean, logvar = model(torch.cat([S[:5], A[:5]], 1).unsqueeze(0).expand(4, 5, 4))
    member = torch.randint(0, 4, (5,))
    pick = mean[member, torch.arange(5)]
    print(pick, logvar.exp().mean(), F.gaussian_nll_loss(mean[0], (S2 - S)[:5], logvar[0].exp()))
