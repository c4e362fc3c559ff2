# How value ranges pick fixed vs scientific notation, widths with negatives/nan/inf, and summarised 3-d/4-d tensors.
import torch

torch.manual_seed(20)
cases = [
    [0.0001, 0.001], [0.00009, 1.0], [1e-4, 10.0], [1234.5, 0.5], [999.9, 1.0], [1000.1, 1.0],
    [1e8, 1.0], [99999999.0], [1e9], [-1e-5, 1e-5], [0.0, 1e-20], [3.0, -0.0], [-0.0],
    [float("nan")], [float("inf"), -float("inf")], [float("nan"), 1e-6], [float("inf"), 1e10, 2.0],
    [1.0, 2.0, float("nan")], [-1.5, float("nan"), 1e3], [123456.0], [0.1, 0.01, 0.001], [5e-324 * 0 + 1e-38],
]
for c in cases:
    t = torch.tensor(c)
    print(t, t.double(), t.half() if max([abs(v) for v in c if v == v] + [0]) < 6e4 else "")
print(torch.tensor([1, 10, 100, 1000, -10000]), torch.tensor([-5]), torch.tensor([0]))
print(torch.tensor([[-1], [10]]))
print(torch.tensor([1e-3, 1e3]) * torch.randn(2))
print(torch.randn(3) * 1e-6, torch.randn(3) * 1e6, torch.randn(2, 2) * 1e5)
print(torch.tensor(1e-9), torch.tensor(1e12), torch.tensor(-123.456), torch.tensor(0.0))
print(torch.tensor(-0.0), torch.tensor(float("nan")))
print(torch.tensor([1.0, 2.0]) / 3, torch.tensor([100.0, 2.0]) / 3)
print(torch.tensor([1.0 / 3]).double(), torch.tensor(2.0 / 3, dtype=torch.float64))
print(torch.tensor([[1e-5, 2.0], [3.0, 4e5]]), torch.tensor([[0.5, 1.0]]).repeat(2, 1) * 1e-5)
print(torch.randn(2, 3, 4) * 1000)
print(torch.arange(2 * 3 * 200).view(2, 3, 200))
print(torch.arange(5 * 5 * 5 * 10.0).view(5, 5, 5, 10))
print(torch.randn(12, 100)[:, 0], torch.randn(1, 1100))
print(torch.zeros(1001, dtype=torch.bool), torch.ones(2, 600, dtype=torch.int8))
print(torch.arange(1010) % 7 == 0)
print(torch.full((1005,), float("nan")), torch.linspace(-1, 1, 1001).half())
print(torch.tensor([1e-4 * 3, 1.0]), torch.tensor([2e-4, 0.2]), torch.tensor([0.00015, 0.15]))
print(torch.tensor([1.23456789e-3, 1.0]).double(), torch.tensor([1e15, -1e15]).double())
print(torch.tensor([1e300]).double())
print(torch.tensor([65504.0, -65504.0], dtype=torch.float16))
print(torch.tensor([1e-7], dtype=torch.float16), torch.tensor([3.14159], dtype=torch.float16))
print(torch.tensor([2.0 ** 24 + 1]), torch.tensor([16777217.0]).double())
print(torch.tensor(0.1 + 0.2).double())
x = torch.randn(6)
x[2] = float("nan")
x[4] = float("inf")
print(x, x.nan_to_num(0.0), x.isnan().any(), x[~x.isnan()].max(), torch.nanmean(x[x.isfinite()]))
print(torch.tensor([[float("nan"), 1.0], [2.0, float("-inf")]]), torch.tensor([-float("inf"), 0.5, -0.5]))
print(torch.tensor([0.5, 100.0, 0.25]), torch.tensor([10.0, 100.0]), torch.tensor([10.5, 100.0]))
print(torch.tensor([-10.0, 5.0]))
