# chunk / split / tensor_split / unbind / hsplit / vsplit / dsplit, uneven sizes and views.
import torch

x = torch.arange(10)
print(x.chunk(3), x.chunk(4), x.chunk(6), torch.chunk(x, 10), torch.chunk(x, 20), torch.arange(5).chunk(4), len(torch.arange(6).chunk(4)))
print(x.split(3), x.split([2, 3, 5]), torch.split(x, 4), torch.split(x, 20), x.split([0, 10]), torch.arange(12).reshape(3, 4).split(2, dim=1), torch.arange(12).reshape(3, 4).split([1, 2], 0))
print(x.tensor_split(3), torch.tensor_split(x, [2, 7]), torch.tensor_split(x, (1, 1, 12)), torch.tensor_split(x, torch.tensor([3, 6])), torch.tensor_split(x, torch.tensor(4)), torch.arange(12).reshape(3, 4).tensor_split(3, dim=1))
m = torch.arange(12).reshape(3, 4)
print(m.unbind(), m.unbind(1), torch.unbind(m, dim=-1)[0], torch.hsplit(m, 2), torch.vsplit(m, [1]), torch.hsplit(m, [1, 3]), torch.dsplit(torch.arange(8).reshape(1, 2, 4), 2))
a, b = m.chunk(2, dim=1)
print(a, b, a.is_contiguous(), a.stride(), a.storage_offset() if False else "", b.data_ptr() - m.data_ptr() if False else "")
a[0, 0] = 100
print(m[0])
w = torch.arange(6.0, requires_grad=True)
p, q = w.split([4, 2])
(p.sum() * 2 + (q * q).sum()).backward()
print(w.grad, p.grad_fn is not None)
w2 = torch.arange(6.0).reshape(2, 3).requires_grad_()
r0, r1 = w2.unbind(0)
(r0 * r1).sum().backward()
print(w2.grad)
for bad in [lambda: x.split([2, 3]), lambda: x.chunk(0), lambda: torch.hsplit(torch.arange(5), 2), lambda: x.split(0), lambda: m.unbind(2), lambda: torch.tensor_split(x, 0)]:
    try:
        print(bad())
    except (RuntimeError, IndexError) as e:
        print(type(e).__name__, e)
