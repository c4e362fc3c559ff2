# Exponential moving average of weights: hand-written EMA class, AveragedModel with get_ema_multi_avg_fn
# and a custom avg_fn, use_buffers=True; compare the three.
import copy

import torch
import torch.nn as nn
from torch.optim.swa_utils import AveragedModel, get_ema_multi_avg_fn

torch.manual_seed(0)


class EMA:
    def __init__(self, model, decay):
        self.decay = decay
        self.shadow = copy.deepcopy(model)
        for p in self.shadow.parameters():
            p.requires_grad_(False)

    @torch.no_grad()
    def update(self, model):
        for s, p in zip(self.shadow.parameters(), model.parameters()):
            s.mul_(self.decay).add_(p, alpha=1 - self.decay)
        for s, b in zip(self.shadow.buffers(), model.buffers()):
            s.copy_(b)


model = nn.Sequential(nn.Linear(3, 4, bias=False), nn.BatchNorm1d(4), nn.Linear(4, 1))
ema = EMA(model, 0.9)
ema2 = AveragedModel(model, multi_avg_fn=get_ema_multi_avg_fn(0.9))
ema3 = AveragedModel(model, avg_fn=lambda avg, new, n: 0.9 * avg + 0.1 * new, use_buffers=True)
opt = torch.optim.Adam(model.parameters(), lr=0.05)
x = torch.randn(20, 3)
t = torch.randn(20, 1)
for step in range(6):
    opt.zero_grad()
    loss = ((model(x) - t) ** 2).mean()
    loss.backward()
    opt.step()
    ema.update(model)
    ema2.update_parameters(model)
    ema3.update_parameters(model)
    print(step, f"{loss.item():.5f}", f"{ema.shadow[0].weight[0, 0].item():.6f}",
          f"{ema2.module[0].weight[0, 0].item():.6f}", f"{ema3.module[0].weight[0, 0].item():.6f}")

# hand EMA seeds from the initial weights, AveragedModel copies the first update: they differ by that
print("hand vs ema2", f"{(ema.shadow[2].weight - ema2.module[2].weight).abs().max().item():.6f}")
print("ema3 buffers", ema3.module[1].running_mean.numpy().round(5), ema3.n_averaged)
print("ema2 buffers", ema2.module[1].running_mean.numpy().round(5))
ema.shadow.eval()
ema2.eval()
with torch.no_grad():
    print("eval", ema.shadow(x[:3]).squeeze(1).numpy().round(5), ema2(x[:3]).squeeze(1).numpy().round(5))
print(ema2.module[0].weight.requires_grad, ema.shadow[0].weight.requires_grad)
