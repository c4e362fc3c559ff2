# clone copies, detach shares; in-place ops are visible through every view of the same storage.
import torch

torch.manual_seed(5)
w = torch.randn(3, 3, requires_grad=True)
d = w.detach()
c = w.clone()
print(d.requires_grad, c.requires_grad, d.is_leaf, c.is_leaf, c.grad_fn is None, d.grad_fn is None)
print(d.data_ptr() == w.data_ptr(), c.data_ptr() == w.data_ptr())
with torch.no_grad():
    d[0, 0] = 10.0
print(w[0, 0].item(), c[0, 0].item() == 10.0)
dc = w.detach().clone()
dc.zero_()
print(w.abs().sum().item() > 0, dc.sum().item())
base = torch.zeros(4, 4)
row = base[1]
col = base[:, 2]
diag = base.diagonal()
row.fill_(1.0)
col.add_(2.0)
diag.mul_(3.0)
print(base)
t = base.t()
t[0].copy_(torch.tensor([9.0, 8.0, 7.0, 6.0]))
print(base[:, 0])
flat = base.view(-1)
flat[::5] = -1.0
print(base)
base.clamp_(min=0)
print(row, col)
a = torch.arange(5.0)
b = a[1:4]
a.add_(10)
print(b)
b.zero_()
print(a)
x = torch.ones(2, 2)
y = x.data
y.mul_(4)
print(x, y.data_ptr() == x.data_ptr())
print(w.data.requires_grad, w.detach_() is w if False else "skip")
