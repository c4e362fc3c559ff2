# Tensor hooks, module forward/backward hooks, gradient clipping by norm and by value.
import torch
import torch.nn as nn

x = torch.randn(3, requires_grad=True)
seen = []
h = x.register_hook(lambda g: seen.append(g.clone()))
x.register_hook(lambda g: g * 2)
(x ** 2).sum().backward()
print(seen[0], x.grad)
h.remove()

y = torch.randn(2, 2, requires_grad=True)
z = y * 3
z.retain_grad()
z.sum().backward()
print(z.grad, y.grad, z.is_leaf, z.requires_grad)

model = nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 2))
acts = {}


def fwd_hook(module, inp, out):
    acts[type(module).__name__ + str(len(acts))] = tuple(out.shape)


def pre_hook(module, inp):
    return (inp[0] * 0 + 1,)


handles = [m.register_forward_hook(fwd_hook) for m in model]
ph = model[0].register_forward_pre_hook(pre_hook)
out = model(torch.randn(5, 4))
print(acts, out)
for hd in handles:
    hd.remove()
ph.remove()
grads = []
bh = model[2].register_full_backward_hook(lambda m, gi, go: grads.append((gi[0].shape, go[0].shape)))
model(torch.randn(5, 4)).sum().backward()
print(grads)
bh.remove()

for p in model.parameters():
    p.grad = torch.full_like(p, 3.0)
total = nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
print(total, sum(p.grad.pow(2).sum() for p in model.parameters()).sqrt())
for p in model.parameters():
    p.grad = torch.linspace(-5, 5, p.numel()).view_as(p)
print(nn.utils.clip_grad_norm_(model.parameters(), 2.0, norm_type=1.0))
print(nn.utils.clip_grad_norm_(model.parameters(), 0.5, norm_type=float("inf")))
nn.utils.clip_grad_value_(model.parameters(), clip_value=0.01)
print(model[0].weight.grad)
vec = nn.utils.parameters_to_vector(model.parameters())
print(vec.shape)
nn.utils.vector_to_parameters(torch.arange(vec.numel(), dtype=torch.float32) / 100, model.parameters())
print(model[2].bias)
