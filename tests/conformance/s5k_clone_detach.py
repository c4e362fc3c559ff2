# clone vs detach vs .data vs copy_: memory sharing, grad flow, version counters, requires_grad propagation.
import torch

a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
c = a.clone()
d = a.detach()
dd = a.data
print(c.requires_grad, c.grad_fn is not None, c.is_leaf, d.requires_grad, d.is_leaf, dd.requires_grad)
d[0] = 100
print(a)
dd[1] = 200
print(a, c)
(c * 2).sum().backward()
print(a.grad)
b = a.detach().clone()
b[2] = -1
print(a, b)
e = torch.zeros(3)
e.copy_(a)
print(e, e.requires_grad, e.grad_fn is not None)
f = torch.zeros(3, dtype=torch.int64)
f.copy_(torch.tensor([1.7, -2.5, 3.9]))
print(f, torch.zeros(2, 3).copy_(torch.tensor([1.0, 2.0, 3.0])), torch.empty(2).copy_(torch.tensor(5)))
x = torch.ones(2, requires_grad=True)
y = x * 3
z = y.detach()
z += 1
print(y, z)
p = torch.ones(3)
q = p.clone()
q += 1
print(p, q, torch.clone(p, memory_format=torch.contiguous_format).is_contiguous(), p.clone().data_ptr() == p.data_ptr())
m = torch.arange(6.0).reshape(2, 3).t()
print(m.clone().stride(), m.clone(memory_format=torch.contiguous_format).stride(), m.contiguous().stride(), m.detach().stride())
w = torch.tensor([1.0, 2.0], requires_grad=True)
w2 = w.detach().requires_grad_()
(w2 ** 2).sum().backward()
print(w.grad, w2.grad, w2.is_leaf)
k = torch.tensor([3.0], requires_grad=True)
kd = k.detach_() if False else k.detach()
print(kd.requires_grad, k.requires_grad, torch.tensor(k.tolist()), torch.as_tensor(k.detach()).requires_grad)
try:
    a.numpy()
except RuntimeError as e:
    print("RuntimeError", e)
print(a.detach().numpy(), type(a.tolist()).__name__, a.detach().cpu().numpy().dtype)
