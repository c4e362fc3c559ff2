# Basic indexing returns views, advanced indexing returns copies; assignments through each.
import torch

x = torch.arange(12.0).view(3, 4)
v = x[1]
v[0] = 100.0
print(x[1, 0].item())
c = x[[1]]
c[0, 1] = -5.0
print(x[1, 1].item(), c[0, 1].item())
m = x[x > 8]
m.zero_()
print(x[2])
x[x > 8] = 0.0
print(x[2])
x[[0, 2], 1] = torch.tensor([7.0, 8.0])
print(x[:, 1])
x[:, [0]] += 1
print(x[:, 0])
sl = x[1:, ::2]
sl *= -1
print(x)
print(x[..., 1].data_ptr() == x[:, 1].data_ptr(), x[None].data_ptr() == x.data_ptr(), x[[0]].data_ptr() == x.data_ptr())
b = x[torch.tensor(1)]
print(b.shape, b.data_ptr() == x[1].data_ptr())
i = x.index_select(0, torch.tensor([0]))
i.fill_(0)
print(x[0])
x.index_fill_(1, torch.tensor([3]), -2.0)
print(x[:, 3])
n = x.narrow(1, 1, 2)
n.copy_(torch.ones(3, 2))
print(x)
