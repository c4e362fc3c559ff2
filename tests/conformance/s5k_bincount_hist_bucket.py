# bincount (weights, minlength), histc, histogram, bucketize / searchsorted (right, side, sorter).
import torch

x = torch.tensor([0, 1, 1, 3, 2, 1, 7])
print(torch.bincount(x), x.bincount(minlength=10), torch.bincount(x, weights=torch.linspace(0, 1, 7)), torch.bincount(x, weights=torch.arange(7, dtype=torch.float64)), torch.bincount(torch.tensor([], dtype=torch.int64)), torch.bincount(torch.tensor([], dtype=torch.int64), minlength=3))
print(torch.bincount(torch.tensor([2, 2], dtype=torch.uint8)), torch.bincount(x, weights=torch.ones(7, dtype=torch.int64) * 2) if False else "", torch.bincount(torch.tensor([1, 1]), weights=torch.tensor([0.5, 0.25])).dtype)
f = torch.tensor([1.0, 2.0, 1.0, 2.5, 4.0, -1.0, 3.9999])
print(torch.histc(f, bins=4), torch.histc(f, bins=4, min=0, max=4), torch.histc(f, bins=3, min=1, max=2), f.histc(5), torch.histc(torch.tensor([2.0, 2.0]), bins=2), torch.histc(f.double(), bins=2))
h = torch.histogram(f, bins=4)
print(h, h.hist, h.bin_edges, torch.histogram(f, bins=torch.tensor([-1.0, 0.0, 2.0, 5.0])), torch.histogram(f, bins=3, range=(0.0, 3.0), density=True), torch.histogram(f, bins=2, weight=torch.ones(7) * 0.5))
b = torch.tensor([1.0, 3.0, 5.0, 7.0])
v = torch.tensor([[0.0, 1.0, 3.5], [7.0, 8.0, 5.0]])
print(torch.bucketize(v, b), torch.bucketize(v, b, right=True), torch.bucketize(v, b, out_int32=True), torch.bucketize(torch.tensor(4), b), torch.bucketize(3.0, b))
print(torch.searchsorted(b, v), torch.searchsorted(b, v, right=True), torch.searchsorted(b, v, side="right"), torch.searchsorted(b, torch.tensor([3.0]), out_int32=True).dtype, torch.searchsorted(torch.tensor([[1, 3, 5], [2, 4, 6]]), torch.tensor([[3], [3]])))
unsorted = torch.tensor([5.0, 1.0, 3.0])
print(torch.searchsorted(unsorted, torch.tensor([2.0, 4.0]), sorter=unsorted.argsort()), torch.searchsorted(b, 6.0), torch.searchsorted(torch.tensor([1, 1, 1, 2]), torch.tensor([1]), right=False), torch.searchsorted(torch.tensor([1, 1, 1, 2]), torch.tensor([1]), right=True))
ages = torch.tensor([3, 17, 18, 45, 64, 65, 90])
bins = torch.tensor([18, 65])
print(torch.bucketize(ages, bins), torch.bucketize(ages, bins, right=True), torch.bincount(torch.bucketize(ages, bins), minlength=3))
try:
    torch.bincount(torch.tensor([-1, 2]))
except RuntimeError as e:
    print("RuntimeError", e)
try:
    torch.bincount(torch.tensor([[1, 2]]))
except RuntimeError as e:
    print("RuntimeError", e)
try:
    torch.bincount(torch.tensor([1.0]))
except RuntimeError as e:
    print("RuntimeError", e)
