# unique with sorted / return_inverse / return_counts / dim, unique_consecutive, and uses for counting.
import torch

x = torch.tensor([3, 1, 2, 3, 3, 1, 7, 2])
print(torch.unique(x), x.unique(sorted=True), torch.unique(x, return_inverse=True), torch.unique(x, return_counts=True), torch.unique(x, return_inverse=True, return_counts=True))
vals, counts = x.unique(return_counts=True)
print(vals[counts.argmax()], dict(zip(vals.tolist(), counts.tolist())), vals[counts > 1])
print(torch.unique_consecutive(x), torch.unique_consecutive(torch.tensor([1, 1, 2, 2, 3, 1, 1, 2])), torch.unique_consecutive(torch.tensor([1, 1, 2, 2, 3, 1, 1]), return_counts=True, return_inverse=True))
m = torch.tensor([[1, 2], [3, 4], [1, 2], [0, 9]])
print(torch.unique(m, dim=0), torch.unique(m, dim=0, return_inverse=True, return_counts=True), torch.unique(m, dim=1), torch.unique(m.T, dim=1, return_counts=True))
print(torch.unique(torch.tensor([2.5, -1.0, 2.5, 0.0, -0.0])), torch.unique(torch.tensor([True, False, True])), torch.unique(torch.tensor([[5, 5], [1, 5]])), torch.unique(torch.tensor([], dtype=torch.int64)))
print(torch.unique_consecutive(torch.tensor([[1, 1], [1, 1], [2, 3], [2, 3]]), dim=0), torch.unique_consecutive(torch.tensor([1.5, 1.5, 2.5]), return_counts=True))
labels = torch.tensor([0, 2, 2, 1, 0, 2])
u, inv = torch.unique(labels, return_inverse=True)
print(u, inv, torch.bincount(inv), torch.zeros(len(u)).index_add_(0, inv, torch.arange(6.0)))
print(torch.unique(torch.tensor([[3, 1], [2, 3]]), return_inverse=True), torch.unique(torch.tensor([4, 4, 4]), return_counts=True), x.unique().numel())
print(torch.unique(torch.tensor([1, 2, 2, 3]), sorted=False, return_counts=True)[1].sum())
