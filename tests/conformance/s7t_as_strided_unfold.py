# as_strided and unfold as "stride tricks": views whose elements overlap in memory.
import torch

x = torch.arange(10.0)
w = x.as_strided((4, 3), (2, 1))
print(w, w.stride(), w.is_contiguous(), w.data_ptr() == x.data_ptr())
w2 = x.as_strided((3, 3), (1, 1), 2)
print(w2, w2.storage_offset())
u = x.unfold(0, 4, 3)
print(u, u.stride(), u.storage_offset())
x[3] = -1.0
print(u[0, 3].item(), u[1, 0].item(), w[1, 1].item())
m = torch.arange(16.0).view(4, 4)
p = m.unfold(0, 2, 2).unfold(1, 2, 2)
print(p.shape, p.stride(), p[1, 0])
print(m.as_strided((2, 2), (5, 1), 1).tolist())
t = m.t()
print(t.as_strided((2, 2), (1, 4)).tolist(), t.unfold(1, 3, 1).shape, t.unfold(1, 3, 1).stride())
print(x.as_strided((5,), (2,)).sum().item(), x.as_strided((3,), (0,)).stride())
print(torch.as_strided(m, (3,), (5,)).tolist(), m.diagonal().stride(), m.diagonal(-1).storage_offset())
