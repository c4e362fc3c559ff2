# Comparisons, logical/bitwise ops, sorting helpers and set-like ops on tensors of mixed dtypes.
import torch

a = torch.tensor([1, 5, 3, 7])
b = torch.tensor([2.0, 5.0, 1.0, 7.5])
print(a < b, a <= b, a == b, a != b, a > 3, 3 < a, a.eq(5), a.ne(b), a.lt(4.5), a.ge(torch.tensor(5)), torch.gt(b, a), torch.le(a, 5))
print(torch.eq(a, a.float()), torch.equal(a, a.clone()), torch.equal(a, a.float()), torch.equal(a, a[:3]), a.allclose(a.double()) if False else "", torch.isclose(b, b + 1e-7), torch.isclose(b, b + 0.1, atol=0.2))
m = a > 2
n = b > 2
print(m & n, m | n, m ^ n, ~m, m.logical_not(), m.logical_and(n), m.logical_or(n), torch.logical_xor(m, n), m.any(), m.all(), m.sum(), m.float().mean(), m.nonzero().squeeze(1), torch.where(m)[0])
print(a & 3, a | 8, a ^ 1, ~a, a << 1, a >> 1, a.bitwise_not(), torch.bitwise_xor(a, torch.tensor(2)), torch.bitwise_or(m, n), a.logical_and(b), torch.logical_or(a, torch.zeros(4)))
print(torch.maximum(a, torch.tensor([4, 4, 4, 4])), torch.minimum(a, b), torch.max(a, torch.tensor(4)), torch.min(b, torch.tensor(2.0)), torch.clamp(a, min=torch.tensor(2), max=torch.tensor(6)))
print(a.argsort(), a.argsort(descending=True), b.sort().indices, torch.sort(torch.tensor([[3, 1], [0, 2]]), dim=0), torch.argsort(torch.tensor([2, 1, 2, 1]), stable=True))
print(torch.isin(a, torch.tensor([5, 7])), torch.isin(a, torch.tensor([5, 7]), invert=True), torch.searchsorted(torch.tensor([1, 3, 5, 7]), torch.tensor([[0, 3], [6, 9]])), torch.searchsorted(torch.tensor([1, 3, 5]), torch.tensor([3]), right=True))
print(torch.bucketize(b, torch.tensor([1.0, 5.0])), torch.bucketize(b, torch.tensor([1.0, 5.0]), right=True), torch.unique(torch.cat([a, a])), torch.tensor([1, 2, 3]) in [torch.tensor(1)] if False else "", 5 in a, 4 in a, torch.tensor(5) in a)
print((a > 2).to(torch.int64), (a > 2).int() * 10, (a > 2) * 1.5, (a > 2) + (a > 4), ((a > 2) + (a > 4)).dtype, (a > 2).sum(0), (m * n).dtype, (m + 1).dtype, -a, torch.neg(b), a.abs())
print(torch.any(torch.tensor([[False, True], [False, False]]), dim=1), torch.all(torch.tensor([[1, 1], [0, 1]]), dim=0), torch.tensor([0.0, 1.0]).any(), torch.tensor([2, 3]).all(), torch.tensor([[1.0, 0.0]]).all(1, keepdim=True))
print(torch.where(a > 4, a, -1), torch.where(a > 4, 1.0, b), torch.where(m, a, b), torch.where(m, a, b).dtype, torch.where(torch.tensor([[True], [False]]), a, 0).shape, torch.where(torch.tensor(True), a, b))
print(torch.count_nonzero(a > 2), torch.count_nonzero(torch.tensor([[0, 1], [2, 0]]), dim=0), torch.argwhere(torch.tensor([[0, 1], [2, 0]])), torch.nonzero(torch.tensor([0, 0])), torch.nonzero(torch.tensor([0, 3]), as_tuple=True))
x = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
print(x == 2, x[x == 2], (x == x.T), (x > x.mean()).sum(), x.eq(x.T).all(), x.ge(2).float(), x.le(torch.tensor([2.0, 3.0])), (x > 1) & (x < 4), ((x > 1) | (x < 0)).long())
