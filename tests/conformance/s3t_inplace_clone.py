# In-place ops, clone vs detach vs view aliasing, and the errors autograd raises about in-place writes.
import torch

torch.manual_seed(14)
x = torch.randn(3)
y = x
y.add_(1)
print(x, y is x, x.add_(1) is x)
z = x.clone()
z.mul_(0)
print(x, z)
d = x.detach()
d[0] = 100.0
print(x, d, d.requires_grad)
t = torch.ones(2, 3)
t.add_(torch.tensor([1.0, 2.0, 3.0])).mul_(2).sub_(1).div_(3)
print(t)
t.clamp_(1.5, 2.0).pow_(2).sqrt_().neg_().abs_()
print(t)
t.zero_()
t.fill_(3.5)
print(t, t.exp_().log_())
u = torch.arange(6.0).view(2, 3)
u.t_()
print(u, u.shape, u.is_contiguous())
u.unsqueeze_(0).squeeze_()
print(u.shape)
v = torch.randn(4)
v.uniform_(0, 1)
v.normal_()
v.bernoulli_(0.5)
print(v)
v.random_(0, 10)
print(v)
w = torch.zeros(5)
w.copy_(torch.arange(5))
w.masked_fill_(w > 2, -1)
w.index_fill_(0, torch.tensor([0]), 9)
w.scatter_(0, torch.tensor([1]), 7.0)
w.addcmul_(torch.ones(5), torch.ones(5), value=0.5).addcdiv_(torch.ones(5), torch.full((5,), 4.0))
print(w, w.lerp_(torch.zeros(5), 0.5), w.floor_(), w.sign_())
p = torch.tensor([1.0, 2.0], requires_grad=True)
try:
    p.add_(1)
except RuntimeError as e:
    print("RuntimeError:", e)
with torch.no_grad():
    p.add_(1)
print(p, p.is_leaf, p.grad_fn)
q = torch.tensor([1.0, 2.0], requires_grad=True)
r = q * 2
r.add_(1)
print(r, r.grad_fn is not None)
r.sum().backward()
print(q.grad)
a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
s = a.sigmoid()
s.mul_(2)
try:
    s.sum().backward()
except RuntimeError as e:
    print("RuntimeError:", str(e)[:120])
b = torch.tensor([1.0, 2.0], requires_grad=True)
c = b.exp()
c2 = c.clone()
c2 += 1
c2.sum().backward()
print(b.grad, c2)
m = torch.zeros(2, 2)
mv = m.view(4)
mv[1] = 5
m[1].fill_(2)
print(m, mv, m.diagonal().add_(10) if False else m.diagonal())
n = torch.tensor([1, 2, 3])
n += 1
n *= 2
n -= torch.tensor([1, 1, 1])
print(n, n.dtype)
try:
    n /= 2
except RuntimeError as e:
    print("RuntimeError:", e)
n //= 2
print(n)
f = torch.tensor([1.0, 2.0])
f += torch.tensor([1, 1])
print(f, f.dtype)
g = torch.randn(2, 2)
print(g.clone().requires_grad_(), g.detach().clone().requires_grad_(True).is_leaf, torch.clone(g).equal(g))
h = torch.tensor([3.0], requires_grad=True)
hh = h.detach_() if False else h.detach()
print(hh.requires_grad, h.requires_grad, h.data, h.data.requires_grad)
h.data.mul_(2)
print(h, h.data_ptr() == h.data.data_ptr())
