# max/min with dims, amax/amin, aminmax, argmax/argmin with ties and nan, maximum vs max, all/any, count_nonzero.
import torch

x = torch.tensor([[1, 5, 5, 2], [7, 7, 0, 7]])
print(x.max(), x.min(), x.max(1), x.min(0), x.argmax(), x.argmin(), x.argmax(1), x.argmin(1), x.argmax(0, keepdim=True), x.max(dim=1, keepdim=True))
print(x.amax(), x.amax(1), x.amin(dim=(0, 1)), torch.amax(x, dim=0, keepdim=True), torch.aminmax(x), torch.aminmax(x, dim=1), x.aminmax(dim=0, keepdim=True))
f = torch.tensor([2.0, float("nan"), 5.0, 5.0])
print(f.max(), f.argmax(), f.amax(), f.min(), f.argmin(), f.max(0), torch.tensor([1.0, 3.0, 3.0]).argmax(), torch.tensor([3.0, 1.0, 1.0]).argmin(), torch.tensor([[1.0, 1.0], [1.0, 1.0]]).argmax())
v, i = torch.max(torch.tensor([[0.1, 0.9], [0.8, 0.2], [0.5, 0.5]]), 1)
print(v, i, (i == torch.tensor([1, 0, 0])).float().mean(), torch.max(x, torch.tensor([3, 3, 3, 3])), torch.min(x, torch.tensor(4)))
b = torch.tensor([[True, False], [True, True]])
print(b.all(), b.any(), b.all(0), b.any(1), b.all(dim=1, keepdim=True), torch.all(torch.tensor([])), torch.any(torch.tensor([])), torch.tensor([1, 0, 2]).all(), torch.tensor([0.0, 0.5]).any(), torch.tensor([[1, 2]]).all(1).dtype)
print(torch.count_nonzero(x), torch.count_nonzero(x, dim=0), torch.count_nonzero(x == 7, dim=1), torch.tensor([0.0, -0.0, 1e-40]).count_nonzero(), torch.tensor([True, False]).max())
w = torch.tensor([1.0, 3.0, 3.0, 2.0], requires_grad=True)
w.max().backward()
print(w.grad)
w = torch.tensor([1.0, 3.0, 3.0, 2.0], requires_grad=True)
w.amax().backward()
print(w.grad)
w = torch.tensor([[1.0, 3.0], [3.0, 2.0]], requires_grad=True)
w.max(dim=1).values.sum().backward()
print(w.grad)
w = torch.tensor([[1.0, 3.0], [3.0, 3.0]], requires_grad=True)
w.amin(dim=0).sum().backward()
print(w.grad)
w = torch.tensor([1.0, 4.0, 2.0], requires_grad=True)
(torch.maximum(w, torch.tensor([2.0, 2.0, 2.0])).sum() + torch.clamp(w, 1.5, 3.0).sum()).backward()
print(w.grad)
for bad in [lambda: torch.tensor([]).max(), lambda: torch.tensor([]).argmax(), lambda: x.max(2), lambda: torch.zeros(0, 3).max(0), lambda: torch.zeros(0, 3).amax(1), lambda: torch.zeros(0, 3).amax(0), lambda: torch.tensor([True, False]).argmax()]:
    try:
        print(bad())
    except (RuntimeError, IndexError) as e:
        print(type(e).__name__, e)
