# Weight initialisation loops as written in blog posts and courses: model.apply(init_fn) with isinstance
# checks, kaiming_uniform_/kaiming_normal_ (fan_in/fan_out, relu/leaky_relu a=0.2), xavier_uniform_/normal_
# with calculate_gain, orthogonal_ (and its orthogonality), trunc_normal_, zeros_/ones_/constant_, eye_ and
# dirac_ for conv identity init, _calculate_fan_in_and_fan_out, and init under torch.no_grad().
import math

import torch
import torch.nn as nn

torch.manual_seed(0)


def stats(t):
    return f"mean={t.mean().item():.5f} std={t.std().item():.5f} min={t.min().item():.5f} max={t.max().item():.5f}"


net = nn.Sequential(nn.Conv2d(3, 16, 3), nn.BatchNorm2d(16), nn.LeakyReLU(0.2), nn.Conv2d(16, 8, 3, groups=2),
                    nn.Flatten(), nn.Linear(8 * 4 * 4, 32), nn.Tanh(), nn.Linear(32, 10))


def init_weights(m):
    if isinstance(m, nn.Conv2d):
        nn.init.kaiming_normal_(m.weight, a=0.2, mode="fan_out", nonlinearity="leaky_relu")
        if m.bias is not None:
            nn.init.zeros_(m.bias)
    elif isinstance(m, nn.BatchNorm2d):
        nn.init.ones_(m.weight)
        nn.init.zeros_(m.bias)
    elif isinstance(m, nn.Linear):
        nn.init.xavier_uniform_(m.weight, gain=nn.init.calculate_gain("tanh"))
        nn.init.constant_(m.bias, 0.01)


ret = net.apply(init_weights)
print(ret is net)
for name, p in net.named_parameters():
    print(name, tuple(p.shape), stats(p) if p.numel() > 1 else p.item())
for m in [net[0], net[3], net[5]]:
    fi, fo = nn.init._calculate_fan_in_and_fan_out(m.weight)
    print(type(m).__name__, fi, fo)
for nl, arg in [("linear", None), ("conv2d", None), ("sigmoid", None), ("tanh", None), ("relu", None),
                ("leaky_relu", None), ("leaky_relu", 0.2), ("selu", None)]:
    print(nl, arg, nn.init.calculate_gain(nl, arg))

w = torch.empty(64, 32)
nn.init.kaiming_uniform_(w, a=math.sqrt(5))
print("kaiming_uniform a=sqrt5", stats(w), f"bound={1 / math.sqrt(32):.5f}")
nn.init.kaiming_normal_(w, mode="fan_in")
print("kaiming_normal fan_in", stats(w), f"expected std={math.sqrt(2 / 32):.5f}")
nn.init.xavier_normal_(w)
print("xavier_normal", stats(w), f"expected std={math.sqrt(2 / 96):.5f}")
nn.init.orthogonal_(w)
print("orthogonal", torch.allclose(w.t() @ w, torch.eye(32), atol=1e-5), stats(w))
q = torch.empty(4, 6)
nn.init.orthogonal_(q, gain=2.0)
print(q @ q.t())
nn.init.trunc_normal_(w, std=0.02)
print("trunc_normal", stats(w), bool((w.abs() <= 2).all()))
nn.init.trunc_normal_(w, mean=0.0, std=1.0, a=-0.5, b=0.5)
print("trunc [-0.5,0.5]", stats(w))
nn.init.uniform_(w, -0.1, 0.1)
nn.init.normal_(w, mean=1.0, std=0.5)
print(stats(w))
e = torch.empty(3, 5)
print(nn.init.eye_(e))
d = torch.empty(4, 2, 3, 3)
nn.init.dirac_(d, groups=2)
print(d.sum(dim=(2, 3)), d[0, 0])
conv = nn.Conv2d(2, 2, 3, padding=1, bias=False)
nn.init.dirac_(conv.weight)
x = torch.randn(1, 2, 4, 4)
print(torch.allclose(conv(x), x))
lin = nn.Linear(4, 3)
with torch.no_grad():
    lin.weight.copy_(torch.arange(12.0).view(3, 4) / 10)
    lin.bias.fill_(-1.0)
print(lin.weight, lin.bias, lin.weight.requires_grad, lin.weight.is_leaf)
nn.init.sparse_(torch.empty(6, 4), sparsity=0.5)
sp = nn.init.sparse_(torch.empty(6, 4), sparsity=0.5)
print((sp == 0).sum(dim=0))
try:
    nn.init.xavier_uniform_(torch.empty(5))
except ValueError as e:
    print("ValueError:", e)
try:
    nn.init.calculate_gain("gelu")
except ValueError as e:
    print("ValueError:", e)
