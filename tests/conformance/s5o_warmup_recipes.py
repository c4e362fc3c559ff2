# Warmup recipes people copy: linear warmup + cosine via LambdaLR, Noam (transformer) schedule,
# HF-style get_linear_schedule_with_warmup written by hand, and a manual per-iteration warmup.
import math

import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Linear(8, 8)


def cosine_with_warmup(opt, warmup, total):
    def f(step):
        if step < warmup:
            return float(step) / float(max(1, warmup))
        progress = float(step - warmup) / float(max(1, total - warmup))
        return max(0.0, 0.5 * (1.0 + math.cos(math.pi * progress)))
    return torch.optim.lr_scheduler.LambdaLR(opt, f)


def noam(opt, d_model, warmup):
    return torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: d_model ** -0.5 * min((s + 1) ** -0.5, (s + 1) * warmup ** -1.5))


def linear_with_warmup(opt, warmup, total, last_epoch=-1):
    def f(step):
        if step < warmup:
            return step / max(1, warmup)
        return max(0.0, (total - step) / max(1, total - warmup))
    return torch.optim.lr_scheduler.LambdaLR(opt, f, last_epoch)


for name, make, base in [("cosine", lambda o: cosine_with_warmup(o, 3, 12), 1e-3),
                         ("noam", lambda o: noam(o, 512, 4), 1.0),
                         ("linear", lambda o: linear_with_warmup(o, 2, 10), 5e-4)]:
    opt = torch.optim.AdamW(model.parameters(), lr=base, betas=(0.9, 0.98), eps=1e-9)
    sched = make(opt)
    lrs = [opt.param_groups[0]["lr"]]
    for step in range(12):
        opt.step()
        sched.step()
        lrs.append(sched.get_last_lr()[0])
    print(name, " ".join(f"{v:.3e}" for v in lrs))

# manual warmup inside the loop
opt = torch.optim.SGD(model.parameters(), lr=0.0)
base_lr, warmup_iters = 0.1, 5
x = torch.randn(16, 8)
for it in range(8):
    lr = base_lr * min(1.0, (it + 1) / warmup_iters)
    for g in opt.param_groups:
        g["lr"] = lr
    opt.zero_grad()
    loss = model(x).pow(2).mean()
    loss.backward()
    opt.step()
    print(f"it {it} lr {lr:.3f} loss {loss.item():.6f}")

# warmup combined with a scheduler created with last_epoch to resume
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for g in opt.param_groups:
    g["initial_lr"] = 0.1
sched = linear_with_warmup(opt, 2, 10, last_epoch=4)
print("resumed at", sched.last_epoch, sched.get_last_lr(), opt.param_groups[0]["lr"])
try:
    torch.optim.lr_scheduler.StepLR(torch.optim.SGD(model.parameters(), lr=0.1), 2, last_epoch=3)
except KeyError as e:
    print("KeyError:", e)
