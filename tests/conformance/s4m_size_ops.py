# torch.Size behaves like a tuple: printing, slicing, arithmetic, comparison.
import torch

x = torch.zeros(2, 3, 4)
s = x.shape
print(s, x.size(), repr(s), str(s))
print(s[0], s[-1], s[1:], s[:0], type(s[1:]).__name__)
print(len(s), s.numel(), list(s), tuple(s), s == (2, 3, 4), s == [2, 3, 4], s == torch.Size([2, 3, 4]))
print(s + (5,), type(s + (5,)).__name__, (1,) + s, type((1,) + s).__name__)
print(s * 2, type(s * 2).__name__)
print(torch.Size([]), torch.Size([]).numel(), torch.Size((1,)), torch.Size([0, 3]).numel())
print(x.size(1), x.size(-1), x.shape[1:], x.dim(), x.ndim, x.numel(), x.nelement())
print(*s)
a, b, c = s
print(a * b * c)
print(max(s), min(s), sum(s), s.index(3), s.count(2), 4 in s)
print(f"{s}", f"shape={tuple(s)}", "%s" % (s,))
print(torch.zeros(s).shape, torch.ones(*s).shape, x.new_zeros(s[1:]).shape, x.view(s[0], -1).shape)
print(torch.Size([2, 3]) + torch.Size([4]))
print(hash(torch.Size([2, 3])) == hash((2, 3)), {torch.Size([2]): 1})
print(torch.tensor(5).shape, torch.tensor([5]).shape, torch.tensor(5).size())
print(x.stride(), x.stride(0), x.t().shape if x.dim() == 2 else x.transpose(0, 1).shape)
print(s._asdict() if hasattr(s, "_asdict") else sorted(s))
print(torch.broadcast_shapes((2, 1), (1, 3)), torch.Size([2, 3]).__class__.__name__)
