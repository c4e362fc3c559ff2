# "100 tensor exercises" style one-liners: checkerboards, normalisation, outer ops, nearest values, sliding windows.
import torch

torch.manual_seed(0)
print(torch.zeros(10).index_fill(0, torch.tensor([4]), 1), torch.arange(10, 50)[:5], torch.arange(10).flip(0), torch.arange(9).reshape(3, 3), torch.nonzero(torch.tensor([1, 2, 0, 0, 4, 0])).flatten())
Z = torch.ones(5, 5)
Z[1:-1, 1:-1] = 0
print(Z, torch.nn.functional.pad(torch.ones(2, 2), (1, 1, 1, 1)), torch.diag(torch.arange(1, 5), -1))
C = torch.zeros(8, 8, dtype=torch.int64)
C[1::2, ::2] = 1
C[::2, 1::2] = 1
print(C, torch.tensor([[0, 1], [1, 0]]).tile(2, 2))
R = torch.rand(5, 5)
print(((R - R.min()) / (R.max() - R.min())).min(), ((R - R.mean()) / R.std()).mean().abs() < 1e-6, (R - R.mean(dim=1, keepdim=True)).sum(1).abs().max() < 1e-6)
print(torch.arange(5)[:, None] + torch.arange(5), torch.arange(1, 4)[:, None] * torch.arange(1, 4), torch.arange(11)[(torch.arange(11) > 3) & (torch.arange(11) < 8)] * -1)
v = torch.tensor([1.0, 7.5, 3.2, 9.9, 4.4])
print(v[(v - 5.0).abs().argmin()], v.sort().values, v.sort(descending=True).indices, v.argsort()[-2:], v.max(), v[v != v.max()].max())
print(torch.arange(10).unfold(0, 3, 1), torch.arange(10).unfold(0, 4, 2), torch.arange(12).reshape(3, 4).unfold(1, 2, 2).shape)
M = torch.randint(0, 10, (4, 4))
print(M, M.sum(), M.sum(0), M[M.sum(1) > 15], M[:, [1, 0, 2, 3]], M[[1, 0]], M.T.contiguous().view(-1)[:4], (M % 2 == 0).sum())
Z2 = torch.arange(10.0)
Z2[Z2.argmax()] = 0
print(Z2, torch.unique(torch.randint(0, 5, (20,))), torch.bincount(torch.tensor([1, 1, 2, 3, 3, 3])).argmax())
X = torch.rand(6, 2)
D = torch.cdist(X, X)
print(D.shape, D.diagonal().abs().max(), torch.allclose(D, D.T), (D + torch.eye(6) * 100).min(1).indices.shape)
A = torch.arange(25).reshape(5, 5)
A[[0, 1]] = A[[1, 0]]
print(A, A[:, [0, 4]], A[1:4, 1:4].sum(), A.trace(), torch.triu(A).sum(), A.flatten()[A.flatten() % 3 == 0])
Y = torch.tensor([1, 2, 3, 4, 5])
print(torch.zeros(len(Y) + (len(Y) - 1) * 3, dtype=torch.int64).index_copy(0, torch.arange(0, 17, 4), Y), torch.stack([Y, Y ** 2]).T, torch.cumsum(Y, 0)[2:] - torch.cumsum(Y, 0)[:-2])
print(torch.tensor([1, 2, 3]).roll(1), torch.tensor([[1, 2], [3, 4]]).flatten().tolist(), torch.tensor([4, 3, 2, 1]).argsort().argsort(), torch.tensor([0.1, 0.5, 0.9]).round().bool())
