# flip / fliplr / flipud / roll / rot90, plus reversed iteration idioms; with grads.
import torch

m = torch.arange(12).reshape(3, 4)
print(m.flip(0), m.flip(1), m.flip(0, 1), m.flip([-1]), torch.fliplr(m), torch.flipud(m), torch.flip(torch.arange(5), dims=(0,)), m.flip(0).is_contiguous(), m.flip(0).stride())
print(torch.roll(torch.arange(5), 2), torch.roll(torch.arange(5), -1), torch.roll(m, 1, 0), torch.roll(m, shifts=(1, -1), dims=(0, 1)), torch.roll(m, 5), m.roll(7, 1), torch.roll(torch.arange(5), 0))
print(torch.rot90(m), torch.rot90(m, 2), torch.rot90(m, -1), torch.rot90(m, 1, [1, 0]), torch.rot90(m, 4).equal(m), torch.rot90(torch.arange(8).reshape(2, 2, 2), 1, [1, 2]))
r = torch.arange(6)
print(r.flip(0)[::2], r[torch.arange(len(r) - 1, -1, -1)], list(reversed(r.tolist())), torch.tensor(list(reversed(r))), r.flip(0).cumsum(0).flip(0))
w = torch.arange(4.0, requires_grad=True)
(w.flip(0) * torch.tensor([1.0, 10.0, 100.0, 1000.0])).sum().backward()
print(w.grad)
w = torch.arange(4.0, requires_grad=True)
(w.roll(1) * torch.tensor([1.0, 10.0, 100.0, 1000.0])).sum().backward()
print(w.grad)
w = torch.arange(4.0).reshape(2, 2).requires_grad_()
(torch.rot90(w) * torch.tensor([[1.0, 2.0], [3.0, 4.0]])).sum().backward()
print(w.grad)
for bad in [lambda: m[::-1], lambda: torch.rot90(m, 1, [0, 0]), lambda: m.flip(2), lambda: torch.roll(m, (1, 2), (0,))]:
    try:
        print(bad())
    except (RuntimeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)
