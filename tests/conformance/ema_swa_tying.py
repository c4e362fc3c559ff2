# Exponential moving average of weights, AveragedModel/SWALR, weight tying, and shared modules.
import copy

import torch
import torch.nn as nn
from torch.optim.swa_utils import SWALR, AveragedModel

model = nn.Linear(3, 3)
ema = copy.deepcopy(model)
for p in ema.parameters():
    p.requires_grad_(False)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
x = torch.randn(8, 3)
swa = AveragedModel(model)
sched = SWALR(opt, swa_lr=0.05, anneal_epochs=2)
for step in range(5):
    opt.zero_grad()
    model(x).pow(2).mean().backward()
    opt.step()
    with torch.no_grad():
        for pe, pm in zip(ema.parameters(), model.parameters()):
            pe.mul_(0.9).add_(pm, alpha=0.1)
    swa.update_parameters(model)
    sched.step()
    print(step, opt.param_groups[0]["lr"])
print(ema.weight, swa.module.weight, swa.n_averaged)


class Tied(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(5, 4)
        self.out = nn.Linear(4, 5, bias=False)
        self.out.weight = self.emb.weight
        self.shared = nn.Linear(4, 4)
        self.blocks = nn.Sequential(self.shared, nn.ReLU(), self.shared)

    def forward(self, ids):
        return self.out(self.blocks(self.emb(ids)))


t = Tied()
print(len(list(t.parameters())), [n for n, _ in t.named_parameters()], t.out.weight is t.emb.weight)
print(list(t.state_dict().keys()))
t(torch.tensor([1, 2, 3])).sum().backward()
print(t.emb.weight.grad.shape, t.shared.weight.grad.abs().sum() > 0)
