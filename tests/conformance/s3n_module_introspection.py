# Inspecting models: named_modules / named_children / named_parameters / named_buffers, get_submodule,
# register_buffer(persistent=False), state_dict keys and shapes, dtype/device moves, ModuleList/ModuleDict.
import torch
import torch.nn as nn


class ResBlock(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.lin1 = nn.Linear(dim, dim)
        self.lin2 = nn.Linear(dim, dim)
        self.norm = nn.LayerNorm(dim)
        self.register_buffer("calls", torch.zeros(1))
        self.register_buffer("cache", torch.ones(2), persistent=False)

    def forward(self, x):
        self.calls += 1
        return self.norm(x + self.lin2(torch.relu(self.lin1(x))))


class Model(nn.Module):
    def __init__(self):
        super().__init__()
        self.inp = nn.Linear(3, 6)
        self.blocks = nn.ModuleList([ResBlock(6) for _ in range(2)])
        self.heads = nn.ModuleDict({"a": nn.Linear(6, 1), "b": nn.Linear(6, 2)})
        self.temperature = nn.Parameter(torch.tensor(1.5))
        self.extra = nn.ParameterList([nn.Parameter(torch.zeros(2))])

    def forward(self, x, head="a"):
        x = self.inp(x)
        for blk in self.blocks:
            x = blk(x)
        return self.heads[head](x) / self.temperature


torch.manual_seed(0)
m = Model()
print([n for n, _ in m.named_modules()])
print([(n, type(c).__name__) for n, c in m.named_children()])
print([n for n, _ in m.named_parameters()])
print([(n, tuple(b.shape)) for n, b in m.named_buffers()])
print([n for n, _ in m.named_parameters(prefix="model", recurse=True)][:3], [n for n, _ in m.named_parameters(recurse=False)])
print([n for n, _ in m.blocks[0].named_buffers(prefix="blk")])
sd = m.state_dict()
for k, v in sd.items():
    print(f"{k:25s} {str(tuple(v.shape)):10s} {v.dtype}")
print(len(sd), "cache" in str(list(sd.keys())))
print(m.get_submodule("blocks.1.norm"), m.get_parameter("heads.b.bias").shape, m.get_buffer("blocks.0.calls"))
print(len(list(m.modules())), len(list(m.children())), len(list(m.parameters())), len(list(m.buffers())))
x = torch.randn(4, 3)
print(m(x).shape, m(x, head="b").shape, m.blocks[1].calls)
print(len(m.blocks), m.blocks[-1] is m.blocks[1], list(m.heads.keys()), "a" in m.heads)
for name, mod in m.heads.items():
    print(name, mod.out_features)
m.blocks.append(ResBlock(6))
m.heads["c"] = nn.Linear(6, 3)
print(len(m.blocks), list(m.heads), len(m.state_dict()))
del m.heads["c"]
m.blocks = m.blocks[:2]
print(type(m.blocks).__name__, len(m.blocks), list(m.heads))
m.double()
print(m.inp.weight.dtype, m.blocks[0].calls.dtype, m.temperature.dtype, m(x.double()).dtype)
m.float()
m.to(torch.float64)
print(m.heads.a.bias.dtype)
m.to(dtype=torch.float32, device="cpu")
print(m.heads.a.bias.dtype, m.inp.weight.device, next(m.parameters()).is_leaf)
m.half()
print(m.inp.weight.dtype)
m.float()
print(m.inp.weight.dtype, isinstance(m.inp.weight, nn.Parameter), type(m.inp.weight).__name__)
print({k: v.dtype for k, v in m.blocks[0].state_dict().items()})
m.zero_grad()
m(x).sum().backward()
print(m.temperature.grad is not None, m.heads.b.weight.grad)
m.zero_grad(set_to_none=True)
print(m.temperature.grad)
print(hasattr(m, "inp"), getattr(m, "missing", "default"), m._modules.keys(), list(m._parameters), list(m._buffers))
print(m.blocks[0]._buffers.keys(), m.blocks[0]._non_persistent_buffers_set)
m.register_module("tail", nn.Tanh())
m.register_parameter("bias0", nn.Parameter(torch.ones(1)))
m.register_parameter("nothing", None)
print([n for n, _ in m.named_children()][-1], [n for n, _ in m.named_parameters()][-2:], m.nothing)
m.new_attr = nn.Linear(1, 1)
print("new_attr" in dict(m.named_children()))
delattr(m, "new_attr")
print("new_attr" in dict(m.named_children()))
