# torch.autograd.grad: grad_outputs, create_graph for second derivatives, allow_unused / materialize_grads,
# retain_graph errors, non-scalar outputs, and grads of a loss w.r.t. intermediate tensors.
import torch

torch.manual_seed(0)
x = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
w = torch.tensor([1.5, 0.3, -0.7], requires_grad=True)
y = (x ** 3 * w).sum()
(gx,) = torch.autograd.grad(y, x, create_graph=True)
print("dy/dx", gx, gx.requires_grad)
(gxx,) = torch.autograd.grad(gx.sum(), x)
print("d2y/dx2", gxx)

y = torch.sin(x) * w
gx, gw = torch.autograd.grad(y, (x, w), grad_outputs=torch.ones_like(y), retain_graph=True)
print("grad_outputs ones", gx, gw)
gx, = torch.autograd.grad(y, x, grad_outputs=torch.tensor([1.0, 0.0, 2.0]))
print("weighted", gx)
y = torch.sin(x) * w

try:
    torch.autograd.grad(y, x)
except RuntimeError as e:
    print("RuntimeError:", e)

z = torch.tensor(1.0, requires_grad=True)
out = (x * 2).sum()
try:
    torch.autograd.grad(out, [x, z])
except RuntimeError as e:
    print("RuntimeError:", e)
out = (x * 2).sum()
print(torch.autograd.grad(out, [x, z], allow_unused=True))
out = (x * 2).sum()
print(torch.autograd.grad(out, [x, z], allow_unused=True, materialize_grads=True))

out = (x * w).sum()
g1 = torch.autograd.grad(out, x, retain_graph=True)
g2 = torch.autograd.grad(out, w)
print("retain then second", g1, g2)
try:
    torch.autograd.grad(out, w)
except RuntimeError as e:
    print("RuntimeError:", str(e).split(".")[0])

c = torch.tensor([1.0, 2.0])
try:
    torch.autograd.grad((c * 2).sum(), c)
except RuntimeError as e:
    print("RuntimeError:", e)

h = x * 3
loss = (h ** 2).sum()
gh, gx = torch.autograd.grad(loss, [h, x])
print("intermediate", gh, gx)
print("x.grad untouched", x.grad)

# gradient penalty (WGAN-GP style)
net = torch.nn.Linear(3, 1)
inp = torch.randn(4, 3, requires_grad=True)
score = net(inp)
grads = torch.autograd.grad(score, inp, grad_outputs=torch.ones_like(score), create_graph=True)[0]
penalty = ((grads.norm(2, dim=1) - 1) ** 2).mean()
penalty.backward()
print("penalty", f"{penalty.item():.6f}", net.weight.grad.numpy().round(5), net.bias.grad)

x2 = torch.tensor(2.0, requires_grad=True)
f = x2 ** 4
d1, = torch.autograd.grad(f, x2, create_graph=True)
d2, = torch.autograd.grad(d1, x2, create_graph=True)
d3, = torch.autograd.grad(d2, x2)
print("derivatives of x^4 at 2:", d1.item(), d2.item(), d3.item())
print(torch.autograd.grad([x.sum(), (2 * x).sum()], x))
