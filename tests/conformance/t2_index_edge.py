# Indexing edge cases: negative indices, None/Ellipsis mixes, empty selections, index errors.
import torch


def show(fn):
    try:
        print("ok", fn())
    except Exception as e:  # noqa: BLE001
        print(type(e).__name__, str(e).split("\n")[0][:150])


x = torch.arange(60).reshape(3, 4, 5)
print(x[-1, -2, -3], x[..., None, 0].shape, x[None, ..., None].shape, x[:, None, :, None].shape, x[1, ..., 2:4].shape, x[..., 1, :].shape)
print(x[0, [0, 2], 1:3], x[[0, 2], 1], x[1:, [1, 3], [0, 4]], x[:, [1, 3]][:, :, [0]].shape, x[[[0, 1]], [[2], [3]]].shape)
print(x[torch.tensor(1)], x[torch.tensor(1), torch.tensor([0, 1])], x[torch.tensor([[0, 1], [2, 0]])].shape, x[:, torch.tensor([[0, 1], [2, 3]]), 0])
print(x[5:], x[:, 10:].shape, x[0, 3:1], x[0, -100:2].shape, x[0, :, 4:100], x[0, 1::3], x[:0].shape, x[[]].shape if False else "")
print(x[torch.tensor([], dtype=torch.long)].shape, x[x > 100].shape, x[torch.zeros(3, dtype=torch.bool)].shape, x[..., torch.tensor([True] * 5)].shape)
print(x[0][x[0] % 7 == 0], x[1, x[1, :, 0] > 25], x[:, x[0, :, 0] > 5, 2])
print(x[True].shape if True else "", x[None].shape, x[...].shape, x[0, None, ..., 1].shape, x[torch.tensor(True)].shape, x[False].shape)
i = torch.tensor([2, 0, 1])
print(x[i, i], x[i][:, i].shape, x[i, :, i].shape, x[0][i[:2]], x.index_select(1, i), x[:, :, i.unsqueeze(1)].shape)
show(lambda: x[3])
show(lambda: x[0, 4])
show(lambda: x[0, 0, -6])
show(lambda: x[torch.tensor([0, 3])])
show(lambda: x[0, torch.tensor([1, 5])])
show(lambda: x[0, 0, 0, 0])
show(lambda: x[::-1])
show(lambda: x[torch.tensor([1.0])])
show(lambda: x[[0, 1], [0, 1, 2]])
show(lambda: x[torch.tensor([True, False])])
show(lambda: torch.tensor(5)[0])
y = torch.zeros(3, 4)
show(lambda: y.__setitem__((0, 5), 1.0))
show(lambda: y.__setitem__(0, torch.ones(3)))
show(lambda: y.__setitem__(slice(None), torch.ones(2, 4)))
show(lambda: y.__setitem__(torch.tensor([0, 9]), 1.0))
y[-1] = torch.tensor([1, 2, 3, 4])
y[:, -1] = 7
y[..., 0] = torch.tensor(2.5)
y[0, 1:3] = torch.tensor([[8.0, 9.0]])
print(y, y.dtype)
z = torch.zeros(5, dtype=torch.long)
show(lambda: z.__setitem__([1, 3], torch.tensor([2.7, -3.9])))
z[[1, 3]] = torch.tensor([2.7, -3.9]).long()
z[[0, 2]] = 4.9
z[torch.tensor([True, False, False, False, True])] = 9
print(z)
bz = torch.zeros(3, dtype=torch.bool)
bz[1] = 5
print(bz)
print(torch.arange(10).view(2, 5)[:, 1::2].contiguous(), torch.arange(10)[torch.arange(10) % 3 == 0].sum(), torch.arange(6).view(2, 3)[1][-1].item())
