# softmax temperature, top-k / top-p filtering, seeded sampling from logits, entropy and KL.
import torch
import torch.nn.functional as F

torch.manual_seed(0)
logits = torch.randn(2, 8)
for T in (0.25, 0.7, 1.0, 1.5, 5.0):
    p = F.softmax(logits / T, dim=-1)
    ent = -(p * p.log()).sum(-1)
    print(T, p[0], ent)
k = 3
vals, idx = logits.topk(k, dim=-1)
masked = torch.full_like(logits, float("-inf")).scatter(-1, idx, vals)
print(masked, F.softmax(masked, -1))
sorted_logits, sorted_idx = torch.sort(logits, descending=True, dim=-1)
cum = F.softmax(sorted_logits, -1).cumsum(-1)
remove = cum > 0.8
remove[..., 1:] = remove[..., :-1].clone()
remove[..., 0] = False
filt = sorted_logits.masked_fill(remove, float("-inf"))
print(filt, cum)
probs = F.softmax(filt, -1)
print(torch.multinomial(probs, 5, replacement=True), torch.multinomial(F.softmax(logits, -1), 3))
g = torch.Generator().manual_seed(3)
print(torch.multinomial(F.softmax(logits, -1), 4, replacement=True, generator=g))
gumbel = -torch.log(-torch.log(torch.rand(2, 8)))
print((logits + gumbel).argmax(-1), F.gumbel_softmax(logits, tau=0.5, hard=True))
p = F.softmax(logits[0], -1)
q = F.softmax(logits[1], -1)
print(F.kl_div(q.log(), p, reduction="sum"), (p * (p.log() - q.log())).sum(), F.kl_div(q.log(), p.log(), log_target=True, reduction="batchmean"))
print(torch.distributions.Categorical(logits=logits).entropy(), torch.distributions.Categorical(probs=p).sample((6,)))
