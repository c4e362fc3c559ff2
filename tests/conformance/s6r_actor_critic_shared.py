# One-step / n-step actor-critic on a two-armed contextual bandit: shared trunk with policy and value heads,
# Categorical log_prob, detach()ed advantage, smooth_l1 value loss, clip_grad_norm_ and RMSprop.
import random

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.distributions import Categorical

torch.manual_seed(0)
rng = random.Random(1)


class ActorCritic(nn.Module):
    def __init__(self, obs_dim=3, n_act=2, hidden=24):
        super().__init__()
        self.trunk = nn.Sequential(nn.Linear(obs_dim, hidden), nn.ReLU())
        self.pi = nn.Linear(hidden, n_act)
        self.v = nn.Linear(hidden, 1)

    def forward(self, x):
        h = self.trunk(x)
        return self.pi(h), self.v(h).squeeze(-1)


def env_step(ctx, a):
    best = 0 if ctx[0] > ctx[1] else 1
    return 1.0 if a == best else 0.0


net = ActorCritic()
opt = torch.optim.RMSprop(net.parameters(), lr=5e-3, alpha=0.99, eps=1e-5)
for it in range(25):
    ctxs = [[rng.random(), rng.random(), 1.0] for _ in range(16)]
    x = torch.tensor(ctxs)
    logits, v = net(x)
    dist = Categorical(logits=logits)
    a = dist.sample()
    r = torch.tensor([env_step(c, ai) for c, ai in zip(ctxs, a.tolist())])
    adv = r - v
    actor_loss = -(dist.log_prob(a) * adv.detach()).mean()
    critic_loss = F.smooth_l1_loss(v, r)
    entropy = dist.entropy().mean()
    loss = actor_loss + 0.5 * critic_loss - 0.01 * entropy
    opt.zero_grad()
    loss.backward()
    gn = nn.utils.clip_grad_norm_(net.parameters(), 0.5)
    opt.step()
    if it % 5 == 0 or it == 24:
        print(it, f"{actor_loss.item():.5f} {critic_loss.item():.5f} {entropy.item():.5f} {gn.item():.5f}",
              r.mean().item())
with torch.no_grad():
    logits, v = net(torch.tensor([[0.9, 0.1, 1.0], [0.1, 0.9, 1.0]]))
print(F.softmax(logits, -1), v)
print(logits.argmax(-1), Categorical(logits=logits).probs)
