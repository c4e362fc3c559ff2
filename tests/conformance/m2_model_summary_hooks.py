# Printing model summaries: print(model), named_modules, a forward-hook summary table, buffers, extra_repr.
import torch
import torch.nn as nn

torch.manual_seed(0)


class Scale(nn.Module):
    def __init__(self, n, init=1.0):
        super().__init__()
        self.alpha = nn.Parameter(torch.full((n,), init))
        self.register_buffer("calls", torch.zeros((), dtype=torch.long))
        self.register_buffer("tmp", torch.ones(2), persistent=False)

    def forward(self, x):
        self.calls += 1
        return x * self.alpha

    def extra_repr(self):
        return f"n={self.alpha.numel()}"


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Conv2d(1, 4, 3, stride=2, padding=1), nn.PReLU(), nn.Conv2d(4, 8, 3),
                                  nn.SiLU(), nn.AdaptiveMaxPool2d(1), nn.Flatten())
        self.scale = Scale(8)
        self.params = nn.ParameterList([nn.Parameter(torch.randn(8)) for _ in range(2)])
        self.pdict = nn.ParameterDict({"b": nn.Parameter(torch.zeros(3))})
        self.head = nn.Sequential(nn.Linear(8, 3), nn.Identity(), nn.Unflatten(1, (3, 1)))

    def forward(self, x):
        h = self.scale(self.body(x)) + self.params[0] * self.params[1]
        return self.head(h).squeeze(-1) + self.pdict["b"]


net = Net()
print(net)
for name, mod in net.named_modules():
    print(repr(name), type(mod).__name__)
print([n for n, _ in net.named_buffers()], list(net.state_dict().keys()))
total = 0
for name, p in net.named_parameters():
    print(f"{name:25s} {str(list(p.shape)):15s} {p.numel()}")
    total += p.numel()
print("Total params:", total)
rows = []


def hook(module, inp, out):
    rows.append((type(module).__name__, tuple(inp[0].shape), tuple(out.shape)))


handles = [m.register_forward_hook(hook) for m in net.modules() if len(list(m.children())) == 0]
out = net(torch.randn(2, 1, 9, 9))
for r in rows:
    print(r)
for h in handles:
    h.remove()
rows.clear()
net(torch.randn(1, 1, 9, 9))
print(len(rows), net.scale.calls, out)
print(len(list(net.children())), len(list(net.modules())), len(list(net.parameters())))
print(net.get_submodule("body.2"), net.get_parameter("scale.alpha").shape)
net.double()
print(net.scale.alpha.dtype, net.scale.calls.dtype, net(torch.randn(1, 1, 9, 9, dtype=torch.float64)).dtype)
net.float()
net.zero_grad()
print(all(p.grad is None for p in net.parameters()))
print(net.training, net.eval().training, net.body[0].training, net.train(True).training)
print(net.pdict, net.params)
