# Comparisons, isclose/allclose with nan and tolerances, equal, maximum/minimum with nan, sorting helpers.
import torch

a = torch.tensor([1.0, 2.0, float("nan"), float("inf"), -0.0])
b = torch.tensor([1.0 + 1e-9, 2.1, float("nan"), float("inf"), 0.0])
print(a == b, a != b, a < b, a >= b, torch.isclose(a, b), torch.isclose(a, b, equal_nan=True), torch.isclose(a, b, rtol=0.1), torch.isclose(a, b, atol=0.2, rtol=0))
print(torch.allclose(a[:2], b[:2]), torch.allclose(a, b, equal_nan=True), torch.allclose(a, b, rtol=0.1, equal_nan=True), torch.allclose(torch.tensor([1e-9]), torch.tensor([0.0])), torch.allclose(torch.tensor([1e-9]), torch.tensor([0.0]), atol=0))
print(torch.equal(torch.tensor([1, 2]), torch.tensor([1, 2])), torch.equal(torch.tensor([1, 2]), torch.tensor([1, 2, 3])), torch.equal(torch.tensor([float("nan")]), torch.tensor([float("nan")])), torch.tensor([1, 2]).equal(torch.tensor([1.0, 2.0])))
print(torch.maximum(a[:4], b[:4]), torch.minimum(a[:4], b[:4]), torch.fmax(a, torch.tensor([0.0, 5.0, 1.0, 0.0, -1.0])), torch.fmin(a, torch.tensor([0.0, 5.0, 1.0, 0.0, -1.0])), torch.max(a), torch.min(a))
print(torch.isnan(a), torch.isinf(a), torch.isfinite(a), torch.isposinf(a), torch.isneginf(-a), torch.signbit(a), torch.isreal(a), torch.nan_to_num(a), torch.nan_to_num(a, nan=0.0, posinf=1e3))
x = torch.tensor([[1, 5], [3, 2]])
print(x.eq(3), x.gt(torch.tensor([2, 2])), x.lt(x.T), torch.ne(x, 2), torch.greater(x, 2), torch.less_equal(x, 3), torch.greater_equal(x, x), torch.not_equal(x, 1))
print((x > 2).any(dim=0), (x > 2).all(dim=1), x.clamp(2, 4), x.clamp(min=3), x.clamp(max=2), x.clip(1, 2), x.float().clamp(min=torch.tensor([2.0, 4.0])), torch.clamp(x, max=torch.tensor([[0], [10]])))
print(torch.isin(torch.tensor([1, 2, 3, 4]), torch.tensor([2, 4])), torch.tensor([1.0, float("nan")]) == torch.tensor([1.0, float("nan")]), torch.tensor([1, 2]) == torch.tensor([1.0, 2.5]))
print(a.nan_to_num(nan=-1.0).sort(), torch.tensor([3.0, float("nan"), 1.0, float("nan"), 2.0]).sort(), torch.tensor([3.0, float("nan"), 1.0]).sort(descending=True), torch.tensor([3.0, float("nan"), 1.0]).argmax(), torch.tensor([3.0, float("nan"), 1.0]).max())
print(torch.tensor([1.0, float("nan")]).amax(), torch.tensor([[1.0, float("nan")], [2.0, 3.0]]).max(dim=1), torch.tensor([float("nan"), 1.0]).nanmean() if hasattr(torch.Tensor, "nanmean") else "", torch.tensor([1.0, float("nan")]).min())
try:
    torch.allclose(torch.tensor([1, 2]), torch.tensor([1.0, 2.0]))
except RuntimeError as e:
    print("RuntimeError", e)
try:
    torch.tensor([1, 2]) < torch.tensor([1, 2, 3])
except RuntimeError as e:
    print("RuntimeError", e)
