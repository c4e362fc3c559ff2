# Autograd through indexing, views, hooks, retain_grad, autograd.grad and grad modes.
import torch

torch.manual_seed(0)
w = torch.randn(4, 5, requires_grad=True)
y = w[:, 1:4:2] * 3 + w[[0, 0, 2]].sum(0)[:2]
y.sum().backward()
print(w.grad)
w.grad = None
m = w > 0
w[m].sum().backward()
print(w.grad)
w.grad.zero_()
w.masked_fill(~m, 0.0).pow(2).sum().backward()
print(w.grad)
x = torch.randn(3, 4, requires_grad=True)
h = x.t().reshape(2, 6)
h.retain_grad()
z = h.permute(1, 0).contiguous().view(-1)
z.retain_grad()
(z * torch.arange(12.0)).sum().backward()
print(h.grad, z.grad, x.grad)
a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
seen = []
hd = a.register_hook(lambda g: seen.append(g.clone()))
b = a * a
b.register_hook(lambda g: g * 10)
b.sum().backward()
print(a.grad, seen)
hd.remove()
a.grad = None
(a ** 3).sum().backward()
print(a.grad, len(seen))
u = torch.tensor([0.5, -1.0], requires_grad=True)
f = (u.exp() * u).sum()
(g1,) = torch.autograd.grad(f, u, create_graph=True)
(g2,) = torch.autograd.grad(g1.sum(), u)
print(g1, g2, g1.requires_grad, g2.requires_grad)
gs = torch.autograd.grad((u * 2).sum(), [u], grad_outputs=torch.tensor(3.0))
print(gs)
q = torch.randn(2, 2, requires_grad=True)
out = q @ q
print(torch.autograd.grad(out, q, grad_outputs=torch.ones(2, 2))[0])
with torch.no_grad():
    r = q * 2
    with torch.enable_grad():
        r2 = q * 2
print(r.requires_grad, r2.requires_grad, torch.is_grad_enabled())
with torch.inference_mode():
    r3 = q * 2
print(r3.requires_grad, torch.is_inference_mode_enabled() if hasattr(torch, "is_inference_mode_enabled") else False)
torch.set_grad_enabled(False)
print((q * 2).requires_grad)
torch.set_grad_enabled(True)
print((q * 2).requires_grad)


@torch.no_grad()
def noisy(t):
    return t * 2


print(noisy(q).requires_grad, noisy(q).grad_fn)
d = q.detach()
print(d.requires_grad, d.is_leaf, q.detach().requires_grad_().is_leaf)
e = torch.zeros(3).requires_grad_()
print(e.requires_grad, e.is_leaf, (e + 1).is_leaf, (e + 1).grad_fn is not None)
s = torch.randn(5, requires_grad=True)
vals, idx = s.sort(descending=True)
(vals * torch.arange(5.0)).sum().backward()
print(s.grad)
s.grad = None
s.max().backward()
print(s.grad)
s.grad = None
s.topk(2).values.sum().backward()
print(s.grad)
s.grad = None
torch.gather(s, 0, torch.tensor([0, 0, 4])).sum().backward()
print(s.grad)
s.grad = None
s.index_select(0, torch.tensor([1, 1, 2])).sum().backward()
print(s.grad)
s.grad = None
torch.stack([s, s * 2]).cumsum(1).sum().backward()
print(s.grad)
s.grad = None
torch.cat([s[:2], s[3:]]).prod().backward()
print(s.grad)
s.grad = None
torch.where(s > 0, s, s * 0.1).sum().backward()
print(s.grad)
s.grad = None
s.clamp(-0.5, 0.5).sum().backward()
print(s.grad)
k = torch.randn(2, 3, requires_grad=True)
k.expand(4, 2, 3).sum().backward()
print(k.grad)
k.grad = None
k.unsqueeze(0).repeat(3, 1, 1).mul(torch.arange(3.0).view(3, 1, 1)).sum().backward()
print(k.grad)
k.grad = None
torch.einsum("ij,ij->i", k, k).sum().backward()
print(k.grad)
k.grad = None
k.norm().backward()
print(k.grad)
k.grad = None
torch.logsumexp(k, 1).sum().backward()
print(k.grad)
k.grad = None
k.std(1).sum().backward()
print(k.grad)
