# backward() twice without retain_graph (error text), retain_graph=True accumulation, backward on non-scalar,
# backward(gradient=...), grads on non-leaf (retain_grad / warning attribute), inputs= argument.
import torch

a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
b = a * a
loss = b.sum()
loss.backward(retain_graph=True)
print("first", a.grad)
loss.backward()
print("second (accumulated)", a.grad)
try:
    loss.backward()
except RuntimeError as e:
    print("RuntimeError:", str(e).split(".")[0])

a.grad = None
c = a.exp()
d = c.sum()
d.backward()
try:
    d.backward()
except RuntimeError as e:
    print("RuntimeError:", str(e)[:80])

v = a * 2
try:
    v.backward()
except RuntimeError as e:
    print("RuntimeError:", e)
a.grad = None
v.backward(torch.tensor([1.0, 0.1, 0.01]))
print("vector backward", a.grad)

a.grad = None
m = a * 3
m.retain_grad()
n = (m ** 2).sum()
n.backward()
print("retain_grad", m.grad, a.grad, m.is_leaf, m.retains_grad, a.retains_grad)

x = torch.tensor([1.0, 2.0], requires_grad=True)
y = torch.tensor([3.0, 4.0], requires_grad=True)
(x * y).sum().backward(inputs=[x])
print("inputs=[x]", x.grad, y.grad)

s = torch.tensor(5.0, requires_grad=True)
t = s * s
t.backward()
t2 = s * s
t2.backward()
print("grad over two graphs", s.grad)
try:
    torch.tensor([1.0, 2.0]).sum().backward()
except RuntimeError as e:
    print("RuntimeError:", e)

lin = torch.nn.Linear(2, 1)
out = lin(torch.ones(3, 2))
out.mean().backward()
print(lin.weight.grad, lin.bias.grad)
try:
    out.mean().backward()
except RuntimeError as e:
    print("RuntimeError:", str(e).split(".")[0])
