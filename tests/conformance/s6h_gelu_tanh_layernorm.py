# GPT-2 blocks: GELU(approximate='tanh') vs the NewGELU formula written with math.sqrt(2/pi) and
# torch.pow(x, 3.0); nn.LayerNorm(bias=False) (nanoGPT's LayerNorm with optional bias) vs F.layer_norm;
# state_dict keys, gradients, and a pre-norm residual MLP forward/backward.
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class NewGELU(nn.Module):
    def forward(self, x):
        return 0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * torch.pow(x, 3.0))))


class LayerNorm(nn.Module):
    def __init__(self, ndim, bias):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(ndim))
        self.bias = nn.Parameter(torch.zeros(ndim)) if bias else None

    def forward(self, input):
        return F.layer_norm(input, self.weight.shape, self.weight, self.bias, 1e-5)


x = torch.linspace(-4, 4, 9, requires_grad=True)
g1 = nn.GELU(approximate="tanh")
print(g1, g1(x))
print((g1(x) - NewGELU()(x)).abs().max().item() < 1e-6, (F.gelu(x) - g1(x)).abs().max().item())
g1(x).sum().backward()
print(x.grad)
ln = nn.LayerNorm(6, bias=False)
print(ln, ln.bias, list(ln.state_dict().keys()))
mine = LayerNorm(6, bias=False)
h = torch.randn(3, 4, 6, requires_grad=True)
with torch.no_grad():
    ln.weight.mul_(torch.linspace(0.5, 1.5, 6))
    mine.weight.copy_(ln.weight)
print((ln(h) - mine(h)).abs().max().item() < 1e-6, sum(p.numel() for p in ln.parameters()))


class Block(nn.Module):
    def __init__(self, d, bias):
        super().__init__()
        self.ln_2 = LayerNorm(d, bias=bias)
        self.c_fc = nn.Linear(d, 4 * d, bias=bias)
        self.gelu = nn.GELU(approximate="tanh")
        self.c_proj = nn.Linear(4 * d, d, bias=bias)

    def forward(self, x):
        return x + self.c_proj(self.gelu(self.c_fc(self.ln_2(x))))


for bias in (True, False):
    blk = Block(6, bias)
    out = blk(h)
    out.pow(2).mean().backward()
    print(bias, out[0, 0], blk.c_fc.weight.grad.norm().item(), [n for n, _ in blk.named_parameters()])
print(h.grad[2, 3])
