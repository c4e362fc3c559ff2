# d2l 12.1 "Compilers and interpreters": get_net, torch.jit.script(net), same outputs, a Benchmark-like
# helper that only counts calls, net.save / torch.jit.load round trip, traced modules and scripted functions.
import os
import tempfile

import torch
from torch import nn


def get_net():
    net = nn.Sequential(nn.Linear(512, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(), nn.Linear(128, 2))
    return net


class Benchmark:
    def __init__(self, description="Done"):
        self.description = description
        self.calls = 0

    def __enter__(self):
        return self

    def __exit__(self, *args):
        print(f"{self.description}: {self.calls} calls")


torch.manual_seed(0)
x = torch.randn(size=(1, 512))
net = get_net()
print(net(x))
net2 = torch.jit.script(net)
print(net2(x))
print(torch.equal(net(x), net2(x)), type(net2).__name__, isinstance(net2, nn.Module))
print(net2)
for name, n in (("无torchscript", net), ("有torchscript", net2)):
    with Benchmark(name) as b:
        for i in range(20):
            n(x)
            b.calls += 1
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "my_mlp")
    net2.save(path)
    print(os.path.exists(path))
    net3 = torch.jit.load(path)
    print(type(net3).__name__, torch.allclose(net3(x), net(x)))


class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(8, 16)
        self.out = nn.Linear(16, 3)

    def forward(self, X):
        return self.out(torch.relu(self.hidden(X)))


mlp = MLP()
scripted = torch.jit.script(mlp)
traced = torch.jit.trace(mlp, torch.ones(2, 8))
print(scripted)
print(traced)
print(scripted.original_name, type(traced).__name__, scripted.hidden.weight is mlp.hidden.weight)
inp = torch.randn(4, 8)
print(scripted(inp), traced(inp) - mlp(inp))
scripted.eval()
print(mlp.training, scripted.training, list(dict(scripted.named_parameters())))
opt = torch.optim.SGD(scripted.parameters(), lr=0.1)
for step in range(3):
    loss = scripted(inp).pow(2).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(step, f"{loss.item():.6f}", f"{mlp.out.bias.sum().item():.6f}")


@torch.jit.script
def fused_gelu(x):
    return x * 0.5 * (1.0 + torch.erf(x / 1.41421))


print(type(fused_gelu).__name__, fused_gelu(torch.linspace(-2, 2, 5)), torch.jit.is_scripting())
