# Advanced indexing: integer arrays, boolean masks, None/Ellipsis, mixed slices, index_put_, flips.
import torch

x = torch.arange(24).reshape(2, 3, 4)
print(x[0, [0, 2]], x[:, [0, 2]], x[..., [1, 3]], x[[0, 1], [1, 2]], x[[0, 1], :, [1, 2]], x[:, [0, 2], [1, 3]])
print(x[None].shape, x[:, None].shape, x[..., None].shape, x[None, ..., None, 1].shape, x[0, ..., 1], x[..., 0, :], x[1, None, 2])
print(x[[[0], [1]], [[0, 1]]].shape, x[torch.tensor([[0, 1], [1, 0]])].shape, x[:, torch.tensor([[0], [2]]), torch.tensor([1, 3])].shape)
print(x[0, [True, False, True]], x[x > 20], x[x % 5 == 0], x[torch.tensor([True, False])].shape, x[:, :, torch.tensor([True, False, False, True])])
print(x[1, -1, -1], x[-1], x[:, -2:], x[:, ::2, 1::2], x.flip(0)[0, 0], x.flip(-1)[0, 0], x.flip(1, 2)[0], x[0, 1:3, [0]])
y = torch.zeros(5)
y[[0, 2, 4]] = torch.tensor([1.0, 2.0, 3.0])
y[torch.tensor([1, 1])] = 7.0
print(y)
z = torch.zeros(5)
z.index_put_((torch.tensor([0, 0, 2]),), torch.tensor([1.0, 2.0, 3.0]), accumulate=True)
print(z, z.index_put((torch.tensor([4]),), torch.tensor(9.0)))
m = torch.zeros(3, 3)
m[torch.tensor([0, 1, 2]), torch.tensor([2, 1, 0])] = 1
m[1] += 5
m[:, 0] *= 2
m[m == 0] = -1
print(m)
n = torch.arange(10)
n[n > 5] = 0
n[::3] = -n[::3]
print(n, n[[-1, -2]], n[torch.tensor(3)], n[torch.tensor([3])], n[3:3], n[8:100], n[-100:2])
a = torch.arange(12).reshape(3, 4)
rows = torch.tensor([0, 2])
cols = torch.tensor([1, 3])
print(a[rows][:, cols], a[rows[:, None], cols], a[rows, cols], a[[0, 2]][:, [1, 3]], a[a.sum(1) > 10], a[:, a[0] > 1])
a[rows[:, None], cols] = torch.tensor([[-1, -2], [-3, -4]])
print(a)
b = torch.arange(6).reshape(2, 3).float()
b[b > 2] += 0.5
b[0, b[0] < 1] = 100
print(b, b[..., -1], b[b != b].numel())
idx = torch.tensor([2, 0])
t = torch.arange(8).reshape(2, 4)
print(t[:, idx], t.index_select(1, idx), torch.index_select(t, 0, torch.tensor([1, 1, 0])), t.take(torch.tensor([0, 5, 7])), torch.take_along_dim(t, torch.tensor([[3], [0]]), dim=1))
for bad in [lambda: t[2], lambda: t[:, 4], lambda: t[torch.tensor([5])], lambda: t[torch.tensor([True, False, True])], lambda: t[0, 0, 0]]:
    try:
        bad()
    except IndexError as e:
        print("IndexError", e)
try:
    t[torch.tensor([1.0])]
except IndexError as e:
    print("IndexError", e)
