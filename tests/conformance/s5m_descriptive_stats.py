# Descriptive statistics on tabular data: mean/std/var with correction, skew/kurtosis by hand,
# histc + bin edges, quantiles, weighted covariance, corrcoef, z-scores, and robust stats (MAD, IQR).
import torch

torch.manual_seed(314)
n = 500
height = 170 + 8 * torch.randn(n)
weight = 0.9 * (height - 170) + 70 + 6 * torch.randn(n)
age = torch.distributions.Gamma(9.0, 0.25).sample((n,))
X = torch.stack([height, weight, age], 1)
print("mean", X.mean(0), "\nstd", X.std(0), "\nstd pop", X.std(0, unbiased=False))
print(torch.var(X, 0, correction=0), torch.var(X, 0, correction=1), torch.std_mean(X, dim=0))
print(torch.var_mean(X[:, 2], correction=2))
z = (X - X.mean(0)) / X.std(0)
skew = (z ** 3).mean(0)
kurt = (z ** 4).mean(0) - 3
print("skew", skew, "kurt", kurt)
h = torch.histc(age, bins=10, min=0, max=80)
edges = torch.linspace(0, 80, 11)
print(h, h.sum(), edges)
counts, bin_edges = torch.histogram(age, bins=5)
print(counts, bin_edges)
qs = torch.quantile(X, torch.tensor([0.25, 0.5, 0.75]), dim=0)
print(qs)
iqr = qs[2] - qs[0]
med = X.median(0).values
mad = (X - med).abs().median(0).values
print("iqr", iqr, "mad", mad, 1.4826 * mad)
print("cov", torch.cov(X.T))
print("corr", torch.corrcoef(X.T))
w = torch.randint(1, 5, (n,))
aw = torch.rand(n)
print(torch.cov(X.T, correction=0, fweights=w), torch.cov(X.T, aweights=aw))
outliers = (z.abs() > 2.5).sum(0)
print("outliers", outliers, z.abs().max(0))
print(X.amin(0), X.amax(0), X.aminmax(dim=0), torch.logsumexp(z, 0))
print(torch.cummax(X[:10, 0], 0).values, X[:10, 1].cumsum(0), X[:5].prod(1))
ranks = X[:, 0].argsort().argsort().float()
ranks_w = X[:, 1].argsort().argsort().float()
print("spearman", torch.corrcoef(torch.stack([ranks, ranks_w]))[0, 1].item())
print(torch.bincount(torch.bucketize(age, torch.tensor([20.0, 30.0, 40.0, 50.0]))))
print(torch.mode(torch.tensor([3, 1, 2, 3, 2, 3, 1])), torch.nanmean(torch.tensor([1.0, float('nan'), 3.0])))
