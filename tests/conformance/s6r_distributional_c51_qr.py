# Distributional RL: C51 categorical projection (Bellman-shifted atoms, clamp, floor/ceil, the l == u fix,
# index_add_ onto a flattened offset grid) and QR-DQN's quantile Huber loss with tau-hat midpoints and
# the |tau - 1{u<0}| weighting; a few training steps on random transitions.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
n_atoms, v_min, v_max, n_act = 11, -5.0, 5.0, 3
support = torch.linspace(v_min, v_max, n_atoms)
delta_z = (v_max - v_min) / (n_atoms - 1)


def project(next_dist, rewards, dones, gamma=0.9):
    B = rewards.shape[0]
    Tz = rewards.unsqueeze(1) + (1 - dones).unsqueeze(1) * gamma * support.unsqueeze(0)
    Tz = Tz.clamp(v_min, v_max)
    b = (Tz - v_min) / delta_z
    lo, up = b.floor().long(), b.ceil().long()
    lo[(up > 0) & (lo == up)] -= 1
    up[(lo < (n_atoms - 1)) & (lo == up)] += 1
    offset = torch.linspace(0, (B - 1) * n_atoms, B).long().unsqueeze(1).expand(B, n_atoms)
    proj = torch.zeros(B * n_atoms)
    proj.index_add_(0, (lo + offset).view(-1), (next_dist * (up.float() - b)).view(-1))
    proj.index_add_(0, (up + offset).view(-1), (next_dist * (b - lo.float())).view(-1))
    return proj.view(B, n_atoms)


c51 = nn.Sequential(nn.Linear(4, 32), nn.ReLU(), nn.Linear(32, n_act * n_atoms))
opt = torch.optim.Adam(c51.parameters(), lr=1e-3)
for it in range(6):
    s, s2 = torch.randn(8, 4), torch.randn(8, 4)
    a = torch.randint(0, n_act, (8,))
    r = torch.randn(8)
    d = (torch.rand(8) < 0.25).float()
    with torch.no_grad():
        p2 = F.softmax(c51(s2).view(8, n_act, n_atoms), -1)
        a2 = (p2 * support).sum(-1).argmax(1)
        target = project(p2[torch.arange(8), a2], r, d)
    logp = F.log_softmax(c51(s).view(8, n_act, n_atoms), -1)[torch.arange(8), a]
    loss = -(target * logp).sum(-1).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(it, f"{loss.item():.6f}", target.sum(1)[:3])
print(project(torch.full((2, n_atoms), 1.0 / n_atoms), torch.tensor([0.0, 10.0]), torch.tensor([0.0, 1.0])))

N = 8
tau = (torch.arange(N, dtype=torch.float32) + 0.5) / N
qr = nn.Sequential(nn.Linear(4, 32), nn.ReLU(), nn.Linear(32, n_act * N))
opt = torch.optim.Adam(qr.parameters(), lr=1e-3)


def quantile_huber(pred, target, kappa=1.0):
    u = target.unsqueeze(1) - pred.unsqueeze(2)
    huber = torch.where(u.abs() <= kappa, 0.5 * u.pow(2), kappa * (u.abs() - 0.5 * kappa))
    w = (tau.view(1, -1, 1) - (u.detach() < 0).float()).abs()
    return (w * huber / kappa).sum(1).mean(1).mean()


for it in range(6):
    s, s2 = torch.randn(8, 4), torch.randn(8, 4)
    a = torch.randint(0, n_act, (8,))
    r = torch.randn(8)
    with torch.no_grad():
        q2 = qr(s2).view(8, n_act, N)
        a2 = q2.mean(2).argmax(1)
        tgt = r.unsqueeze(1) + 0.9 * q2[torch.arange(8), a2]
    pred = qr(s).view(8, n_act, N).gather(1, a.view(8, 1, 1).expand(8, 1, N)).squeeze(1)
    loss = quantile_huber(pred, tgt)
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(it, f"{loss.item():.6f}", pred.sort(1).values[0, :3])
