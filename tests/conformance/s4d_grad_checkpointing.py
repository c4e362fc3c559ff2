# Gradient checkpointing as in memory-saving tutorials: checkpoint with use_reentrant False/True around
# blocks that contain dropout (RNG replay), checkpoint_sequential over an nn.Sequential, gradients equal
# to the plain run, and the reentrant variant's requires_grad behaviour when inputs do not require grad.
import warnings

import torch
from torch import nn
from torch.utils.checkpoint import checkpoint, checkpoint_sequential

warnings.simplefilter("ignore")


class Block(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.lin1 = nn.Linear(d, 2 * d)
        self.drop = nn.Dropout(0.3)
        self.lin2 = nn.Linear(2 * d, d)
        self.norm = nn.LayerNorm(d)

    def forward(self, x):
        return self.norm(x + self.lin2(self.drop(torch.relu(self.lin1(x)))))


class Net(nn.Module):
    def __init__(self, d, n, mode):
        super().__init__()
        self.blocks = nn.ModuleList([Block(d) for _ in range(n)])
        self.head = nn.Linear(d, 1)
        self.mode = mode

    def forward(self, x):
        for blk in self.blocks:
            if self.mode == "plain":
                x = blk(x)
            else:
                x = checkpoint(blk, x, use_reentrant=self.mode == "reentrant")
        return self.head(x)


x = torch.randn(6, 8)
y = torch.randn(6, 1)
results = {}
for mode in ("plain", "non_reentrant", "reentrant"):
    torch.manual_seed(0)
    net = Net(8, 3, mode)
    opt = torch.optim.SGD(net.parameters(), lr=0.05)
    inp = x.clone().requires_grad_(True)
    losses = []
    for step in range(3):
        torch.manual_seed(10 + step)
        loss = nn.functional.mse_loss(net(inp), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(round(loss.item(), 6))
    results[mode] = (losses, net.blocks[0].lin1.weight.grad.clone(), inp.grad.clone())
    print(mode, losses, net.blocks[1].lin2.bias.grad[:3], inp.grad[0, :3])
print(torch.allclose(results["plain"][1], results["reentrant"][1], atol=1e-6),
      torch.allclose(results["plain"][2], results["non_reentrant"][2], atol=1e-6))
torch.manual_seed(0)
seq = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 8), nn.Tanh(), nn.Linear(8, 2))
inp = torch.randn(3, 4, requires_grad=True)
out = checkpoint_sequential(seq, 2, inp, use_reentrant=False)
out.sum().backward()
g1 = inp.grad.clone()
inp.grad = None
seq(inp).sum().backward()
print(out, torch.allclose(g1, inp.grad), seq[0].weight.grad.shape)
out = checkpoint_sequential(seq, 3, inp, use_reentrant=True)
print(out.requires_grad, out)
lin = nn.Linear(2, 2)
plain_in = torch.ones(1, 2)
print(checkpoint(lin, plain_in, use_reentrant=True).requires_grad,
      checkpoint(lin, plain_in, use_reentrant=False).requires_grad)
z = checkpoint(lambda a, b: a * b, torch.ones(2, requires_grad=True), 3.0, use_reentrant=True)
print(z)
