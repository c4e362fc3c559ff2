# Views, strides, contiguity, expand and their interaction with in-place writes.
import torch

x = torch.arange(24.0).reshape(2, 3, 4)
print(x.stride(), x.is_contiguous(), x.storage_offset(), x.stride(1))
t = x.transpose(0, 2)
print(t.shape, t.stride(), t.is_contiguous(), t.contiguous().stride(), t.contiguous().is_contiguous())
p = x.permute(2, 0, 1)
print(p.shape, p.stride(), p[1, 1], p.reshape(4, 6))
s = x[:, 1:, ::2]
print(s.shape, s.stride(), s.storage_offset(), s.is_contiguous())
v = x.view(6, 4)
v[0, 0] = 100
print(x[0, 0, 0], x.data_ptr() == v.data_ptr())
e = torch.tensor([1.0, 2.0, 3.0]).expand(2, 3)
print(e, e.stride(), e.is_contiguous(), e.contiguous().stride())
e2 = torch.ones(3, 1).expand(-1, 4)
print(e2.shape, e2.stride())
print(torch.ones(2, 1, 3).expand(2, 5, 3).shape, torch.ones(3).expand(2, 2, 3).stride())
u = x.unsqueeze(1)
print(u.shape, u.stride(), x.squeeze().shape, torch.ones(1, 3, 1).squeeze(0).shape, torch.ones(1, 3, 1).squeeze(-1).shape)
print(x.flatten().shape, x.flatten(1).shape, x.flatten(0, 1).shape, x.unflatten(2, (2, 2)).shape)
print(x.narrow(2, 1, 2).stride(), x.select(1, 2).shape, x.unbind(1)[0].shape, len(x.chunk(2, 2)), [c.shape for c in x.split([1, 3], 2)])
print(x.T.shape if x.dim() == 2 else x.mT.shape, x.movedim(0, -1).shape, x.swapaxes(0, 1).shape)
y = torch.arange(6.0)
z = y[::2]
z += 100
print(y, z.stride())
y2 = y.view(2, 3).t()
y2[0] = -1
print(y, y2.is_contiguous())
print(torch.arange(12).view(3, 4).t().reshape(12), torch.arange(12).view(3, 4).t().flatten())
print(torch.arange(8).view(2, 2, 2).view(-1, 4), torch.arange(8).view(4, -1).shape)
print(torch.arange(6).unfold(0, 2, 1))
a = torch.zeros(2, 3)
b = a.view_as(torch.empty(3, 2))
b.fill_(7)
print(a, a.is_set_to(a) if hasattr(a, "is_set_to") else True)
d = torch.arange(6.0).reshape(2, 3)
dd = d.detach()
dd[0, 0] = 42
print(d)
c = d.clone()
c[0, 0] = -42
print(d[0, 0], c[0, 0])
print(x.diagonal(dim1=1, dim2=2).shape, torch.arange(9).view(3, 3).diagonal(), torch.arange(9).view(3, 3).diagonal(1))
print(torch.arange(9).view(3, 3).diagonal().stride(), torch.arange(4.0).view(2, 2).expand_as(torch.ones(3, 2, 2)).shape)
print(torch.arange(6).reshape(2, 3).repeat(2, 1), torch.arange(3).repeat(2, 2), torch.arange(3).repeat_interleave(2))
print(torch.tensor([[1, 2], [3, 4]]).repeat_interleave(torch.tensor([1, 2]), dim=0), torch.arange(4).roll(1), torch.arange(6).view(2, 3).flip(1))
