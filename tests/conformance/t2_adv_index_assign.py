# Advanced indexing assignment: masks, index lists, accumulate, index_put_.
import torch

x = torch.zeros(4, 5)
x[x == 0] = 1.5
print(x)
x[:, [1, 3]] += 1
print(x)
x[[0, 2]] = torch.arange(5.0)
print(x)
x[1:3, [0, 4]] = torch.tensor([[9.0, 8.0], [7.0, 6.0]])
print(x)
m = x > 5
x[m] = torch.tensor(-1.0)
print(x, m.sum(), m.sum().dtype)
x[m] = torch.arange(m.sum().item(), dtype=torch.float32)
print(x)
y = torch.zeros(6)
y.index_put_((torch.tensor([0, 1, 1, 5]),), torch.tensor([1.0, 2.0, 3.0, 4.0]), accumulate=True)
print(y)
y.index_put_((torch.tensor([2, 2]),), torch.tensor(5.0), accumulate=True)
print(y)
z = torch.zeros(3, 3, dtype=torch.long)
z.index_put_((torch.tensor([0, 2]), torch.tensor([1, 1])), torch.tensor([3, 4]))
print(z)
print(torch.index_put(z, (torch.tensor([1]),), torch.tensor(9)))
w = torch.arange(12).reshape(3, 4)
w[w % 2 == 0] *= 10
print(w)
w[..., -1] = -w[..., -1]
print(w)
w[1] -= w[0]
print(w)
w[:, 1:3] = 0
print(w)
b = torch.zeros(2, 3, 4)
b[:, :, [0, 2]] = 1
b[0, [1, 2]] = torch.tensor([2.0, 3.0, 4.0, 5.0])
b[1, ..., 3] = torch.tensor([7.0, 8.0, 9.0])
print(b)
b[torch.tensor([True, False])] = 0.5
print(b.sum(), b[1].sum())
t = torch.arange(10)
t[t > 4] = t[t > 4] * 2
t[[0, 0, 0]] += 1
print(t)
c = torch.ones(3, 4)
c[torch.tensor([[True, False, True, False], [False] * 4, [True] * 4])] = torch.tensor(0.0)
print(c)
idx = torch.tensor([[0, 1], [2, 0]])
print(torch.arange(9).reshape(3, 3)[idx], torch.arange(9).reshape(3, 3)[idx, idx])
print(torch.arange(9).reshape(3, 3)[:, idx].shape, torch.arange(24).reshape(2, 3, 4)[:, [0, 1], [1, 2]])
print(torch.arange(24).reshape(2, 3, 4)[[0, 1], :, [1, 2]], torch.arange(24).reshape(2, 3, 4)[[[0], [1]], :, [1, 2]].shape)
x3 = torch.arange(60).reshape(3, 4, 5)
print(x3[0, :, [True, False, True, False, True]].shape, x3[0, :, [1, 2]], x3[:, 1, [0, 2]], x3[[0, 1], :, 1], x3[1, [0, 1], [2, 3]])
print(x3[None, 0, :, [1]].shape, x3[0, ..., [1, 2]].shape, x3[2, :, torch.tensor([[0, 1], [2, 3]])].shape)
y3 = torch.zeros(3, 4, 5)
y3[0, :, [1, 3]] = torch.arange(8.0).view(4, 2)
y3[1, [0, 2], :] += 1
y3[2, :, torch.tensor([True, False, False, False, True])] = -1
print(y3)
w3 = torch.randn(3, 4, 5, requires_grad=True)
(w3[0, :, [1, 3]] * torch.arange(8.0).view(4, 2)).sum().backward()
print(w3.grad[0])
v3 = w3.clone()
v3[2, :, [0, 4]] = torch.ones(4, 2) * 3
v3[1, :, [0]] *= 2
(v3 * v3).sum().backward()
print(w3.grad.sum(1))
