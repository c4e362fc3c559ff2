# Invalid-action masking (as in MaskablePPO / board-game agents): masked_fill with -inf and finfo.min,
# Categorical over masked logits (probs, entropy with zero-prob actions, sample never picks masked),
# batched Categorical shapes (batch_shape/event_shape, sample((n,))), and gradients through the mask.
import torch
from torch.distributions import Categorical

torch.manual_seed(0)
logits = torch.randn(4, 5, requires_grad=True)
mask = torch.tensor([[1, 1, 0, 1, 0], [0, 0, 1, 0, 0], [1, 1, 1, 1, 1], [0, 1, 0, 1, 1]], dtype=torch.bool)
masked = logits.masked_fill(~mask, torch.finfo(logits.dtype).min)
dist = Categorical(logits=masked)
print(dist.batch_shape, dist.event_shape)
print(dist.probs)
print(dist.entropy())
s = dist.sample((200,))
print(s.shape, bool(mask.gather(1, s.T).all()))
a = torch.tensor([0, 2, 4, 3])
lp = dist.log_prob(a)
print(lp)
(lp.sum() + dist.entropy().sum()).backward()
print(logits.grad)

m2 = torch.where(mask, logits.detach(), torch.tensor(-1e8))
print(torch.allclose(Categorical(logits=m2).probs, dist.probs))
d3 = Categorical(logits=torch.randn(2, 3, 4))
print(d3.batch_shape, d3.sample().shape, d3.log_prob(torch.zeros(2, 3, dtype=torch.long)).shape)
print(d3.log_prob(torch.tensor([1, 2, 3])).shape)
print(d3.logits.logsumexp(-1))
print(d3.mode, d3.sample((3, 2)).shape)
p = Categorical(probs=torch.tensor([[0.0, 0.5, 0.5], [1.0, 0.0, 0.0]]))
print(p.entropy(), p.logits, p.enumerate_support())
# greedy among valid actions with ties broken by first index
q = torch.tensor([[2.0, 5.0, 5.0, 1.0], [3.0, 3.0, 3.0, 3.0]])
valid = torch.tensor([[True, False, True, True], [False, True, True, False]])
print(q.masked_fill(~valid, float("-inf")).argmax(1))
