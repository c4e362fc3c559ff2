# Reprs of nn.Parameter, ParameterList, ParameterDict, and how they register.
import torch
import torch.nn as nn

torch.manual_seed(0)
p = nn.Parameter(torch.randn(2, 3))
print(p)
print(repr(nn.Parameter(torch.zeros(2), requires_grad=False)))
print(nn.Parameter(torch.tensor(1.5)))
print(type(p).__name__, isinstance(p, torch.Tensor), p.is_leaf, p.requires_grad)
print(p * 2)
print(type(p * 2).__name__, type(p.data).__name__, type(p.detach()).__name__)
pl = nn.ParameterList([nn.Parameter(torch.ones(2)), nn.Parameter(torch.zeros(3, 4))])
print(pl)
pl.append(nn.Parameter(torch.randn(1)))
print(len(pl), [tuple(q.shape) for q in pl])
pd = nn.ParameterDict({"a": nn.Parameter(torch.ones(2)), "b": nn.Parameter(torch.zeros(1, 2))})
print(pd)
print(list(pd.keys()), "a" in pd, pd["a"])


class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.plist = pl
        self.pdict = pd
        self.plain = [nn.Parameter(torch.ones(1))]
        self.scale = nn.Parameter(torch.tensor(2.0))


m = M()
print(m)
print([n for n, _ in m.named_parameters()])
print(sum(q.numel() for q in m.parameters()))
print(nn.ParameterList())
print(nn.ParameterDict())
pl2 = nn.ParameterList([torch.ones(2)])
print(type(pl2[0]).__name__, pl2[0].requires_grad)
print(nn.Parameter(torch.ones(2, dtype=torch.float64)))
print(nn.Parameter(torch.arange(3), requires_grad=False))
try:
    nn.Parameter(torch.arange(3))
except RuntimeError as e:
    print("RuntimeError", e)
print(nn.Buffer(torch.ones(2)) if hasattr(nn, "Buffer") else "no Buffer")
