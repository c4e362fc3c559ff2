# Intrinsic-reward and imitation bits: RND (frozen random target net, predictor MSE per sample as bonus,
# running-std normalised), ICM forward/inverse models with cross_entropy on actions, and a GAIL discriminator
# trained with BCEWithLogits plus an R1/WGAN-style gradient penalty via autograd.grad(create_graph=True);
# the policy reward -log(1 - D) computed with logsigmoid.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
obs_dim, n_act = 5, 3
target = nn.Sequential(nn.Linear(obs_dim, 16), nn.LeakyReLU(), nn.Linear(16, 8))
for p in target.parameters():
    p.requires_grad = False
predictor = nn.Sequential(nn.Linear(obs_dim, 16), nn.LeakyReLU(), nn.Linear(16, 8))
opt = torch.optim.Adam(predictor.parameters(), lr=1e-3)
for it in range(5):
    o = torch.randn(32, obs_dim)
    o_norm = ((o - o.mean(0)) / (o.std(0) + 1e-8)).clip(-5, 5)
    err = (predictor(o_norm) - target(o_norm)).pow(2).sum(1) / 2
    bonus = err.detach()
    bonus = bonus / (bonus.std() + 1e-8)
    mask = (torch.rand(32) < 0.25).float()
    loss = (err * mask).sum() / mask.sum().clamp(min=1.0)
    opt.zero_grad()
    loss.backward()
    opt.step()
    print("rnd", it, f"{loss.item():.5f}", f"{bonus.mean().item():.5f}")

enc = nn.Sequential(nn.Linear(obs_dim, 16), nn.ELU())
inv = nn.Sequential(nn.Linear(32, 16), nn.ReLU(), nn.Linear(16, n_act))
fwd = nn.Sequential(nn.Linear(16 + n_act, 16), nn.ReLU(), nn.Linear(16, 16))
icm_opt = torch.optim.Adam([*enc.parameters(), *inv.parameters(), *fwd.parameters()], lr=1e-3)
for it in range(5):
    s, s2 = torch.randn(16, obs_dim), torch.randn(16, obs_dim)
    a = torch.randint(0, n_act, (16,))
    phi, phi2 = enc(s), enc(s2)
    inv_loss = F.cross_entropy(inv(torch.cat([phi, phi2], 1)), a)
    pred = fwd(torch.cat([phi, F.one_hot(a, n_act).float()], 1))
    fwd_err = 0.5 * (pred - phi2.detach()).pow(2).sum(1)
    loss = 0.8 * inv_loss + 0.2 * fwd_err.mean()
    icm_opt.zero_grad()
    loss.backward()
    icm_opt.step()
    print("icm", it, f"{inv_loss.item():.5f}", f"{fwd_err.mean().item():.5f}")

disc = nn.Sequential(nn.Linear(obs_dim + n_act, 32), nn.Tanh(), nn.Linear(32, 1))
d_opt = torch.optim.Adam(disc.parameters(), lr=3e-3)
expert = torch.cat([torch.randn(32, obs_dim) + 1, F.one_hot(torch.zeros(32, dtype=torch.long), n_act).float()], 1)
for it in range(6):
    pol = torch.cat([torch.randn(32, obs_dim), F.one_hot(torch.randint(0, n_act, (32,)), n_act).float()], 1)
    e_logit, p_logit = disc(expert), disc(pol)
    bce = F.binary_cross_entropy_with_logits(e_logit, torch.ones_like(e_logit)) + \
        F.binary_cross_entropy_with_logits(p_logit, torch.zeros_like(p_logit))
    alpha = torch.rand(32, 1)
    mix = (alpha * expert + (1 - alpha) * pol).requires_grad_(True)
    g = torch.autograd.grad(disc(mix).sum(), mix, create_graph=True)[0]
    gp = ((g.norm(2, dim=1) - 1) ** 2).mean()
    loss = bce + 10 * gp
    d_opt.zero_grad()
    loss.backward()
    d_opt.step()
    with torch.no_grad():
        reward = -F.logsigmoid(-disc(pol)).squeeze(1)
    print("gail", it, f"{bce.item():.5f} {gp.item():.6f} {reward.mean().item():.5f}")
