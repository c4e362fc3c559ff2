# DDPG / TD3 on a 1-D reach task: deterministic tanh actor scaled by act_limit, exploration noise with
# torch.randn_like clipped, target policy smoothing (noise.clamp(-c, c)), clipped double-Q min target,
# delayed actor updates, Ornstein-Uhlenbeck noise with numpy-free torch ops, and Polyak via lerp_.
import copy

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
act_limit = 2.0


class Actor(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(2, 32), nn.ReLU(), nn.Linear(32, 1), nn.Tanh())

    def forward(self, o):
        return act_limit * self.net(o)


class Critic(nn.Module):
    def __init__(self):
        super().__init__()
        self.q = nn.Sequential(nn.Linear(3, 32), nn.ReLU(), nn.Linear(32, 1))

    def forward(self, o, a):
        return torch.squeeze(self.q(torch.cat([o, a], dim=-1)), -1)


actor, c1, c2 = Actor(), Critic(), Critic()
actor_t, c1_t, c2_t = copy.deepcopy(actor), copy.deepcopy(c1), copy.deepcopy(c2)
for p in list(actor_t.parameters()) + list(c1_t.parameters()) + list(c2_t.parameters()):
    p.requires_grad_(False)
pi_opt = torch.optim.Adam(actor.parameters(), lr=1e-3)
q_opt = torch.optim.Adam(list(c1.parameters()) + list(c2.parameters()), lr=1e-3)


def reward(o, a):
    return -(o[:, 0] + 0.5 * a[:, 0] - o[:, 1]).pow(2)


for it in range(16):
    o = torch.randn(32, 2)
    with torch.no_grad():
        a = actor(o)
        a = (a + 0.1 * act_limit * torch.randn_like(a)).clamp(-act_limit, act_limit)
    r = reward(o, a)
    o2 = torch.randn(32, 2)
    d = torch.zeros(32)
    with torch.no_grad():
        eps = torch.clamp(torch.randn_like(a) * 0.2, -0.5, 0.5)
        a2 = torch.clamp(actor_t(o2) + eps, -act_limit, act_limit)
        backup = r + 0.9 * (1 - d) * torch.min(c1_t(o2, a2), c2_t(o2, a2))
    loss_q = F.mse_loss(c1(o, a), backup) + F.mse_loss(c2(o, a), backup)
    q_opt.zero_grad()
    loss_q.backward()
    q_opt.step()
    if it % 2 == 0:
        loss_pi = -c1(o, actor(o)).mean()
        pi_opt.zero_grad()
        loss_pi.backward()
        pi_opt.step()
        with torch.no_grad():
            for net, targ in ((actor, actor_t), (c1, c1_t), (c2, c2_t)):
                for p, pt in zip(net.parameters(), targ.parameters()):
                    pt.lerp_(p, 0.05)
    print(it, f"{loss_q.item():.5f} {loss_pi.item():.5f} {r.mean().item():.5f}")
print(c1.q[0].weight.grad is not None, actor.net[0].weight.grad.norm())


class OUNoise:
    def __init__(self, size, mu=0.0, theta=0.15, sigma=0.2):
        self.mu = mu * torch.ones(size)
        self.theta, self.sigma = theta, sigma
        self.state = self.mu.clone()

    def sample(self):
        dx = self.theta * (self.mu - self.state) + self.sigma * torch.randn(len(self.state))
        self.state = self.state + dx
        return self.state


ou = OUNoise(3)
print(torch.stack([ou.sample() for _ in range(5)]))
with torch.no_grad():
    print(actor(torch.tensor([[0.0, 1.0], [1.0, 0.0]])), actor_t(torch.tensor([[0.0, 1.0]])))
