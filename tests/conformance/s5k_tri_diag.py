# tril / triu (with diagonal offsets), diag / diag_embed / diagonal / diagflat, trace, fill_diagonal_.
import torch

A = torch.arange(1, 13).reshape(3, 4)
print(A.tril(), A.triu(), A.tril(-1), A.triu(1), torch.tril(A, 2), torch.triu(A, -1), A.tril(10), A.triu(5))
print(torch.diag(A), torch.diag(A, 1), torch.diag(A, -2), torch.diag(torch.tensor([1, 2, 3])), torch.diag(torch.tensor([1.0, 2.0]), 1), torch.diag(torch.tensor([1.0, 2.0]), -1))
print(A.diagonal(), A.diagonal(1), A.diagonal(offset=-1), torch.diagonal(torch.arange(24).reshape(2, 3, 4), dim1=1, dim2=2), torch.diagonal(torch.arange(24).reshape(2, 3, 4), 0, 0, 2), A.diagonal(-5))
print(torch.diag_embed(torch.tensor([[1, 2], [3, 4]])), torch.diag_embed(torch.tensor([1.0, 2.0]), offset=1), torch.diag_embed(torch.ones(2, 3), dim1=0, dim2=2).shape, torch.diagflat(torch.tensor([[1, 2], [3, 4]])))
print(torch.trace(A), torch.trace(A.float()), A.trace().dtype, torch.trace(torch.eye(4) * 2.5), torch.tensor([[1, 2], [3, 4]], dtype=torch.int32).trace().dtype)
M = torch.zeros(3, 4)
M.fill_diagonal_(5)
N = torch.zeros(5, 2)
N.fill_diagonal_(1, wrap=True)
P = torch.zeros(5, 2)
P.fill_diagonal_(1)
print(M, N, P)
d = A.diagonal()
print(d.is_contiguous(), d.stride(), d.storage_offset() if False else "")
B = torch.zeros(3, 3)
B.diagonal().fill_(7)
B.diagonal(1).add_(1)
print(B)
x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
(x.tril().sum() * 2 + x.triu(1).sum() * 3 + x.diagonal().sum() * 5 + torch.trace(x) * 7 + torch.diag(x).pow(2).sum()).backward()
print(x.grad)
v = torch.tensor([1.0, 2.0], requires_grad=True)
(torch.diag(v) @ torch.ones(2, 2)).sum().backward()
print(v.grad)
mask = torch.triu(torch.ones(4, 4, dtype=torch.bool), diagonal=1)
scores = torch.arange(16.0).reshape(4, 4)
print(mask, scores.masked_fill(mask, float("-inf")).softmax(-1), torch.tril(torch.ones(3, 3)).bool())
try:
    torch.trace(torch.ones(2, 2, 2))
except RuntimeError as e:
    print("RuntimeError", e)
try:
    torch.tril(torch.ones(3))
except RuntimeError as e:
    print("RuntimeError", e)
