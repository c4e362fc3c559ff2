# A batched environment written entirely in tensors (many envs stepped at once, auto-reset with torch.where),
# A2C with n-step bootstrapped returns, OneHotCategorical and Gumbel-softmax action sampling, episode
# bookkeeping with nonzero()/tolist(), and Adam with a LambdaLR linear decay.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.distributions import Categorical, OneHotCategorical

torch.manual_seed(0)


class BatchedChain:
    def __init__(self, n_envs, length=5, max_t=10):
        self.n, self.L, self.max_t = n_envs, length, max_t
        self.pos = torch.zeros(n_envs, dtype=torch.long)
        self.t = torch.zeros(n_envs, dtype=torch.long)

    def obs(self):
        return F.one_hot(self.pos, self.L).float()

    def step(self, a):
        self.pos = (self.pos + torch.where(a == 1, 1, -1)).clamp(0, self.L - 1)
        self.t += 1
        goal = self.pos == self.L - 1
        done = goal | (self.t >= self.max_t)
        r = torch.where(goal, torch.tensor(1.0), torch.tensor(-0.01))
        self.pos = torch.where(done, torch.zeros_like(self.pos), self.pos)
        self.t = torch.where(done, torch.zeros_like(self.t), self.t)
        return self.obs(), r, done


env = BatchedChain(8)
net = nn.Sequential(nn.Linear(5, 32), nn.Tanh(), nn.Linear(32, 3))
opt = torch.optim.Adam(net.parameters(), lr=5e-3)
sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda u: 1 - u / 20)
obs = env.obs()
finished = []
for update in range(20):
    logps, vals, rews, masks, ents = [], [], [], [], []
    for t in range(5):
        out = net(obs)
        dist = Categorical(logits=out[:, :2])
        a = dist.sample()
        obs, r, done = env.step(a)
        logps.append(dist.log_prob(a))
        ents.append(dist.entropy())
        vals.append(out[:, 2])
        rews.append(r)
        masks.append((~done).float())
        finished += done.nonzero().flatten().tolist()
    with torch.no_grad():
        R = net(obs)[:, 2]
    returns = []
    for t in reversed(range(5)):
        R = rews[t] + 0.95 * R * masks[t]
        returns.insert(0, R)
    returns = torch.stack(returns)
    values = torch.stack(vals)
    adv = returns - values
    loss = -(torch.stack(logps) * adv.detach()).mean() + 0.5 * adv.pow(2).mean() - 0.01 * torch.stack(ents).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
    sched.step()
    if update % 4 == 0:
        print(update, f"{loss.item():.5f}", f"{returns.mean().item():.5f}", sched.get_last_lr(), len(finished))
print(finished[:20])
oh = OneHotCategorical(logits=torch.tensor([[0.0, 1.0, 2.0], [3.0, 0.0, 0.0]]))
s = oh.sample()
print(s, oh.log_prob(s), oh.entropy(), s.argmax(-1))
g = F.gumbel_softmax(torch.tensor([[0.0, 1.0, 2.0]]).expand(4, 3), tau=0.5, hard=True)
print(g.sum(-1), g.shape)
