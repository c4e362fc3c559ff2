# gather / scatter / scatter_add / scatter_reduce / index_add / index_copy / index_fill, with grads.
import torch

src = torch.arange(1.0, 13.0).reshape(3, 4)
idx = torch.tensor([[0, 1], [3, 2], [1, 1]])
print(torch.gather(src, 1, idx), src.gather(0, torch.tensor([[2, 1, 0, 0]])), src.gather(1, torch.tensor([[0], [0], [3]])).squeeze(1))
z = torch.zeros(3, 5)
print(z.scatter(1, torch.tensor([[0, 4], [1, 1], [2, 3]]), torch.ones(3, 2) * 5), z.scatter(1, torch.tensor([[0], [2], [4]]), 9.0), torch.zeros(2, 4).scatter_(0, torch.tensor([[1, 0, 1, 0]]), 3.0))
print(torch.zeros(5).scatter_add(0, torch.tensor([0, 1, 0, 4, 4]), torch.tensor([1.0, 2.0, 3.0, 4.0, 5.0])), torch.zeros(2, 3).scatter_add_(1, torch.tensor([[0, 0, 2], [1, 1, 1]]), torch.ones(2, 3)))
s = torch.tensor([1.0, 2.0, 3.0, 4.0, 5.0, 6.0])
i = torch.tensor([0, 1, 0, 1, 2, 1])
for r in ["sum", "prod", "mean", "amax", "amin"]:
    print(r, torch.zeros(3).scatter_reduce(0, i, s, reduce=r), torch.full((4,), 10.0).scatter_reduce(0, i, s, reduce=r, include_self=False))
print(torch.zeros(3, dtype=torch.int64).scatter_reduce(0, i, torch.tensor([1, 2, 3, 4, 5, 6]), reduce="mean"), torch.zeros(2, 2).scatter(1, torch.tensor([[1], [0]]), torch.tensor([[7.0], [8.0]]), reduce="add"), torch.ones(2, 2).scatter(1, torch.tensor([[1], [0]]), 3.0, reduce="multiply"))
x = torch.zeros(4, 2)
print(x.index_add(0, torch.tensor([0, 2, 0]), torch.ones(3, 2)), x.index_add(0, torch.tensor([1]), torch.tensor([[2.0, 3.0]]), alpha=2), x.index_copy(0, torch.tensor([3, 1]), torch.tensor([[1.0, 2.0], [3.0, 4.0]])), x.index_fill(1, torch.tensor([1]), -1.0))
print(torch.zeros(3, 3).index_fill_(0, torch.tensor([0, 2]), 5), torch.arange(6).reshape(2, 3).index_fill(1, torch.tensor([0]), 9))
w = torch.randn(3, 4, requires_grad=True)
g = w.gather(1, torch.tensor([[0, 0], [1, 3], [2, 2]]))
(g * torch.tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])).sum().backward()
print(w.grad)
v = torch.tensor([1.0, 2.0, 3.0, 4.0], requires_grad=True)
out = torch.zeros(2).scatter_add(0, torch.tensor([0, 1, 0, 1]), v * v)
out2 = torch.zeros(2).scatter_reduce(0, torch.tensor([0, 1, 0, 1]), v, reduce="amax", include_self=False)
(out.sum() + (out2 * torch.tensor([10.0, 100.0])).sum()).backward()
print(out, out2, v.grad)
u = torch.tensor([2.0, 3.0, 4.0], requires_grad=True)
torch.ones(2).scatter_reduce(0, torch.tensor([0, 0, 1]), u, reduce="prod").sum().backward()
print(u.grad)
for bad in [lambda: src.gather(1, torch.tensor([[4]])), lambda: src.gather(1, torch.tensor([0, 1])), lambda: z.scatter_(1, torch.tensor([[5]]), 1.0), lambda: src.gather(1, torch.tensor([[0.0]]))]:
    try:
        bad()
    except RuntimeError as e:
        print("RuntimeError", e)
