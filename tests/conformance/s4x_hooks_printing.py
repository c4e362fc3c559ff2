# Tensor hooks and module hooks that print and modify gradients, with retain_grad and handles.
import torch

torch.manual_seed(0)
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x * 2
y.retain_grad()
h1 = y.register_hook(lambda g: print("y grad", g))
h2 = x.register_hook(lambda g: g * 10)
z = (y ** 2).sum()
z.backward()
print(x.grad, y.grad)
h1.remove()
h2.remove()
x.grad.zero_()
(x * 2 * x).sum().backward()
print(x.grad)

model = torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.ReLU(), torch.nn.Linear(4, 2))
acts = {}


def fwd_hook(name):
    def hook(mod, inp, out):
        acts[name] = out.detach()
        print("fwd", name, type(mod).__name__, tuple(inp[0].shape), tuple(out.shape))
    return hook


def bwd_hook(mod, gin, gout):
    print("bwd", type(mod).__name__, [None if g is None else tuple(g.shape) for g in gin],
          [tuple(g.shape) for g in gout])


def pre_hook(mod, inp):
    print("pre", type(mod).__name__, inp[0].sum().item())


handles = [m.register_forward_hook(fwd_hook(n)) for n, m in model.named_children()]
handles.append(model[2].register_full_backward_hook(bwd_hook))
handles.append(model[0].register_forward_pre_hook(pre_hook))
inp = torch.randn(5, 3)
out = model(inp)
out.sum().backward()
print(sorted(acts), acts["1"].sum())
for h in handles:
    h.remove()
model(inp)
print("removed")

grads = []
for p in model.parameters():
    p.register_hook(lambda g: grads.append(g.norm().item()))
model.zero_grad()
model(inp).pow(2).mean().backward()
print([round(v, 4) for v in grads])

w = torch.randn(3, requires_grad=True)
w.register_hook(lambda g: g.clamp(-0.1, 0.1))
(w * torch.tensor([1.0, -5.0, 0.05])).sum().backward()
print(w.grad)
v = torch.ones(2, requires_grad=True)
u = v * 3
u.register_hook(lambda g: print("u hook", g))
u.register_hook(lambda g: g + 1)
u.register_hook(lambda g: print("after", g))
u.sum().backward()
print(v.grad)
