# SAC-style squashed Gaussian actor (Spinning Up core.py): Normal(mu, std) rsample, tanh squashing with the
# softplus log-prob correction, log_std clamping, twin Q critics with torch.min, automatic entropy tuning
# with log_alpha, Polyak target updates, and TransformedDistribution(TanhTransform) for comparison.
import copy

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.distributions import Normal, TanhTransform, TransformedDistribution

torch.manual_seed(0)
LOG_STD_MAX, LOG_STD_MIN = 2, -20
obs_dim, act_dim = 3, 2


def mlp(sizes, act=nn.ReLU, out_act=nn.Identity):
    layers = []
    for j in range(len(sizes) - 1):
        layers += [nn.Linear(sizes[j], sizes[j + 1]), act() if j < len(sizes) - 2 else out_act()]
    return nn.Sequential(*layers)


class Actor(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = mlp([obs_dim, 32, 32], nn.ReLU, nn.ReLU)
        self.mu = nn.Linear(32, act_dim)
        self.log_std = nn.Linear(32, act_dim)

    def forward(self, obs, deterministic=False, with_logprob=True):
        h = self.net(obs)
        mu = self.mu(h)
        log_std = torch.clamp(self.log_std(h), LOG_STD_MIN, LOG_STD_MAX)
        std = torch.exp(log_std)
        pi = Normal(mu, std)
        u = mu if deterministic else pi.rsample()
        logp = None
        if with_logprob:
            logp = pi.log_prob(u).sum(axis=-1)
            logp -= (2 * (np.log(2) - u - F.softplus(-2 * u))).sum(axis=1)
        return torch.tanh(u), logp, u, pi


actor = Actor()
q1 = mlp([obs_dim + act_dim, 32, 1])
q2 = mlp([obs_dim + act_dim, 32, 1])
q1_t, q2_t = copy.deepcopy(q1), copy.deepcopy(q2)
log_alpha = torch.zeros(1, requires_grad=True)
target_entropy = -float(act_dim)
pi_opt = torch.optim.Adam(actor.parameters(), lr=3e-3)
q_opt = torch.optim.Adam(list(q1.parameters()) + list(q2.parameters()), lr=3e-3)
a_opt = torch.optim.Adam([log_alpha], lr=3e-3)
gamma, polyak = 0.99, 0.995
for it in range(12):
    o = torch.randn(16, obs_dim)
    a = torch.rand(16, act_dim) * 2 - 1
    r = -(a - o[:, :act_dim].tanh()).pow(2).sum(1)
    o2 = torch.randn(16, obs_dim)
    d = (torch.rand(16) < 0.1).float()
    alpha = log_alpha.exp().detach()
    with torch.no_grad():
        a2, logp_a2, _, _ = actor(o2)
        q_pi_t = torch.min(q1_t(torch.cat([o2, a2], -1)), q2_t(torch.cat([o2, a2], -1))).squeeze(-1)
        backup = r + gamma * (1 - d) * (q_pi_t - alpha * logp_a2)
    oa = torch.cat([o, a], dim=-1)
    loss_q = ((q1(oa).squeeze(-1) - backup) ** 2).mean() + ((q2(oa).squeeze(-1) - backup) ** 2).mean()
    q_opt.zero_grad()
    loss_q.backward()
    q_opt.step()
    for p in list(q1.parameters()) + list(q2.parameters()):
        p.requires_grad = False
    pi, logp_pi, _, _ = actor(o)
    opi = torch.cat([o, pi], -1)
    q_pi = torch.min(q1(opi), q2(opi)).squeeze(-1)
    loss_pi = (alpha * logp_pi - q_pi).mean()
    pi_opt.zero_grad()
    loss_pi.backward()
    pi_opt.step()
    for p in list(q1.parameters()) + list(q2.parameters()):
        p.requires_grad = True
    alpha_loss = -(log_alpha * (logp_pi + target_entropy).detach()).mean()
    a_opt.zero_grad()
    alpha_loss.backward()
    a_opt.step()
    with torch.no_grad():
        for net, targ in ((q1, q1_t), (q2, q2_t)):
            for p, p_targ in zip(net.parameters(), targ.parameters()):
                p_targ.data.mul_(polyak)
                p_targ.data.add_((1 - polyak) * p.data)
    print(it, f"{loss_q.item():.5f} {loss_pi.item():.5f} {alpha_loss.item():.6f} {log_alpha.item():.6f}")

o = torch.randn(5, obs_dim)
act, logp, u, pi = actor(o)
squashed = TransformedDistribution(Normal(pi.loc, pi.scale), [TanhTransform(cache_size=1)])
print(act, logp)
print(squashed.log_prob(act).sum(-1))
print(actor(o, deterministic=True)[0])
mu = torch.zeros(3, requires_grad=True)
std = torch.ones(3, requires_grad=True)
s = Normal(mu, std).rsample()
(s ** 2).sum().backward()
print(s, mu.grad, std.grad, Normal(mu, std).entropy())
