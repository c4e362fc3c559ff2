# Tensor.register_hook: inspecting, scaling, replacing grads, hooks on leaf vs intermediate tensors, handle.remove(),
# post-accumulate-grad hooks, gradient masking to freeze rows of an embedding.
import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
seen = []
h1 = x.register_hook(lambda g: seen.append(g.clone()))
h2 = x.register_hook(lambda g: g * 10)
(x ** 2).sum().backward()
print("seen", seen, "grad", x.grad)
h2.remove()
x.grad = None
(x ** 2).sum().backward()
print("after remove", x.grad, len(seen))
h1.remove()

y = torch.tensor([2.0, -1.0], requires_grad=True)
mid = y * 3
mid.register_hook(lambda g: print("  mid grad", g))
mid.register_hook(lambda g: g.clamp(min=0))
out = (mid ** 2).sum()
out.backward()
print("clamped through intermediate", y.grad, mid.grad)

emb = torch.nn.Embedding(5, 2)
with torch.no_grad():
    emb.weight.copy_(torch.arange(10.0).reshape(5, 2))
mask = torch.ones(5, 1)
mask[0] = 0
emb.weight.register_hook(lambda g: g * mask)
loss = emb(torch.tensor([0, 1, 0, 3])).sum()
loss.backward()
print("masked embedding grad", emb.weight.grad)

w = torch.nn.Parameter(torch.tensor([1.0, 1.0]))
opt = torch.optim.SGD([w], lr=0.5)
calls = []


def step_in_hook(p):
    calls.append(p.grad.clone())
    opt.step()
    opt.zero_grad()


w.register_post_accumulate_grad_hook(step_in_hook)
for _ in range(3):
    (w * torch.tensor([1.0, -2.0])).sum().backward()
print("optimizer in backward", w.detach(), len(calls), w.grad)

z = torch.tensor(3.0, requires_grad=True)
z.register_hook(lambda g: print("  hook returns None, grad", g))
(z * z).backward()
print(z.grad)
try:
    torch.tensor(1.0).register_hook(lambda g: g)
except RuntimeError as e:
    print("RuntimeError:", e)

a = torch.tensor([1.0, 2.0], requires_grad=True)
b = a * 2
c = b + 1
order = []
a.register_hook(lambda g: order.append("a"))
b.register_hook(lambda g: order.append("b"))
c.register_hook(lambda g: order.append("c"))
c.sum().backward()
print("hook order", order)
