# REINFORCE on a pure-Python 1-D corridor gridworld (Spinning Up "simplest policy gradient" style):
# Categorical(logits=...) sample / log_prob / entropy, reward-to-go with flip+cumsum, a mean baseline,
# entropy bonus and Adam; per-epoch returns and loss printed.
import random

import torch
import torch.nn as nn
from torch.distributions import Categorical

torch.manual_seed(0)
random.seed(0)


class Corridor:
    def __init__(self, n=6):
        self.n = n

    def reset(self):
        self.pos = 0
        self.t = 0
        return self.obs()

    def obs(self):
        o = [0.0] * self.n
        o[self.pos] = 1.0
        return o

    def step(self, a):
        self.t += 1
        self.pos = max(0, min(self.n - 1, self.pos + (1 if a == 1 else -1)))
        done = self.pos == self.n - 1 or self.t >= 12
        r = 1.0 if self.pos == self.n - 1 else -0.05
        return self.obs(), r, done


def reward_to_go(rews):
    r = torch.as_tensor(rews, dtype=torch.float32)
    return torch.flip(torch.cumsum(torch.flip(r, dims=(0,)), dim=0), dims=(0,))


env = Corridor()
policy = nn.Sequential(nn.Linear(6, 16), nn.Tanh(), nn.Linear(16, 2))
opt = torch.optim.Adam(policy.parameters(), lr=1e-2)
for epoch in range(8):
    batch_obs, batch_acts, batch_weights, ep_rets = [], [], [], []
    for ep in range(4):
        obs, done, rews = env.reset(), False, []
        while not done:
            batch_obs.append(obs)
            with torch.no_grad():
                dist = Categorical(logits=policy(torch.as_tensor(obs)))
                a = dist.sample().item()
            obs, r, done = env.step(a)
            batch_acts.append(a)
            rews.append(r)
        ep_rets.append(sum(rews))
        batch_weights += reward_to_go(rews).tolist()
    obs_t = torch.as_tensor(batch_obs, dtype=torch.float32)
    act_t = torch.as_tensor(batch_acts, dtype=torch.int64)
    w = torch.as_tensor(batch_weights)
    w = w - w.mean()
    dist = Categorical(logits=policy(obs_t))
    logp = dist.log_prob(act_t)
    ent = dist.entropy().mean()
    loss = -(logp * w).mean() - 0.01 * ent
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(f"epoch {epoch} len {len(batch_acts)} ret {sum(ep_rets) / len(ep_rets):.4f} loss {loss.item():.5f} "
          f"ent {ent.item():.5f}")
print(reward_to_go([1.0, 0.0, 2.0, -1.0]))
print(Categorical(probs=torch.tensor([0.2, 0.3, 0.5])).entropy())
with torch.no_grad():
    print(policy(torch.eye(6)).softmax(-1))
