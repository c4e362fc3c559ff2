# Higher-order gradients: grad of grad, Hessian-vector products, gradient penalty.
import torch

torch.manual_seed(0)
x = torch.tensor([1.0, 2.0, -0.5], requires_grad=True)
y = (x ** 3).sum() + (x[0] * x[1] * x[2])
(g,) = torch.autograd.grad(y, x, create_graph=True)
print(g)
rows = []
for i in range(3):
    (h,) = torch.autograd.grad(g[i], x, retain_graph=True)
    rows.append(h)
H = torch.stack(rows)
print(H)
v = torch.tensor([1.0, 0.0, -1.0])
(hv,) = torch.autograd.grad(g, x, grad_outputs=v, retain_graph=True)
print(hv, H @ v)
(hv2,) = torch.autograd.grad((g * v).sum(), x)
print(hv2)

t = torch.tensor(0.7, requires_grad=True)
f = torch.sin(t) * t ** 2
d1, = torch.autograd.grad(f, t, create_graph=True)
d2, = torch.autograd.grad(d1, t, create_graph=True)
d3, = torch.autograd.grad(d2, t)
print(d1.item(), d2.item(), d3.item())

critic = torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.Tanh(), torch.nn.Linear(8, 1))
real = torch.randn(6, 4)
fake = torch.randn(6, 4)
alpha = torch.rand(6, 1)
interp = (alpha * real + (1 - alpha) * fake).requires_grad_(True)
out = critic(interp)
grads = torch.autograd.grad(outputs=out, inputs=interp, grad_outputs=torch.ones_like(out),
                            create_graph=True, retain_graph=True)[0]
gp = ((grads.norm(2, dim=1) - 1) ** 2).mean()
print(gp)
gp.backward()
for n, p in critic.named_parameters():
    print(n, None if p.grad is None else p.grad.norm().item())

w = torch.randn(3, requires_grad=True)
loss = (w.exp() * w).sum()
gw, = torch.autograd.grad(loss, w, create_graph=True)
pen = gw.pow(2).sum()
pen.backward()
print(w.grad)

a = torch.tensor([2.0, 3.0], requires_grad=True)
z = a.prod()
ga, = torch.autograd.grad(z, a, create_graph=True)
print(ga, ga.grad_fn is not None)
gaa = torch.autograd.grad(ga.sum(), a, allow_unused=True)
print(gaa)
s = torch.tensor(1.5, requires_grad=True)
u = torch.tensor(0.5, requires_grad=True)
r = torch.autograd.grad((s * 2).sum(), [s, u], allow_unused=True)
print(r)
r2 = torch.autograd.grad((s * 2), [s, u], allow_unused=True, materialize_grads=True)
print(r2)
