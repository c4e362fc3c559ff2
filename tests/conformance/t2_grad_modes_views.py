# detach/requires_grad_/no_grad/inference_mode semantics on views, data and .grad bookkeeping.
import torch

torch.manual_seed(0)
w = torch.randn(3, requires_grad=True)
print(w.requires_grad, w.is_leaf, w.grad, w.grad_fn, w.data.requires_grad, w.detach().requires_grad)
v = w[1:]
print(v.requires_grad, v.is_leaf, v.grad_fn is not None, v._base is w if hasattr(v, "_base") else True)
with torch.no_grad():
    u = w[1:]
    u2 = w * 2
print(u2.requires_grad, u2.grad_fn, u.is_leaf)
with torch.no_grad():
    w[0] = 10.0
    w.mul_(2)
print(w, w.is_leaf, w.grad_fn)
d = w.detach()
d[1] = -1
print(w, d.requires_grad)
w.data[2] = 0.5
print(w)
w.data = torch.tensor([1.0, 2.0, 3.0])
print(w, w.requires_grad)
(w * w).sum().backward()
print(w.grad)
w.grad.data.zero_()
print(w.grad)
w.grad = None
print(w.grad)
z = torch.ones(2, 2)
z.requires_grad_(True)
print(z.requires_grad, z.is_leaf)
z.requires_grad = False
print(z.requires_grad)
z.requires_grad_()
y = z.sum(0)
print(y.requires_grad, y.is_leaf)
yd = y.detach().requires_grad_()
print(yd.is_leaf, yd.requires_grad)
with torch.inference_mode():
    q = z * 3
print(q.requires_grad, q)
with torch.no_grad():
    with torch.enable_grad():
        e = z * 1
    f = z * 1
print(e.requires_grad, f.requires_grad)
with torch.set_grad_enabled(False):
    g = z * 1
print(g.requires_grad, torch.is_grad_enabled())


@torch.enable_grad()
def inner(t):
    return t * 2


with torch.no_grad():
    h = inner(z)
print(h.requires_grad)
p = torch.tensor([1.0, 2.0], requires_grad=True)
o = p * 2
o2 = o.detach()
o2 += 1
print(o, o2)
c = p.clone().detach()
c += 5
print(p, c, c.requires_grad)
k = torch.tensor([2.0], requires_grad=True)
out = k * k
out.retain_grad()
out2 = out * 3
out2.retain_grad()
out2.backward()
print(k.grad, out.grad, out2.grad, out.is_leaf, out.retains_grad if hasattr(out, "retains_grad") else True)
hooked = []
k2 = torch.tensor([1.0, -1.0], requires_grad=True)
m = k2 * 2
m.register_hook(lambda g: hooked.append(g.tolist()))
m.register_hook(lambda g: g.clamp(min=0))
(m * torch.tensor([3.0, -3.0])).sum().backward()
print(hooked, k2.grad)
