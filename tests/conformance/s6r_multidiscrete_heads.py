# Multi-discrete action spaces (CleanRL ppo_multidiscrete): logits split per sub-action with torch.split,
# stacked samples/log_probs/entropies and their gradients, masked sub-heads, tensor_split/chunk/unbind,
# and rescaling tanh actions to box bounds.
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(0)
# Multi-discrete action heads (MultiCategorical via torch.split of logits), as in CleanRL ppo_multidiscrete
from torch.distributions import Categorical
nvec = [3, 2, 4]
logits = torch.randn(5, sum(nvec), requires_grad=True)
split_logits = torch.split(logits, nvec, dim=1)
cats = [Categorical(logits=l) for l in split_logits]
action = torch.stack([c.sample() for c in cats])
logprob = torch.stack([c.log_prob(a) for a, c in zip(action, cats)])
entropy = torch.stack([c.entropy() for c in cats])
print(action.T, logprob.sum(0), entropy.sum(0))
(logprob.sum() + entropy.sum()).backward()
print(logits.grad)
# invalid action masks on multi-discrete with torch.where and -1e8
mask = torch.rand(5, sum(nvec)) > 0.3
masked = torch.where(mask, logits.detach(), torch.tensor(-1e8))
mcats = [Categorical(logits=l) for l in torch.split(masked, nvec, dim=1)]
print(torch.stack([c.probs.max(1).values for c in mcats]))
# tensor_split / chunk / unbind
print([t.shape for t in torch.tensor_split(torch.arange(10), 3)], [t.shape for t in torch.arange(10).chunk(4)])
print(torch.arange(6).view(2, 3).unbind(1))
# sample of action with torch.distributions for continuous with action bounds rescaling
low, high = torch.tensor([-1.0, 0.0]), torch.tensor([1.0, 5.0])
a = torch.tanh(torch.randn(4, 2))
print(low + (a + 1.0) * 0.5 * (high - low))
scale = (high - low) / 2.0
bias = (high + low) / 2.0
print(a * scale + bias)
