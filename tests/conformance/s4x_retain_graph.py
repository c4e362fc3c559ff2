# retain_graph, backward twice errors, grad accumulation across calls, backward with gradient argument.
import torch

x = torch.tensor([0.5, 1.5], requires_grad=True)
y = torch.exp(x).sum()
y.backward(retain_graph=True)
print(x.grad)
y.backward()
print(x.grad)
try:
    y.backward()
except RuntimeError as e:
    print("RuntimeError", "second time" in str(e))
x.grad = None
m = x.unsqueeze(1) * torch.tensor([[1.0, 2.0]])
m.backward(torch.ones(2, 2))
print(x.grad)
try:
    m2 = x * 2
    m2.backward()
except RuntimeError as e:
    print("RuntimeError:", e)
x.grad = None
l1 = (x ** 2).sum()
l2 = (x ** 3).sum()
torch.autograd.backward([l1, l2])
print(x.grad)
x.grad = None
torch.autograd.backward([x * 2], [torch.tensor([1.0, -1.0])])
print(x.grad)
g = torch.autograd.grad([(x ** 2).sum(), x.sum()], x)
print(g)
g = torch.autograd.grad(x * x, x, torch.tensor([2.0, 3.0]))
print(g)
a = torch.tensor(2.0, requires_grad=True)
b = a * a
c = b * 3
d = b * 4
c.backward(retain_graph=True)
print(a.grad)
d.backward()
print(a.grad)
s = torch.zeros(())
w = torch.tensor([1.0, 2.0], requires_grad=True)
for i in range(3):
    loss = (w * (i + 1)).sum()
    loss.backward()
    print(i, w.grad)
print(w.grad.data_ptr() == w.grad.data_ptr(), w.grad.requires_grad)
try:
    torch.autograd.grad((w * 2).sum(), torch.ones(2, requires_grad=True))
except RuntimeError as e:
    print("RuntimeError:", e)
