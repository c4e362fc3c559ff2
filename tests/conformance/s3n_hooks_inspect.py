# Forward / pre-forward / backward hooks for feature extraction and gradient inspection, tensor hooks,
# removing handles, and hooks that modify outputs or gradients.
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 6), nn.ReLU(), nn.Linear(6, 3), nn.Softmax(dim=1))
activations = {}


def get_activation(name):
    def hook(module, inp, out):
        activations[name] = out.detach()
    return hook


handles = [model[i].register_forward_hook(get_activation(f"layer{i}")) for i in range(3)]
x = torch.randn(2, 4)
out = model(x)
for k, v in activations.items():
    print(k, v.shape, v.sum().item())
for h in handles:
    h.remove()
activations.clear()
model(x)
print(len(activations))


def pre_hook(module, inputs):
    print("pre", type(module).__name__, [tuple(i.shape) for i in inputs])
    return (inputs[0] * 2,)


h = model[0].register_forward_pre_hook(pre_hook)
print(model(x)[0])
h.remove()
print(model(x)[0])


def clamp_hook(module, inp, out):
    return out.clamp(max=0.1)


h = model[2].register_forward_hook(clamp_hook)
print(model(x))
h.remove()

grads = {}


def bwd_hook(module, grad_input, grad_output):
    grads[type(module).__name__ + str(id(module) % 1 == 0)] = (
        [None if g is None else tuple(g.shape) for g in grad_input], [tuple(g.shape) for g in grad_output])
    print("bwd", type(module).__name__, grad_output[0].sum().item())


hs = [m.register_full_backward_hook(bwd_hook) for m in model if isinstance(m, nn.Linear)]
model(x)[:, 0].sum().backward()
print(grads)
for h in hs:
    h.remove()

w = torch.randn(3, requires_grad=True)
seen = []
th = w.register_hook(lambda g: seen.append(g.clone()))
w2 = torch.randn(3, requires_grad=True)
w2.register_hook(lambda g: g * 10)
(w * w2).sum().backward()
print(seen, w.grad, w2.grad)
th.remove()
w.grad = None
(w ** 2).sum().backward()
print(len(seen), w.grad)

y = torch.randn(3, requires_grad=True)
z = y * 3
z.retain_grad()
z.register_hook(lambda g: print("z grad", g))
(z ** 2).sum().backward()
print(z.grad, y.grad)


class Probe(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(3, 3)
        self.calls = 0

    def forward(self, x):
        self.calls += 1
        return self.fc(x)


p = Probe()
p.register_forward_hook(lambda m, i, o: print("kw hook", m.calls, o.shape), with_kwargs=False)
p.register_forward_pre_hook(lambda m, args, kwargs: (args, kwargs), with_kwargs=True)
p(torch.randn(1, 3))
print(p.calls)
pbh = p.fc.register_full_backward_pre_hook(lambda m, go: (go[0] * 0,))
p(torch.randn(2, 3)).sum().backward()
print(p.fc.weight.grad, p.fc.bias.grad)
pbh.remove()

feats = []
conv_net = nn.Sequential(nn.Conv2d(1, 2, 3), nn.ReLU(), nn.Conv2d(2, 4, 3), nn.AdaptiveAvgPool2d(1), nn.Flatten())
for name, m in conv_net.named_modules():
    if isinstance(m, nn.Conv2d):
        m.register_forward_hook(lambda mod, i, o, name=name: feats.append((name, tuple(o.shape), round(o.mean().item(), 5))))
print(conv_net(torch.randn(2, 1, 7, 7)).shape, feats)
