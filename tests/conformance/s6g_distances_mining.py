# Distances and hard-negative mining: pairwise_distance options, cdist for p in (1, 2, inf) with grads,
# batch-hard triplet mining using masks + max/min, topk hardest negatives, and PairwiseDistance module.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(5)
x = torch.randn(4, 3, requires_grad=True)
y = torch.randn(4, 3, requires_grad=True)
for p in [1.0, 2.0, 3.0]:
    for keepdim in [False, True]:
        print("pd", p, keepdim, F.pairwise_distance(x, y, p=p, keepdim=keepdim))
print(nn.PairwiseDistance(p=2.0, eps=1e-3)(x, x))
for p in [1.0, 2.0, float("inf"), 0.5]:
    x.grad = y.grad = None
    d = torch.cdist(x, y, p=p)
    d.sum().backward()
    print("cdist", p, d, x.grad[0], y.grad[0])
b = torch.randn(2, 3, 5)
c = torch.randn(2, 4, 5)
print(torch.cdist(b, c).shape, torch.cdist(b, c)[1, 2])
emb = torch.randn(10, 6, requires_grad=True)
labels = torch.tensor([0, 0, 1, 1, 2, 2, 0, 1, 2, 3])
e = F.normalize(emb, dim=1)
dist = torch.cdist(e, e)
same = labels.unsqueeze(0) == labels.unsqueeze(1)
eye = torch.eye(10, dtype=torch.bool)
pos_mask = same & ~eye
neg_mask = ~same
hardest_pos = (dist * pos_mask.float()).max(dim=1).values
hardest_neg = dist.masked_fill(~neg_mask, float("inf")).min(dim=1).values
valid = pos_mask.any(dim=1)
loss = F.relu(hardest_pos - hardest_neg + 0.3)[valid].mean()
loss.backward()
print("batchhard", f"{loss.item():.6f}", hardest_pos, hardest_neg, emb.grad[0])
negd = dist.masked_fill(~neg_mask, float("inf"))
vals, idx = torch.topk(negd, k=3, dim=1, largest=False)
print(vals[:3], idx[:3])
sims = e @ e.t()
sims = sims.masked_fill(same, -1e9)
hv, hi = sims.topk(2, dim=1)
print(hv[:4], hi[:4])
print(torch.cdist(e, e, compute_mode="donot_use_mm_for_euclid_dist")[0])
