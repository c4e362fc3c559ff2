# Statistics and numerical-calculus helpers: nanquantile, histogram(dd), gradient, cumulative_trapezoid,
# windows, return types.
import math

import torch

torch.manual_seed(0)
data = torch.randn(4, 6)
data[1, 2] = float("nan")
data[3, :] = float("nan")
print(torch.nanquantile(data, 0.5, dim=1))
print(data.nanquantile(torch.tensor([0.1, 0.9]), dim=1, keepdim=True))
print(torch.nanquantile(data, 0.25, interpolation="nearest"), torch.nanquantile(data, 0.75, interpolation="lower"))
clean = torch.randn(100)
h = torch.histogram(clean, bins=5)
print(h)
print(h.hist.sum(), h.bin_edges.shape)
print(torch.histogram(clean, bins=4, range=(-1.0, 1.0), density=True))
pts = torch.rand(50, 2)
hd = torch.histogramdd(pts, bins=[2, 3])
print(hd.hist, len(hd.bin_edges))
xs = torch.linspace(0, math.pi, 9)
ys = torch.sin(xs)
print(torch.gradient(ys, spacing=(xs,)))
print(torch.gradient(ys, spacing=xs[1] - xs[0], edge_order=2)[0])
grid = torch.arange(12.0).view(3, 4) ** 2
print(torch.gradient(grid))
print(torch.cumulative_trapezoid(ys, xs))
print(torch.cumulative_trapezoid(torch.ones(3, 4), dx=0.5, dim=0))
print(torch.kaiser_window(6), torch.kaiser_window(5, periodic=False, beta=5.0))
v, i = torch.max(torch.tensor([[1, 5, 2], [7, 0, 3]]), dim=1)
r = torch.max(torch.tensor([[1, 5, 2], [7, 0, 3]]), dim=1)
print(r, isinstance(r, torch.return_types.max), v, i)
print(torch.sort(torch.tensor([3, 1, 2])))
print(torch.svd(torch.tensor([[3.0, 0.0], [0.0, 2.0]])))
print(torch.mvlgamma(torch.tensor([2.5, 3.0]), 2), torch.tensor([1.0, 2.0]).polygamma(1))
print(torch.nextafter(torch.tensor([1.0]), torch.tensor([2.0])) - 1)
print(torch.angle(torch.tensor([-1.0, 2.0])))
