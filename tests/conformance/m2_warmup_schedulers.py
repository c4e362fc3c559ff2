# Warmup + cosine via LambdaLR, SequentialLR, OneCycleLR, ReduceLROnPlateau; printing param_groups lr.
import math

import torch
import torch.nn as nn

torch.manual_seed(2)
model = nn.Linear(4, 1)
opt = torch.optim.AdamW(model.parameters(), lr=1e-3, betas=(0.9, 0.98), weight_decay=0.01)
warmup, total = 5, 20


def lr_lambda(step):
    if step < warmup:
        return float(step + 1) / float(warmup)
    progress = (step - warmup) / max(1, total - warmup)
    return 0.5 * (1.0 + math.cos(math.pi * progress))


sched = torch.optim.lr_scheduler.LambdaLR(opt, lr_lambda)
x, y = torch.randn(16, 4), torch.randn(16, 1)
lrs = []
for _ in range(total):
    loss = nn.functional.mse_loss(model(x), y)
    opt.zero_grad()
    loss.backward()
    opt.step()
    sched.step()
    lrs.append(opt.param_groups[0]["lr"])
print([f"{v:.6f}" for v in lrs])
print(sched.get_last_lr(), sched.last_epoch)
print(model.weight.data, loss.item())
print(sorted(opt.param_groups[0].keys()))
print(sorted(sched.state_dict().keys()))

opt2 = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
s1 = torch.optim.lr_scheduler.LinearLR(opt2, start_factor=0.1, total_iters=3)
s2 = torch.optim.lr_scheduler.CosineAnnealingLR(opt2, T_max=6, eta_min=0.001)
seq = torch.optim.lr_scheduler.SequentialLR(opt2, schedulers=[s1, s2], milestones=[3])
out = []
for _ in range(10):
    opt2.step()
    seq.step()
    out.append(round(opt2.param_groups[0]["lr"], 6))
print(out)

opt3 = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
oc = torch.optim.lr_scheduler.OneCycleLR(opt3, max_lr=0.5, total_steps=12)
vals = []
for _ in range(12):
    opt3.step()
    oc.step()
    vals.append((round(opt3.param_groups[0]["lr"], 6), round(opt3.param_groups[0]["momentum"], 6)))
print(vals)

opt4 = torch.optim.Adam(model.parameters(), lr=0.01)
plateau = torch.optim.lr_scheduler.ReduceLROnPlateau(opt4, mode="min", factor=0.5, patience=2)
for val_loss in [1.0, 0.9, 0.95, 0.93, 0.92, 0.91, 0.99, 0.98, 0.97, 0.5]:
    plateau.step(val_loss)
    print(val_loss, opt4.param_groups[0]["lr"], plateau.num_bad_epochs)
opt5 = torch.optim.SGD([{"params": model.weight}, {"params": model.bias, "lr": 1.0}], lr=0.1)
step_s = torch.optim.lr_scheduler.StepLR(opt5, step_size=2, gamma=0.5)
for _ in range(5):
    opt5.step()
    step_s.step()
    print([g["lr"] for g in opt5.param_groups], step_s.get_last_lr())
exp = torch.optim.lr_scheduler.ExponentialLR(torch.optim.SGD(model.parameters(), lr=1.0), gamma=0.9)
for _ in range(3):
    exp.optimizer.step()
    exp.step()
print(exp.get_last_lr())
