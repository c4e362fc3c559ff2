# cat / stack edge cases: empty tensors, dtype promotion, negative dims, out=, and the error messages.
import torch

a = torch.tensor([[1, 2], [3, 4]])
b = torch.tensor([[5.5, 6.5]])
print(torch.cat([a, b]), torch.cat([a, b]).dtype, torch.cat([a, a], dim=-1), torch.cat((a,)), torch.cat([a, torch.tensor([])]), torch.cat([torch.tensor([]), a.flatten()]), torch.cat([a, torch.zeros(0, 2, dtype=torch.int64)]))
print(torch.stack([a, a]).shape, torch.stack([a, a], -1).shape, torch.stack([a, a], dim=1)[0], torch.stack([torch.tensor(1), torch.tensor(2)]), torch.stack([a[0], a[1].float()]), torch.concat([a, a]).shape, torch.concatenate([a, a], axis=1).shape)
print(torch.cat([torch.tensor([True]), torch.tensor([2])]), torch.cat([torch.tensor([1], dtype=torch.uint8), torch.tensor([1], dtype=torch.int8)]).dtype, torch.cat([torch.tensor([1.0], dtype=torch.float16), torch.tensor([1])]).dtype, torch.cat([torch.ones(1), torch.ones(1, dtype=torch.float64)]).dtype)
out = torch.empty(4, 2, dtype=torch.int64)
torch.cat([a, a], out=out)
print(out, torch.stack([a, a], out=torch.empty(0, dtype=torch.int64)).shape)
w1 = torch.ones(2, requires_grad=True)
w2 = torch.zeros(3, requires_grad=True)
(torch.cat([w1 * 2, w2]) * torch.arange(5.0)).sum().backward()
print(w1.grad, w2.grad)
w3 = torch.ones(2, requires_grad=True)
torch.stack([w3, w3 * 3], 1).sum(0)[1].backward()
print(w3.grad)
for bad in [lambda: torch.cat([a, torch.ones(2, 3)]), lambda: torch.cat([]), lambda: torch.stack([a, a[:1]]), lambda: torch.cat([a, a], dim=2), lambda: torch.cat([a, torch.ones(2)]), lambda: torch.stack([]), lambda: torch.cat(a), lambda: torch.stack([a, a], dim=3)]:
    try:
        print(bad())
    except (RuntimeError, IndexError, TypeError, ValueError) as e:
        print(type(e).__name__, e)
