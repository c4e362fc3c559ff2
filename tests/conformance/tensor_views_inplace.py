# Views share storage, in-place ops bump versions, contiguity and strides, and autograd around them.
import torch

a = torch.arange(12.0)
b = a.view(3, 4)
c = b.t()
b[0, 0] = 100
print(a[:3], c.is_contiguous(), b.is_contiguous(), c.stride(), b.stride(), c.contiguous().stride())
print(c.reshape(12)[:4], a.data_ptr() == b.data_ptr())
d = a.view(2, 6)[:, 1::2]
d.fill_(-1)
print(a)
e = a.unsqueeze(0).expand(3, 12)
print(e.shape, e.stride(), e.sum())
f = torch.ones(2, 3)
f.add_(1).mul_(3).sub_(1).div_(2)
print(f, f.clamp_(max=2.0), f.zero_())
g = torch.arange(6.0).reshape(2, 3)
print(g.transpose(0, 1).flatten(), g.permute(1, 0).reshape(-1), g.T.contiguous().view(-1))
print(g.unflatten(1, (3, 1)).shape, g.flatten().unflatten(0, (3, 2)), g.squeeze().shape, g[None].squeeze(0).shape)
print(torch.chunk(torch.arange(7), 3), torch.split(torch.arange(7), [2, 5]), torch.arange(10).split(4))
print(torch.cat([g, g], 1), torch.stack([g, g], 2).shape, torch.hstack([g, g]).shape, torch.vstack([g, g]).shape)
print(g.repeat(2, 1), g.repeat_interleave(2, dim=0).shape, g.tile((1, 2)).shape, g.flip(1), g.roll(1, 1))
print(g.movedim(0, 1).shape, torch.tril(torch.ones(3, 3)), torch.triu(torch.ones(3, 3), 1))
print(torch.unbind(g, 1), g.narrow(1, 1, 2), g.select(1, 2), g.diag(), torch.diag(torch.tensor([1.0, 2.0])))

x = torch.randn(3, requires_grad=True)
y = x * 2
y.add_(1)
y.mul_(x)
y.sum().backward()
print(x.grad)
w = torch.randn(3, requires_grad=True)
h = w.sigmoid()
h.mul_(2)
try:
    h.sum().backward()
    print("ok", w.grad)
except RuntimeError as err:
    print("RuntimeError", "modified by an inplace operation" in str(err))
p = torch.randn(4, requires_grad=True)
with torch.no_grad():
    p.mul_(0.5)
    p -= 0.1
print(p.requires_grad, p.is_leaf, p.grad_fn)
q = p.detach()
q[0] = 99.0
print(p[0].item(), q.is_leaf, q.requires_grad)
