# scatter/gather/index_* families and masked ops, with gradients.
import torch

torch.manual_seed(0)
src = torch.arange(1.0, 11.0).view(2, 5)
idx = torch.tensor([[0, 1, 2, 0, 0], [2, 0, 0, 1, 2]])
print(torch.zeros(3, 5).scatter_(0, idx, src), torch.zeros(3, 5).scatter(0, idx, 1.5), torch.zeros(3, 5).scatter_add_(0, idx, src))
print(torch.zeros(3, 5).scatter_(0, idx, src, reduce="add"), torch.ones(3, 5).scatter_(0, idx, src, reduce="multiply"))
print(torch.zeros(3).scatter_reduce(0, torch.tensor([0, 1, 0, 1]), torch.tensor([1.0, 2.0, 3.0, 4.0]), reduce="sum"))
print(torch.zeros(3).scatter_reduce(0, torch.tensor([0, 1, 0, 1]), torch.tensor([1.0, 2.0, 3.0, 4.0]), reduce="amax", include_self=False))
print(torch.full((3,), 10.0).scatter_reduce(0, torch.tensor([0, 1, 0, 1]), torch.tensor([1.0, 2.0, 3.0, 4.0]), reduce="mean"))
print(torch.ones(3).scatter_reduce(0, torch.tensor([0, 0, 2]), torch.tensor([5.0, 2.0, 7.0]), reduce="prod"), torch.zeros(3).scatter_reduce(0, torch.tensor([0, 0, 2]), torch.tensor([5.0, 2.0, 7.0]), reduce="amin"))
t = torch.tensor([[1, 2], [3, 4]])
print(torch.gather(t, 1, torch.tensor([[0, 0], [1, 0]])), torch.gather(t, 0, torch.tensor([[1, 0]])), t.gather(1, torch.tensor([[1], [0]])))
x = torch.zeros(5, 3)
print(x.index_fill(0, torch.tensor([0, 4]), -1), x.index_copy(0, torch.tensor([4, 1]), torch.arange(6.0).view(2, 3)), x.index_add(1, torch.tensor([0, 0]), torch.ones(5, 2), alpha=2))
m = torch.tensor([[True, False, True], [False, False, True]])
a = torch.arange(6.0).view(2, 3)
print(a.masked_fill(m, -1), a.masked_select(m), a.masked_scatter(m, torch.tensor([10.0, 20.0, 30.0])), a.masked_fill(torch.tensor([True, False, False]), 9.0), torch.masked_select(a, torch.tensor([False, True, False])))
print(torch.nonzero(m), torch.nonzero(m, as_tuple=True), torch.argwhere(a > 2), m.nonzero().shape, torch.count_nonzero(m, dim=1), torch.nonzero(torch.tensor(5)).shape)
w = torch.randn(3, 4, requires_grad=True)
i = torch.tensor([[0, 1, 2, 0], [2, 2, 1, 1]])
torch.gather(w, 0, i).pow(2).sum().backward()
print(w.grad)
w.grad = None
torch.zeros(3, 4).scatter(0, i, w[:2]).sum().backward()
print(w.grad)
w.grad = None
torch.zeros(3, 4).scatter_add(0, i, w[:2] * 2).sum().backward()
print(w.grad)
w.grad = None
base = torch.zeros(3, 4, requires_grad=True)
out = base.index_add(0, torch.tensor([0, 0]), w[:2] * 3)
out.sum().backward()
print(w.grad, base.grad)
w.grad = None
w.masked_fill(w > 0, 0.0).sum().backward()
print(w.grad)
w.grad = None
w.masked_select(w > 0).sum().backward()
print(w.grad)
w.grad = None
w.index_fill(1, torch.tensor([1]), 5.0).sum().backward()
print(w.grad)
w.grad = None
w.take(torch.tensor([0, 5, 5, 11])).sum().backward()
print(w.grad)
w.grad = None
w.flip(0).roll(1, 1)[0].sum().backward()
print(w.grad)
w.grad = None
torch.take_along_dim(w, w.argmax(1, keepdim=True), 1).sum().backward()
print(w.grad)
