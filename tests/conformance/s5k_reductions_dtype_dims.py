# sum/mean/prod with dtype=, dims as tuples/negative, keepdim, empty tensors, integer overflow, logsumexp.
import torch

x = torch.arange(24).reshape(2, 3, 4)
print(x.sum(), x.sum(0).shape, x.sum((0, 2)), x.sum(-1, keepdim=True).shape, x.sum(dim=[1, -1]), x.float().mean((0, 1)), x.prod(1).shape, x.sum(dtype=torch.float64), x.float().mean(dim=-2, keepdim=True).shape)
print(torch.zeros(0).sum(), torch.zeros(0).prod(), torch.zeros(0).mean(), torch.zeros(0, 3).sum(0), torch.zeros(0, 3).mean(0), torch.zeros(2, 0).sum(1), torch.zeros(0, dtype=torch.int64).sum())
print(torch.tensor([100, 100], dtype=torch.int8).sum(), torch.tensor([100, 100], dtype=torch.int8).sum().dtype, torch.tensor([200, 100], dtype=torch.uint8).sum(), torch.tensor([2 ** 62, 2 ** 62]).sum(), torch.tensor([16] * 4, dtype=torch.int8).prod())
h = torch.tensor([60000.0, 10000.0], dtype=torch.float16)
print(h.sum(), h.mean(), h.sum(dtype=torch.float32), torch.tensor([0.1] * 10, dtype=torch.float16).sum(), torch.tensor([1e-4] * 1000, dtype=torch.float16).sum())
f = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
print(torch.logsumexp(f, 1), torch.logsumexp(f, dim=(0, 1)), f.logsumexp(0, keepdim=True), torch.logsumexp(torch.tensor([-float("inf"), -float("inf")]), 0), torch.logsumexp(torch.tensor([1000.0, 1000.0]), 0), torch.logsumexp(torch.tensor([[]]), 1))
print(f.mean(dtype=torch.float64), torch.sum(f, 1, dtype=torch.float64), torch.prod(torch.tensor([1, 2, 3]), dtype=torch.float32), torch.cumsum(torch.tensor([1, 2]), 0, dtype=torch.float16), f.sum(dim=()), f.mean(dim=[]) if False else "")
b = torch.tensor([[True, False, True], [True, True, True]])
print(b.sum(), b.sum(1), b.sum().dtype, b.float().mean(), b.prod(1), b.prod().dtype, b.any(0), b.all(1), torch.sum(b, dim=0, keepdim=True))
w = torch.arange(6.0).reshape(2, 3).requires_grad_()
(w.sum((0, 1)) + w.mean(0).sum() * 3 + w.prod(1).sum() + torch.logsumexp(w, 1).sum()).backward()
print(w.grad)
w = torch.tensor([2.0, 0.0, 3.0], requires_grad=True)
w.prod().backward()
print(w.grad)
w = torch.tensor([0.0, 0.0, 3.0], requires_grad=True)
w.prod().backward()
print(w.grad)
for bad in [lambda: x.sum(3), lambda: x.sum((0, 0)), lambda: x.mean(), lambda: x.float().mean(dtype=torch.int64), lambda: torch.logsumexp(x, 0)]:
    try:
        print(bad())
    except (RuntimeError, IndexError) as e:
        print(type(e).__name__, e)
