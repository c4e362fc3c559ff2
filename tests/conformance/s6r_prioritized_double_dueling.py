# Prioritized replay + Double DQN + dueling head: priorities^alpha sampled with torch.multinomial from a
# seeded Generator, importance weights (N*P)^-beta normalised by max, per-sample Huber loss with
# reduction="none", index_put of new priorities, dueling V + A - A.mean(), double-Q target via argmax/gather.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
gen = torch.Generator().manual_seed(123)


class Dueling(nn.Module):
    def __init__(self, d=4, n=3):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(d, 32), nn.ReLU())
        self.v = nn.Linear(32, 1)
        self.a = nn.Linear(32, n)

    def forward(self, x):
        h = self.body(x)
        a = self.a(h)
        return self.v(h) + a - a.mean(dim=1, keepdim=True)


cap = 64
S = torch.randn(cap, 4)
A = torch.randint(0, 3, (cap,))
Rw = torch.randn(cap)
S2 = torch.randn(cap, 4)
D = torch.rand(cap) < 0.1
prios = torch.ones(cap)
online, target = Dueling(), Dueling()
target.load_state_dict(online.state_dict())
opt = torch.optim.Adam(online.parameters(), lr=1e-3)
alpha, beta, gamma = 0.6, 0.4, 0.99
for step in range(20):
    P = prios ** alpha
    P = P / P.sum()
    idx = torch.multinomial(P, 16, replacement=True, generator=gen)
    w = (cap * P[idx]) ** (-beta)
    w = w / w.max()
    q = online(S[idx]).gather(1, A[idx].unsqueeze(1)).squeeze(1)
    with torch.no_grad():
        best = online(S2[idx]).argmax(dim=1, keepdim=True)
        q_next = target(S2[idx]).gather(1, best).squeeze(1)
        y = Rw[idx] + gamma * q_next * (~D[idx]).float()
    td = y - q
    loss = (w * F.smooth_l1_loss(q, y, reduction="none")).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
    prios[idx] = td.detach().abs() + 1e-6
    beta = min(1.0, beta + 0.03)
    if step % 4 == 0:
        print(step, f"{loss.item():.6f}", idx[:8].tolist(), f"{w.min().item():.5f}", f"{prios.sum().item():.4f}")
    if step % 10 == 9:
        target.load_state_dict(online.state_dict())
with torch.no_grad():
    out = online(S[:5])
print(out, out.mean(1))
print(prios[:10])
print(torch.multinomial(torch.tensor([0.0, 1.0, 3.0]), 4, replacement=True, generator=gen))
