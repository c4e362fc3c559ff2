# repeat / expand / expand_as / tile / repeat_interleave / broadcast_to, strides and grads.
import torch

x = torch.tensor([1, 2, 3])
print(x.repeat(2), x.repeat(2, 2), x.repeat(1, 2, 1).shape, x.tile(2), x.tile((2, 1)), torch.tile(torch.tensor([[1, 2]]), (2,)), x.repeat(0).shape)
print(x.expand(2, 3), x.expand(2, -1), x[:, None].expand(3, 4), x.expand_as(torch.zeros(4, 3)), torch.broadcast_to(x, (2, 3)), x.expand(2, 3).stride(), x.expand(2, 3).is_contiguous())
print(x.repeat_interleave(2), torch.repeat_interleave(x, torch.tensor([1, 0, 3])), torch.repeat_interleave(torch.tensor([[1, 2], [3, 4]]), 2, dim=0), torch.repeat_interleave(torch.tensor([[1, 2], [3, 4]]), torch.tensor([1, 2]), dim=1), torch.repeat_interleave(torch.tensor([2, 1])), torch.tensor([[1, 2], [3, 4]]).repeat_interleave(2))
e = torch.ones(3, 1).expand(3, 4)
print(e.stride(), e.contiguous().stride(), e.clone().stride(), torch.zeros(1).expand(5).sum(), e.reshape(12).stride() if False else "")
w = torch.tensor([1.0, 2.0], requires_grad=True)
(w.repeat(3) * torch.arange(6.0)).sum().backward()
print(w.grad)
w = torch.tensor([1.0, 2.0], requires_grad=True)
(w.expand(3, 2) * torch.arange(6.0).reshape(3, 2)).sum().backward()
print(w.grad)
w = torch.tensor([1.0, 2.0], requires_grad=True)
(w.repeat_interleave(3) * torch.arange(6.0)).sum().backward()
print(w.grad)
w = torch.tensor([[1.0, 2.0]], requires_grad=True)
(w.tile(2, 2) ** 2).sum().backward()
print(w.grad)
y = torch.zeros(2, 1)
z = y.expand(2, 3)
try:
    z.add_(1)
except RuntimeError as e:
    print("RuntimeError", e)
for bad in [lambda: x.expand(2, 4), lambda: x.repeat(2, 3)[:0].expand(5), lambda: x.repeat(), lambda: x.expand(3, -1, 2), lambda: torch.ones(2, 3).repeat(2), lambda: x.repeat_interleave(torch.tensor([1, 2]))]:
    try:
        print(bad())
    except (RuntimeError, TypeError) as e:
        print(type(e).__name__, e)
