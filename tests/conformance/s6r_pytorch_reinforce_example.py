# The official PyTorch reinforce.py / actor_critic.py idioms: lists of 0-d tensors stacked or cat-ed,
# returns built with insert(0, R), normalisation with finfo(float32).eps, finfo/iinfo constants, a Softmax
# policy feeding Categorical(probs), saved log-probs summed via torch.cat, and del saved[:].
import torch
import torch.nn as nn
torch.manual_seed(0)
# popular: storing trajectories as lists of tensors then torch.stack / torch.cat with requires_grad values
vals = [torch.tensor(1.0, requires_grad=True) * i for i in range(3)]
st = torch.stack(vals)
print(st, st.requires_grad)
rewards = [1.0, 0.0, 2.0]
R = 0; returns = []
for r in rewards[::-1]:
    R = r + 0.99 * R
    returns.insert(0, R)
returns = torch.tensor(returns)
eps = torch.finfo(torch.float32).eps
print(returns, (returns - returns.mean()) / (returns.std() + eps), eps, torch.finfo(torch.float64).eps, torch.finfo().max)
print(torch.iinfo(torch.int64).max, torch.finfo(torch.float32).tiny, torch.finfo(torch.float16).max)
# saved_log_probs pattern from the official pytorch reinforce example
policy = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2), nn.Softmax(dim=1))
saved = []
for t in range(3):
    state = torch.from_numpy(__import__("numpy").random.default_rng(t).standard_normal(4)).float().unsqueeze(0)
    probs = policy(state)
    m = torch.distributions.Categorical(probs)
    action = m.sample()
    saved.append(m.log_prob(action))
policy_loss = []
for lp, R in zip(saved, returns):
    policy_loss.append(-lp * R)
loss = torch.cat(policy_loss).sum()
loss.backward()
print(loss, policy[0].bias.grad)
print(torch.stack(saved).shape, torch.cat(saved).shape)
del saved[:]
print(len(saved))
