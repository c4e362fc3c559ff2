# "Autograd mechanics" / autograd tutorial topics: retain_grad, tensor hooks, register_hook modifying grads,
# in-place correctness checks (version counter error), grad accumulation, inference_mode, set_grad_enabled,
# requires_grad_ on leafs vs non-leafs, torch.autograd.grad with create_graph for 2nd derivatives.
import torch

torch.manual_seed(0)
x = torch.randn(3, requires_grad=True)
y = x * 2
y.retain_grad()
z = (y ** 2).sum()
z.backward()
print(y.grad, x.grad, y.is_leaf, x.is_leaf, z.is_leaf)

a = torch.randn(4, requires_grad=True)
seen = []
h = a.register_hook(lambda g: seen.append(g.clone()))
b = a.exp()
b.register_hook(lambda g: g * 10)
b.sum().backward()
print(a.grad, seen[0])
h.remove()
a.grad = None
a.exp().sum().backward()
print(len(seen), a.grad)

w = torch.randn(3, requires_grad=True)
out = w.sigmoid()
out.sum().backward(retain_graph=True)
try:
    out.mul_(2)
    out.sum().backward()
except RuntimeError as e:
    print("RuntimeError", str(e)[:60])
v = torch.randn(3, requires_grad=True)
s = v.exp()
s.add_(1)
try:
    s.sum().backward()
    print("ok", v.grad)
except RuntimeError as e:
    print("RuntimeError", str(e)[:60])
q = v.exp()
r = q * 2
q.zero_()
try:
    r.sum().backward()
    print("mul ok", v.grad)
except RuntimeError as e:
    print("RuntimeError", "modified by an inplace operation" in str(e))
try:
    leaf = torch.ones(2, requires_grad=True)
    leaf.add_(1)
except RuntimeError as e:
    print("RuntimeError", str(e))

p = torch.ones(2, requires_grad=True)
for i in range(3):
    (p * (i + 1)).sum().backward()
    print(i, p.grad)
with torch.inference_mode():
    t = p * 2
print(t.requires_grad, torch.is_inference_mode_enabled())
with torch.set_grad_enabled(False):
    t = p * 2
print(t.requires_grad)
torch.set_grad_enabled(True)
print(torch.is_grad_enabled())


@torch.no_grad()
def doubled(t):
    return t * 2


print(doubled(p).requires_grad)
try:
    (p * 2).requires_grad_(False)
except RuntimeError as e:
    print("RuntimeError", str(e)[:80])

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = (x ** 3).sum()
(g,) = torch.autograd.grad(y, x, create_graph=True)
print(g, g.requires_grad)
(g2,) = torch.autograd.grad(g.sum(), x)
print(g2)
x = torch.tensor(2.0, requires_grad=True)
f = torch.sin(x) * x
df = torch.autograd.grad(f, x, create_graph=True)[0]
d2f = torch.autograd.grad(df, x, create_graph=True)[0]
d3f = torch.autograd.grad(d2f, x)[0]
print(f.item(), df.item(), d2f.item(), d3f.item())
J = torch.autograd.functional.jacobian(lambda t: t ** 2 + t.sum(), torch.tensor([1.0, 2.0]))
H = torch.autograd.functional.hessian(lambda t: (t ** 3).sum(), torch.tensor([1.0, 2.0]))
print(J, H)
x = torch.randn(2, 2, requires_grad=True)
y = x.detach()
y.add_(1)
print(torch.equal(x, y), x._version if hasattr(x, "_version") else None)
m = torch.nn.Linear(2, 2)
print([p.requires_grad for p in m.parameters()])
m.requires_grad_(False)
print([p.requires_grad for p in m.parameters()], m(torch.ones(1, 2)).requires_grad)
