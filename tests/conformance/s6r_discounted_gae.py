# Discounted returns and GAE(lambda) the ways people write them: a reversed Python loop, Spinning Up's
# discount_cumsum done with a matrix of gamma powers (torch.tril / pow), done-masks across episode
# boundaries, bootstrapping from last value, and advantage normalisation with std(unbiased).
import torch

torch.manual_seed(0)
T = 10
rewards = torch.randn(T)
values = torch.randn(T + 1)
dones = torch.zeros(T)
dones[4] = 1.0
gamma, lam = 0.99, 0.95


def discounted_loop(r, gamma):
    out = torch.zeros_like(r)
    running = 0.0
    for t in reversed(range(len(r))):
        running = r[t] + gamma * running
        out[t] = running
    return out


def discounted_matrix(r, gamma):
    n = r.shape[0]
    idx = torch.arange(n)
    expo = (idx.unsqueeze(0) - idx.unsqueeze(1)).clamp(min=0).float()
    mat = torch.triu(torch.full((n, n), gamma) ** expo)
    return mat @ r


print(discounted_loop(rewards, gamma))
print(discounted_matrix(rewards, gamma))
print(torch.allclose(discounted_loop(rewards, gamma), discounted_matrix(rewards, gamma), atol=1e-5))

adv = torch.zeros(T)
lastgaelam = 0.0
for t in reversed(range(T)):
    nonterminal = 1.0 - dones[t]
    delta = rewards[t] + gamma * values[t + 1] * nonterminal - values[t]
    lastgaelam = delta + gamma * lam * nonterminal * lastgaelam
    adv[t] = lastgaelam
returns = adv + values[:-1]
print("adv", adv)
print("returns", returns)
norm = (adv - adv.mean()) / (adv.std() + 1e-8)
print("norm", norm, norm.mean().item() < 1e-6, round(norm.std().item(), 4))

# vectorised over 3 parallel envs (CleanRL layout: [num_steps, num_envs])
R = torch.randn(T, 3)
V = torch.randn(T, 3)
D = (torch.rand(T, 3) < 0.2).float()
next_value = torch.randn(3)
next_done = torch.zeros(3)
advantages = torch.zeros_like(R)
last = torch.zeros(3)
for t in reversed(range(T)):
    if t == T - 1:
        nnt, nv = 1.0 - next_done, next_value
    else:
        nnt, nv = 1.0 - D[t + 1], V[t + 1]
    delta = R[t] + gamma * nv * nnt - V[t]
    advantages[t] = last = delta + gamma * lam * nnt * last
print(advantages)
print((advantages + V).sum(0))
b = advantages.reshape(-1)
print(((b - b.mean()) / (b.std() + 1e-8))[:6])
