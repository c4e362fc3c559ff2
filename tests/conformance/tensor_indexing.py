# Indexing: basic slices, steps, ellipsis, None, boolean masks, integer arrays, setitem, and their gradients.
import torch

x = torch.arange(24).reshape(2, 3, 4)
print(x[1], x[:, 1], x[..., -1], x[0, :, ::2], x[:, None, 1].shape, x[1, 2, 3], x[-1, -1])
print(x[x > 15], x[:, [0, 2]], x[[0, 1], [1, 2]], x[[1], :, [0, 3]])
print(x[torch.tensor([True, False])], x[:, torch.tensor([0, 0, 2])].shape, x[..., 1:3].shape, x[0, 1:].shape)
idx = torch.tensor([[0, 1], [1, 0]])
print(x[0][idx], x[0, idx].shape)
y = torch.zeros(3, 4)
y[1] = 5
y[:, 0] = torch.tensor([1.0, 2.0, 3.0])
y[y > 4] = -1
y[0, 1:3] += 10
y[[0, 2], [3, 3]] = torch.tensor([7.0, 8.0])
print(y)
mask = torch.tensor([[True, False, True, False]] * 3)
y.masked_fill_(mask, 0.5)
print(y, y.masked_select(~mask))
print(torch.where(y > 1, y, torch.zeros_like(y)), torch.where(y > 1))
print(torch.nonzero(y > 1), y.nonzero(as_tuple=True))
print(torch.index_select(x, 2, torch.tensor([3, 0])), torch.gather(x[0], 1, torch.tensor([[0], [3], [1]])))
s = torch.zeros(2, 5).scatter_(1, torch.tensor([[0, 4], [2, 2]]), torch.tensor([[1.0, 2.0], [3.0, 4.0]]))
print(s, torch.zeros(5).scatter_add(0, torch.tensor([0, 1, 1, 4]), torch.ones(4)))
print(torch.zeros(5).index_add_(0, torch.tensor([0, 2, 2]), torch.tensor([1.0, 2.0, 3.0])))
print(x.take(torch.tensor([0, 23, 5])), torch.take_along_dim(x[0], torch.tensor([[1], [0], [3]]), dim=1))

w = torch.randn(4, 3, requires_grad=True)
out = w[1:3].sum() + w[[0, 0, 3], [2, 2, 1]].sum() * 2 + w[w > 0].pow(2).sum()
out.backward()
print(w.grad)
v = torch.randn(5, requires_grad=True)
z = v.clone()
z[2] = 0.0
z[torch.tensor([0, 4])] *= 3
z.sum().backward()
print(v.grad)
