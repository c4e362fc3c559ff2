# Group-by statistics with unique(return_inverse), bincount, scatter_add, index_add and segment reductions.
import torch

torch.manual_seed(32)
groups = torch.randint(0, 4, (20,))
values = torch.randn(20) * 10 + 50
print(groups, values)
keys, inv, counts = torch.unique(groups, return_inverse=True, return_counts=True)
print(keys, inv, counts)
sums = torch.zeros(len(keys)).scatter_add_(0, inv, values)
means = sums / counts
print(sums, means)
sq = torch.zeros(len(keys)).index_add_(0, inv, values ** 2)
var = sq / counts - means ** 2
print(var, var.sqrt(), var * counts / (counts - 1))
mx = torch.full((len(keys),), float("-inf")).scatter_reduce(0, inv, values, reduce="amax")
mn = torch.zeros(len(keys)).scatter_reduce(0, inv, values, reduce="amin", include_self=False)
print(mx, mn, torch.zeros(len(keys)).scatter_reduce(0, inv, values, reduce="mean", include_self=False))
print(torch.bincount(groups), torch.bincount(groups, weights=values) / torch.bincount(groups), torch.bincount(groups, minlength=6))
for k in keys.tolist():
    sel = values[groups == k]
    print(k, sel.numel(), f"{sel.mean():.3f}", f"{sel.std():.3f}", f"{sel.min():.3f}", f"{sel.max():.3f}", sel.median())
order = torch.argsort(groups, stable=True)
print(order, groups[order], values[order])
boundaries = torch.cat([torch.tensor([0]), counts.cumsum(0)])
print(boundaries, [values[order][boundaries[i]:boundaries[i + 1]].sum().item() for i in range(len(keys))])
seg = torch.split(values[order], counts.tolist())
print([s.shape for s in seg], [round(s.mean().item(), 4) for s in seg], torch.stack([s.max() for s in seg]))
one_hot = torch.nn.functional.one_hot(inv, num_classes=len(keys)).float()
print(one_hot.sum(0), one_hot.T @ values, (one_hot.T @ values) / one_hot.sum(0))
rank_in_group = torch.zeros(20, dtype=torch.long)
for k in range(len(keys)):
    m = inv == k
    rank_in_group[m] = values[m].argsort().argsort()
print(rank_in_group)
top_per_group = torch.stack([values[inv == k].topk(min(2, int(counts[k]))).values.sum() for k in range(len(keys))])
print(top_per_group)
pivot = torch.zeros(len(keys), 2)
half = (torch.arange(20) >= 10).long()
pivot.index_put_((inv, half), values, accumulate=True)
print(pivot, pivot.sum(), values.sum())
cnt2 = torch.zeros(len(keys), 2, dtype=torch.long)
cnt2.index_put_((inv, half), torch.ones(20, dtype=torch.long), accumulate=True)
print(cnt2, pivot / cnt2.clamp(min=1))
hist2d = torch.histc(values, bins=5, min=30, max=70)
print(hist2d, torch.bucketize(values, torch.tensor([40.0, 50.0, 60.0])), torch.bucketize(values, torch.tensor([40.0, 50.0, 60.0])).bincount(minlength=4))
z = (values - values.mean()) / values.std()
print(z.round(decimals=2), (z.abs() > 1.5).nonzero().flatten(), torch.where(z > 1)[0])
cum = torch.zeros_like(values)
for k in range(len(keys)):
    m = (inv == k).nonzero().flatten()
    cum[m] = values[m].cumsum(0)
print(cum)
print(torch.cummax(values, 0).values[-5:], torch.cummin(values, 0).indices[-5:], values.unfold(0, 5, 5).mean(1), values.view(4, 5).amax(1))
