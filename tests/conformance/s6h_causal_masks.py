# Causal masks the many ways blog code builds them: torch.triu(ones, diagonal=1).bool(), tril ==0,
# float masks with -inf above the diagonal (nn.Transformer.generate_square_subsequent_mask), padding
# masks combined with [:, None, None, :], masked_fill with -inf and float("-inf"), softmax rows and grads.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
T = 5
m1 = torch.triu(torch.ones(T, T), diagonal=1).bool()
m2 = torch.tril(torch.ones(T, T)) == 0
m3 = nn.Transformer.generate_square_subsequent_mask(T)
m4 = torch.full((T, T), float("-inf")).triu(1)
print(m1.int())
print(torch.equal(m1, m2), m3, torch.equal(m3, m4))
scores = torch.randn(2, 3, T, T, requires_grad=True)
a = scores.masked_fill(m1, float("-inf")).softmax(-1)
b = (scores + m3).softmax(-1)
print(a[0, 0], (a - b).abs().max().item())
pad = torch.tensor([[1, 1, 1, 0, 0], [1, 1, 1, 1, 1]]).bool()
keep = (~m1)[None, None] & pad[:, None, None, :]
c = scores.masked_fill(~keep, -1e9).softmax(dim=-1)
print(keep.shape, c[0, 1, 4], c.sum(-1)[0, 0])
w = torch.randn(2, 3, T, T)
(a * w).sum().backward()
print(scores.grad[0, 0], scores.grad[:, :, 0, 1:].abs().max().item())
neg = torch.finfo(torch.float32).min
d = scores.detach().masked_fill(m1, neg).softmax(-1)
print(neg, (d - a.detach()).abs().max().item() < 1e-6)
r = torch.arange(T)
m5 = r[None, :] > r[:, None]
print(torch.equal(m5, m1), torch.ones(3, 4).tril(1), torch.ones(2, 3, 3).triu(-1)[1])
