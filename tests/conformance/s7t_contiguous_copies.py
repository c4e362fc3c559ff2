# is_contiguous and contiguous(): when a copy happens, and what the copy's strides are.
import torch

a = torch.arange(12).view(3, 4)
print(a.is_contiguous(), a.t().is_contiguous(), a[:, 1].is_contiguous(), a[1].is_contiguous())
print(a[:, :2].is_contiguous(), a[:2].is_contiguous(), a[::2].is_contiguous(), a.unsqueeze(1).is_contiguous())
c = a.contiguous()
print(c is a, c.data_ptr() == a.data_ptr())
at = a.t()
ct = at.contiguous()
print(ct is at, ct.data_ptr() == at.data_ptr(), ct.stride(), at.stride(), ct.is_contiguous())
ct[0, 0] = 100
print(a[0, 0].item(), ct[0, 0].item())
print(torch.equal(ct, at))
e = torch.ones(3, 1).expand(3, 4)
print(e.is_contiguous(), e.stride(), e.contiguous().stride())
s = torch.arange(10.0)[::3]
print(s.is_contiguous(), s.stride(), s.contiguous().stride(), s.contiguous().tolist())
p = torch.zeros(2, 3, 4).permute(0, 2, 1)
print(p.is_contiguous(), p.contiguous().is_contiguous(), p.contiguous().stride())
one = torch.zeros(1, 4).t()
print(one.is_contiguous(), one.stride())
print(torch.zeros(3, 1)[:, ::1].is_contiguous(), torch.zeros(0, 5).t().is_contiguous())
