# autograd.graph saved-tensor hooks, anomaly detection, grad_fn inspection, next_functions and metadata.
import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
packed = []


def pack(t):
    packed.append(tuple(t.shape))
    return t.clone()


def unpack(t):
    return t


with torch.autograd.graph.saved_tensors_hooks(pack, unpack):
    y = (x * x).sin()
y.sum().backward()
print(len(packed) > 0, x.grad)
x.grad = None
with torch.autograd.graph.save_on_cpu():
    z = (x.exp() * x).sum()
z.backward()
print(x.grad)
w = x * 2 + 1
print(type(w.grad_fn).__name__, [type(f[0]).__name__ if f[0] is not None else None for f in w.grad_fn.next_functions])
print(w.grad_fn.next_functions[0][0].next_functions[0][0].variable is x)
print(x.grad_fn, x.is_leaf, w.is_leaf)
with torch.autograd.detect_anomaly():
    a = torch.tensor([1.0, 2.0], requires_grad=True)
    (a ** 2).sum().backward()
print(a.grad, torch.is_anomaly_enabled())
torch.autograd.set_detect_anomaly(False)
print(torch.is_anomaly_enabled())
m = torch.nn.Linear(2, 2)
out = m(torch.ones(1, 2)).sum()
print(type(out.grad_fn).__name__)
h = x.register_post_accumulate_grad_hook(lambda p: print("accumulated", p.grad))
(x * 3).sum().backward()
h.remove()
cnt = {"n": 0}


def counter(g):
    cnt["n"] += 1


t = torch.ones(2, requires_grad=True)
t.register_hook(counter)
for _ in range(3):
    (t * 2).sum().backward()
print(cnt, t.grad)
b = torch.ones(2, requires_grad=True)
c = b * 3
c.register_hook(lambda g: print("c grad", g))
d = c.detach()
print(d.grad_fn, c.grad_fn is not None)
(c * d).sum().backward()
print(b.grad)
