# Joining and splitting tensors: cat/stack/split/chunk/tensor_split/unbind/hstack/vstack/dstack, broadcasting helpers.
import torch

a = torch.arange(6).view(2, 3)
b = torch.arange(6, 12).view(2, 3)
print(torch.cat([a, b]), torch.cat((a, b), 1), torch.cat([a, b], dim=-1).shape, torch.cat([a, torch.empty(0)]), torch.cat([a.float(), b]).dtype, torch.cat([a, b.double()]).dtype)
print(torch.stack([a, b]).shape, torch.stack([a, b], 1), torch.stack([a, b], dim=-1).shape, torch.hstack([a, b]), torch.vstack([a, b]).shape, torch.dstack([a, b]).shape, torch.column_stack([torch.arange(3), torch.arange(3)]))
print(torch.hstack([torch.arange(2), torch.arange(3)]), torch.vstack([torch.arange(3), torch.arange(3)]), torch.row_stack([torch.arange(2), torch.arange(2)]) if hasattr(torch, "row_stack") else "")
x = torch.arange(10)
print(x.split(3), x.split([2, 3, 5]), x.chunk(3), x.chunk(4), torch.arange(5).chunk(10), x.tensor_split(3), x.tensor_split([1, 4]), torch.tensor_split(x, torch.tensor([2, 8])))
print(torch.arange(12).view(3, 4).split(2, dim=1), torch.arange(12).view(3, 4).chunk(2, 0), torch.arange(12).view(3, 4).unbind(), torch.arange(12).view(3, 4).unbind(1)[2])
print(torch.hsplit(torch.arange(12).view(2, 6), 3)[1], torch.vsplit(torch.arange(12).view(4, 3), [1, 3])[1], torch.split(x, 4)[-1], len(torch.split(x, 1)))
print(torch.broadcast_tensors(torch.ones(3, 1), torch.arange(4))[1], torch.broadcast_shapes((3, 1), (1, 4), (2, 1, 1)), torch.broadcast_to(torch.arange(3), (2, 3)), torch.atleast_2d(torch.tensor(1.0)).shape, torch.atleast_1d(torch.tensor(2)), torch.atleast_3d(torch.ones(2)).shape)
print(a.t(), a.T, a.mT, a.view(3, 2), a.reshape(-1, 1).shape, a.reshape(6), a.ravel(), a.view(-1).tolist(), torch.reshape(a, (3, -1)), a.resize(3, 2) if False else "", torch.flatten(a), torch.squeeze(torch.ones(1, 2, 1)).shape)
print(torch.squeeze(torch.ones(1, 2, 1), (0, 2)).shape, torch.ones(2, 1, 3, 1).squeeze(dim=(1, 3)).shape, torch.unsqueeze(a, -1).shape, a[:, None].shape, a[..., None, None].shape, a.unsqueeze(0).unsqueeze(-1).squeeze().shape)
print(torch.ones(2, 3, 4).transpose(-1, -2).shape, torch.ones(2, 3, 4).permute(2, 0, 1).shape, torch.ones(2, 3, 4).permute((1, 2, 0)).shape, torch.ones(2, 3, 4).movedim((0, 1), (2, 0)).shape, torch.moveaxis(torch.ones(2, 3, 4), 0, -1).shape)
print(torch.rot90(torch.arange(4).view(2, 2)), torch.rot90(torch.arange(4).view(2, 2), 2), torch.fliplr(a), torch.flipud(a), torch.roll(a, 1, 1), torch.roll(a, (1, 1), (0, 1)), torch.roll(torch.arange(6).view(2, 3), 2))
print(torch.tile(torch.arange(3), (2,)), torch.tile(a, (2, 1, 2)).shape, a.repeat(1, 2, 1).shape, a.expand(2, 2, 3).sum(0), torch.tril(a), torch.triu(a, -1), a.unfold(1, 2, 1).shape)
c = torch.randn(2, 3, requires_grad=True)
d = torch.randn(2, 3, requires_grad=True)
out = torch.cat([c, d * 2], 1).sum(0) @ torch.arange(6.0)
out.backward()
print(c.grad, d.grad)
c.grad = None
s = torch.stack([c, c.flip(0)], dim=2)
(s[..., 0] * s[..., 1]).sum().backward()
print(c.grad)
c.grad = None
p1, p2 = c.split([1, 2], dim=1)
(p1.exp().sum() + p2.pow(2).sum()).backward()
print(c.grad)
c.grad = None
for i, ch in enumerate(c.chunk(3, 1)):
    (ch * (i + 1)).sum().backward()
print(c.grad)
c.grad = None
sum(u.prod() for u in c.unbind(0)).backward()
print(c.grad)
