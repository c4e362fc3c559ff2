# LR logging across schedulers and the classic "scheduler.step() before optimizer.step()" warning,
# SequentialLR warmup->cosine, epoch-level logs of param_groups lr vs get_last_lr, and chaining.
import warnings

import torch
import torch.nn as nn
from torch.optim.lr_scheduler import CosineAnnealingLR, LinearLR, MultiStepLR, SequentialLR

torch.manual_seed(0)
model = nn.Linear(3, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
sched = MultiStepLR(opt, milestones=[2, 4], gamma=0.1)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    sched.step()
    opt.step()
    print(len(w), [str(x.category.__name__) for x in w])
    print(str(w[0].message)[:80] if w else "no warning")
print(opt.param_groups[0]["lr"], sched.get_last_lr())
opt = torch.optim.AdamW(model.parameters(), lr=1e-3)
warm = LinearLR(opt, start_factor=0.1, total_iters=3)
cos = CosineAnnealingLR(opt, T_max=5, eta_min=1e-5)
sched = SequentialLR(opt, schedulers=[warm, cos], milestones=[3])
x = torch.randn(8, 3)
y = torch.randn(8, 1)
for epoch in range(9):
    opt.zero_grad()
    loss = nn.functional.mse_loss(model(x), y)
    loss.backward()
    opt.step()
    current = opt.param_groups[0]["lr"]
    sched.step()
    print(f"epoch {epoch} lr {current:.6e} next {sched.get_last_lr()[0]:.6e} loss {loss.item():.5f}")
print(type(sched.get_last_lr()).__name__, len(sched.get_last_lr()), sched.last_epoch)
opt2 = torch.optim.SGD([{"params": model.weight}, {"params": model.bias, "lr": 1.0}], lr=0.5)
s2 = torch.optim.lr_scheduler.ExponentialLR(opt2, gamma=0.5)
for _ in range(3):
    opt2.step()
    s2.step()
    print([round(g["lr"], 6) for g in opt2.param_groups], s2.get_last_lr())
print({f"lr_group{i}": g["lr"] for i, g in enumerate(opt2.param_groups)})
