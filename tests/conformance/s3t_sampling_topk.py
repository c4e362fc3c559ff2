# Decoding-style sampling from logits: greedy, temperature, top-k and top-p filtering with sorting and scatter.
import torch

torch.manual_seed(35)
vocab = 12
logits = torch.randn(3, vocab) * 2
print(logits)
greedy = logits.argmax(dim=-1)
print(greedy, logits.max(dim=-1))
for temp in [0.5, 1.0, 2.0]:
    p = torch.softmax(logits / temp, dim=-1)
    print(temp, p.max(-1).values, -(p * p.log()).sum(-1))
k = 4
topk = logits.topk(k, dim=-1)
print(topk.values, topk.indices)
filtered = torch.full_like(logits, float("-inf")).scatter(-1, topk.indices, topk.values)
print(filtered)
kth = topk.values[:, -1:]
filtered2 = logits.masked_fill(logits < kth, float("-inf"))
print(torch.equal(filtered, filtered2), filtered.softmax(-1))
sorted_logits, sorted_idx = torch.sort(logits, descending=True, dim=-1)
cum = sorted_logits.softmax(-1).cumsum(-1)
remove = cum > 0.8
remove[..., 1:] = remove[..., :-1].clone()
remove[..., 0] = False
print(cum, remove)
mask = remove.scatter(1, sorted_idx, remove)
nucleus = logits.masked_fill(mask, float("-inf"))
print(mask.sum(-1), nucleus.softmax(-1))
samples = torch.multinomial(nucleus.softmax(-1), num_samples=5, replacement=True)
print(samples, (samples.unsqueeze(-1) == torch.arange(vocab)).sum(1))
g = torch.Generator().manual_seed(123)
print(torch.multinomial(logits.softmax(-1), 3, generator=g), torch.multinomial(logits.softmax(-1), 2, replacement=False, generator=g))
u = torch.rand(3, vocab)
gumbel = -torch.log(-torch.log(u))
print((logits + gumbel).argmax(-1), gumbel.mean())
ints = torch.tensor([[5, 3, 5, 1, 3, 5], [2, 2, 2, 2, 1, 0]])
print(ints.topk(3), ints.topk(2, largest=False), ints.sort(descending=True), ints.argsort(dim=1, descending=True, stable=True))
print(ints.kthvalue(2, dim=1), ints.kthvalue(4), ints.float().median(dim=1), ints.mode(dim=1))
scores = torch.tensor([0.9, 0.5, 0.9, 0.1, 0.5, 0.9, 0.3])
print(scores.topk(3), scores.topk(4, sorted=False), torch.topk(scores, 2, largest=False), scores.sort(stable=True), scores.argsort(descending=True))
beams = torch.tensor([[-1.0, -2.0, -1.0], [-0.5, -3.0, -0.5]])
flat = beams.view(-1).topk(3)
print(flat, flat.indices // 3, flat.indices % 3, torch.div(flat.indices, 3, rounding_mode="floor"))
rep = torch.tensor([1.0, 2.0, 3.0, 2.0])
penalty = torch.where(rep > 0, rep / 1.2, rep * 1.2)
print(penalty, torch.unique(torch.tensor([4, 2, 4, 9])), torch.nn.functional.softmax(torch.tensor([1.0, 1.0, 1.0]), dim=0))
