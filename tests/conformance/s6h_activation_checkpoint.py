# torch.utils.checkpoint in a transformer stack: checkpoint(block, x, use_reentrant=False) and
# checkpoint_sequential; gradients must equal the plain forward's, with dropout off; also a function
# taking several tensors and a non-tensor argument.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.checkpoint import checkpoint, checkpoint_sequential

torch.manual_seed(0)


class Block(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.ln1 = nn.LayerNorm(d)
        self.attn = nn.MultiheadAttention(d, 2, batch_first=True)
        self.ln2 = nn.LayerNorm(d)
        self.mlp = nn.Sequential(nn.Linear(d, 4 * d), nn.GELU(approximate="tanh"), nn.Linear(4 * d, d))

    def forward(self, x):
        h = self.ln1(x)
        x = x + self.attn(h, h, h, need_weights=False)[0]
        return x + self.mlp(self.ln2(x))


blocks = nn.ModuleList([Block(8) for _ in range(3)])
x = torch.randn(2, 5, 8, requires_grad=True)


def run(use_ckpt):
    for p in blocks.parameters():
        p.grad = None
    x.grad = None
    h = x
    for b in blocks:
        h = checkpoint(b, h, use_reentrant=False) if use_ckpt else b(h)
    loss = h.pow(2).mean()
    loss.backward()
    return loss.item(), x.grad.clone(), [p.grad.clone() for p in blocks.parameters()]


l0, gx0, gp0 = run(False)
l1, gx1, gp1 = run(True)
print(round(l0, 6), round(l1, 6), (gx0 - gx1).abs().max().item() < 1e-6)
print(max((a - b).abs().max().item() for a, b in zip(gp0, gp1)) < 1e-6, gx1[0, 0])
seq = nn.Sequential(*[nn.Sequential(nn.Linear(8, 8), nn.Tanh()) for _ in range(4)])
y = torch.randn(3, 8, requires_grad=True)
out = checkpoint_sequential(seq, 2, y, use_reentrant=False)
out.sum().backward()
print(out[0], y.grad[1], seq[0][0].weight.grad[0, :3])


def fn(a, b, scale):
    return F.silu(a @ b) * scale


a = torch.randn(3, 4, requires_grad=True)
b = torch.randn(4, 2, requires_grad=True)
r = checkpoint(fn, a, b, 2.0, use_reentrant=False)
r.sum().backward()
print(r, a.grad, b.grad)
