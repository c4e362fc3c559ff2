# memory_format=torch.preserve_format: clone/empty_like/elementwise results keep a permuted input's strides.
import torch

torch.manual_seed(4)
x = torch.randn(3, 4)
t = x.t()
print(t.clone().stride(), t.clone(memory_format=torch.contiguous_format).stride(), torch.empty_like(t).stride())
print(torch.zeros_like(t).stride(), torch.ones_like(t).stride(), torch.rand_like(t).stride(), torch.full_like(t, 2).stride())
print((t * 2).stride(), (t + t).stride(), t.exp().stride(), t.neg().stride())
p = torch.randn(2, 3, 4).permute(2, 0, 1)
print(p.clone().stride(), (p * 1).stride(), p.contiguous().stride(), p.sigmoid().stride(), p.float().stride())
print(p.double().stride(), p.to(torch.float64).stride(), (p > 0).stride(), torch.where(p > 0, p, 0.0).stride())
s = x[:, ::2]
print(s.stride(), s.clone().stride(), (s + 1).stride(), torch.empty_like(s).stride())
e = x[:1].expand(3, 4)
print(e.clone().stride(), (e + 0).stride(), torch.empty_like(e).stride())
print(t.clone().is_contiguous(), t.clone().t().is_contiguous(), torch.empty_strided((2, 3), (1, 2)).stride())
print(x.new_empty((2, 2)).stride(), x.new_zeros(3).stride(), torch.empty(2, 3, 4).stride())
