# NaN/inf handling in reductions, comparisons, sort/unique/topk, clamp and where.
import torch

nan, inf = float("nan"), float("inf")
x = torch.tensor([3.0, nan, -1.0, inf, -inf, 0.0])
print(x.max(), x.min(), x.sum(), x.mean(), x.argmax(), x.argmin(), x.amax(), torch.nanmean(x), x.nansum(), x.isnan(), x.isinf(), x.isfinite(), x.isposinf(), x.isneginf())
print(x.sort(), x.sort(descending=True), x.argsort(), x.topk(2), x.topk(2, largest=False), x.msort())
print(x.clamp(-2, 2), x.clamp(min=0), torch.where(x.isnan(), torch.zeros_like(x), x), x.nan_to_num(nan=9.0, posinf=1e6, neginf=-1e6), torch.maximum(x, torch.zeros(6)), torch.fmax(x, torch.zeros(6)), torch.fmin(x, torch.ones(6)))
print(x == x, x != x, x > 0, x.eq(nan), torch.isclose(x, x), torch.isclose(x, x, equal_nan=True), torch.equal(x, x), x.sign(), x.abs(), (x * 0))
print(x.cumsum(0), x.cummax(0), x.cumprod(0), x.exp(), x.log(), torch.sigmoid(x), torch.tanh(x), torch.softmax(torch.tensor([inf, 1.0]), 0), torch.relu(x))
m = torch.tensor([[1.0, nan], [2.0, 3.0]])
print(m.max(1), m.min(0), m.sum(1), m.mean(0), m.std(1), m.median(1), m.nanmedian(1), m.logsumexp(1), m.norm(dim=1), m.prod(0), m.amax(1), m.sort(1), m.argmax(1))
print(torch.unique(torch.tensor([2.0, 1.0, 2.0, inf, -inf, 1.0])), torch.tensor([1.0, -0.0, 0.0]).unique(), torch.tensor([3, 1, 2, 3, 1]).unique(return_inverse=True, return_counts=True))
print(torch.tensor([[1, 2], [1, 2], [0, 5]]).unique(dim=0, return_counts=True), torch.tensor([5, 3, 5, 1]).unique(sorted=True), torch.tensor([True, False, True]).unique())
print(torch.tensor([0.0]) / torch.tensor([0.0]), torch.tensor([1.0]) / 0.0, -torch.tensor([1.0]) / 0.0, torch.tensor([1.0, -1.0]).log(), torch.tensor([0.0]).log(), torch.tensor([-1.0]).sqrt(), torch.tensor([2.0]).pow(1e4), torch.tensor([1e-45]).exp().log())
print(torch.tensor([1e38]) * 10, torch.tensor([1e308], dtype=torch.float64) * 10, torch.tensor([1.0], dtype=torch.float16) * 70000, torch.finfo(torch.float32).eps, torch.finfo(torch.float32).max, torch.finfo(torch.float16).tiny, torch.iinfo(torch.int32).max, torch.iinfo(torch.int8).min)
s = torch.tensor([3, 1, 2, 1, 3, 3])
print(s.sort(stable=True), s.sort(descending=True, stable=True), s.argsort(stable=True), torch.sort(s, dim=0, descending=False).values, s.bincount(), s.mode(), s.float().histc(3, 1, 3), s.kthvalue(3))
print(torch.tensor([[3, 1], [1, 3]]).sort(0), torch.tensor([[2.0, 2.0, 1.0]]).argmax(1), torch.tensor([[2.0, 2.0, 1.0]]).argmin(), torch.tensor([1, 3, 3]).argmax(), torch.tensor([[1.0, 5.0, 5.0], [7.0, 7.0, 0.0]]).max(1))
