# Module introspection used in vision code: named_modules (with prefixes, memo of shared modules),
# children vs modules, named_parameters/buffers, register_buffer (persistent and non-persistent) for
# normalisation constants, state_dict contents, get_submodule / get_parameter, counting layers by type,
# module.extra_repr in a custom layer, and zero_grad(set_to_none=...).
import torch
import torch.nn as nn

torch.manual_seed(0)


class Normalize(nn.Module):
    def __init__(self, mean, std):
        super().__init__()
        self.register_buffer("mean", torch.tensor(mean).view(1, -1, 1, 1))
        self.register_buffer("std", torch.tensor(std).view(1, -1, 1, 1))
        self.register_buffer("calls", torch.zeros((), dtype=torch.long), persistent=False)

    def forward(self, x):
        self.calls += 1
        return (x - self.mean) / self.std

    def extra_repr(self):
        return f"channels={self.mean.numel()}"


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.norm = Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])
        self.features = nn.Sequential(nn.Conv2d(3, 6, 3), nn.BatchNorm2d(6), nn.ReLU(), nn.Conv2d(6, 6, 3))
        self.shared = nn.Linear(6, 6)
        self.classifier = nn.Sequential(self.shared, nn.ReLU(), self.shared)

    def forward(self, x):
        x = self.features(self.norm(x)).mean(dim=(2, 3))
        return self.classifier(x)


net = Net()
print(net)
for name, m in net.named_modules():
    print(repr(name), type(m).__name__)
print(len(list(net.modules())), len(list(net.children())), [n for n, _ in net.named_children()])
print([n for n, _ in net.named_modules(prefix="model")][:4])
print([(n, tuple(p.shape)) for n, p in net.named_parameters()])
print([(n, tuple(b.shape), b.dtype) for n, b in net.named_buffers()])
print(list(net.state_dict().keys()))
print("norm.calls" in net.state_dict(), net.norm.calls)
x = torch.rand(2, 3, 7, 7)
out = net(x)
net(x)
print(out.shape, net.norm.calls, net.norm.mean.flatten())
counts = {}
for m in net.modules():
    counts[type(m).__name__] = counts.get(type(m).__name__, 0) + 1
print(counts)
print(net.get_submodule("features.1"), net.get_parameter("features.0.bias").shape)
print(net.get_buffer("features.1.running_var"))
out.sum().backward()
print(net.shared.weight.grad.shape, net.features[0].weight.grad.abs().sum().item() > 0)
net.zero_grad()
print(net.shared.weight.grad)
out = net(x)
out.sum().backward()
net.zero_grad(set_to_none=False)
print(net.shared.weight.grad.abs().sum())
net.norm.register_buffer("scratch", None)
print(list(dict(net.norm.named_buffers()).keys()))
try:
    net.norm.register_buffer("mean", [1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    net.register_buffer("a.b", torch.zeros(1))
except KeyError as e:
    print("KeyError:", e)
try:
    net.get_submodule("features.9")
except AttributeError as e:
    print("AttributeError:", e)
