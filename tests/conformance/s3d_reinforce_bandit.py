# REINFORCE on a 4-armed bandit: a Categorical policy (from an MLP on a context vector), sampled actions,
# log_prob * advantage with a running baseline, entropy bonus, Adam.
import torch
import torch.nn as nn
from torch.distributions import Categorical

torch.manual_seed(0)
arm_means = torch.tensor([0.1, 0.5, 0.9, 0.3])
policy = nn.Sequential(nn.Linear(3, 16), nn.Tanh(), nn.Linear(16, 4))
opt = torch.optim.Adam(policy.parameters(), lr=0.05)
context = torch.randn(32, 3)
baseline = 0.0
for step in range(60):
    logits = policy(context)
    dist = Categorical(logits=logits)
    actions = dist.sample()
    rewards = arm_means[actions] + 0.1 * torch.randn(actions.shape)
    advantage = rewards - baseline
    baseline = 0.9 * baseline + 0.1 * rewards.mean().item()
    loss = -(dist.log_prob(actions) * advantage).mean() - 0.01 * dist.entropy().mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
    if step % 10 == 0:
        print(f"step {step:2d} reward {rewards.mean().item():.4f} loss {loss.item():.4f} "
              f"entropy {dist.entropy().mean().item():.4f}")
        print("  actions", actions[:12].tolist())
with torch.no_grad():
    probs = Categorical(logits=policy(context)).probs
print(probs.mean(0))
print(probs.argmax(-1).bincount(minlength=4))

# a tabular policy given by raw probabilities, sampled in batches of a sample_shape
table = Categorical(probs=torch.tensor([[0.2, 0.3, 0.5], [0.7, 0.2, 0.1]]))
draws = table.sample((6,))
print(draws, draws.shape, table.batch_shape, table.event_shape)
print(table.log_prob(draws))
print(table.entropy(), table.perplexity())
print(table.enumerate_support())
g = torch.Generator().manual_seed(5)
print(torch.multinomial(table.probs, 4, replacement=True, generator=g))
