# numel/nelement/dim/ndim/ndimension and torch.Size operations (D2L preliminaries).
import torch

x = torch.arange(12)
X = x.reshape(3, 4)
print(x.shape, x.numel(), X.shape, X.size(), X.size(0), X.size(-1), X.nelement(), X.dim(), X.ndim, X.ndimension())
s = X.shape
print(type(s).__name__, s, len(s), s[0], s[-1], s[1:], s.numel(), torch.Size([]).numel(), torch.Size([2, 0]).numel())
print(s == (3, 4), s == [3, 4], s == torch.Size([3, 4]), s != (4, 3), tuple(s), list(s))
print(s + (5,), (1,) + s, s + torch.Size([2]), type(s + (5,)).__name__, s * 2)
print(torch.Size([2, 3]), repr(torch.Size([])), str(torch.Size([7])), torch.Size((1, 2)).count(1), s.index(4))
a, b = s
print(a, b, max(s), sum(s), hash(s) == hash((3, 4)), isinstance(s, tuple))
print(torch.zeros(s).shape, torch.ones(*s).shape, X.new_zeros(s + (1,)).shape, X.view(s[::-1]).shape)
print(torch.tensor(5.0).dim(), torch.tensor(5.0).shape, torch.tensor(5.0).numel(), torch.tensor([]).shape)
print(torch.zeros(2, 0, 3).numel(), torch.zeros(2, 0, 3).dim(), len(torch.zeros(4, 2)))
print(X.size(dim=1), X.shape[-2:], torch.Size([3, 4]) == X.shape)
