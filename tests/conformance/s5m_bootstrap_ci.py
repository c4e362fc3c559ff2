# Bootstrap confidence intervals: resampling with torch.randint, percentile intervals with
# torch.quantile, bootstrap of a median / correlation / regression slope, and a permutation test.
import torch

torch.manual_seed(77)
data = torch.distributions.Gamma(2.0, 0.5).sample((60,))
print(data.mean(), data.median(), data.std())
B = 2000
idx = torch.randint(0, len(data), (B, len(data)))
boot = data[idx]
means = boot.mean(1)
medians = boot.median(1).values
for name, stat, est in [("mean", means, data.mean()), ("median", medians, data.median())]:
    lo, hi = torch.quantile(stat, torch.tensor([0.025, 0.975]))
    se = stat.std()
    bias = stat.mean() - est
    print(f"{name}: est={est:.4f} se={se:.4f} bias={bias:.4f} CI=({lo:.4f}, {hi:.4f})")
    basic = (2 * est - hi, 2 * est - lo)
    print("   basic", torch.stack(basic))
for q in ("linear", "lower", "higher", "midpoint", "nearest"):
    print(q, torch.quantile(means, torch.tensor([0.05, 0.5, 0.95]), interpolation=q))
x = torch.randn(40)
y = 0.6 * x + 0.8 * torch.randn(40)
r = torch.corrcoef(torch.stack([x, y]))[0, 1]
bi = torch.randint(0, 40, (1000, 40))
xb, yb = x[bi], y[bi]
xc = xb - xb.mean(1, keepdim=True)
yc = yb - yb.mean(1, keepdim=True)
rb = (xc * yc).sum(1) / (xc.norm(dim=1) * yc.norm(dim=1))
slope = (xc * yc).sum(1) / (xc ** 2).sum(1)
print("r", r.item(), torch.quantile(rb, torch.tensor([0.025, 0.975])), rb.std().item())
print("slope", torch.quantile(slope, torch.tensor([0.025, 0.5, 0.975])))
a = torch.randn(25) + 0.5
b = torch.randn(30)
obs = a.mean() - b.mean()
pooled = torch.cat([a, b])
perm_stats = []
for i in range(1000):
    p = pooled[torch.randperm(len(pooled))]
    perm_stats.append(p[:25].mean() - p[25:].mean())
perm_stats = torch.stack(perm_stats)
pval = (perm_stats.abs() >= obs.abs()).float().mean()
print("diff", obs.item(), "p-value", pval.item(), perm_stats.std().item())
print(torch.nanquantile(torch.tensor([1.0, float("nan"), 3.0, 2.0]), 0.5), torch.quantile(data, 0.9, keepdim=True))
