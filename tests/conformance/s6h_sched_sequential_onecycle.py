# Transformer LR recipes with built-in schedulers: SequentialLR(LinearLR warmup -> CosineAnnealingLR with
# eta_min), OneCycleLR on AdamW (cycles beta1), CosineAnnealingWarmRestarts stepped with fractional epochs,
# and the inverse-sqrt "Noam" schedule through LambdaLR; prints lrs and betas per step.
import torch
import torch.nn as nn
from torch.optim.lr_scheduler import (CosineAnnealingLR, CosineAnnealingWarmRestarts, LambdaLR, LinearLR, OneCycleLR,
                                      SequentialLR)

torch.manual_seed(0)


def make():
    m = nn.Linear(4, 2)
    return m, torch.optim.AdamW(m.parameters(), lr=1e-3, betas=(0.9, 0.98), weight_decay=0.01)


x, y = torch.randn(8, 4), torch.randn(8, 2)
m, opt = make()
warm = LinearLR(opt, start_factor=0.01, end_factor=1.0, total_iters=3)
cos = CosineAnnealingLR(opt, T_max=6, eta_min=1e-5)
sched = SequentialLR(opt, schedulers=[warm, cos], milestones=[3])
for step in range(10):
    loss = ((m(x) - y) ** 2).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
    sched.step()
    print("seq", step, f"{sched.get_last_lr()[0]:.8f}", f"{loss.item():.6f}")
m, opt = make()
oc = OneCycleLR(opt, max_lr=1e-2, total_steps=8, pct_start=0.25, anneal_strategy="cos")
for step in range(8):
    opt.step()
    oc.step() if step < 7 else None
    g = opt.param_groups[0]
    print("onecycle", step, f"{g['lr']:.8f}", g["betas"])
m, opt = make()
wr = CosineAnnealingWarmRestarts(opt, T_0=3, T_mult=2, eta_min=1e-6)
iters = 4
for epoch in range(3):
    for i in range(iters):
        opt.step()
        wr.step(epoch + i / iters)
    print("restarts", epoch, [f"{v:.8f}" for v in wr.get_last_lr()], wr.T_cur, wr.T_i)
m, opt = make()
d_model, warmup = 16, 4
noam = LambdaLR(opt, lambda s: d_model ** -0.5 * min((s + 1) ** -0.5, (s + 1) * warmup ** -1.5))
lrs = []
for _ in range(8):
    opt.step()
    noam.step()
    lrs.append(f"{noam.get_last_lr()[0]:.4e}")
print(lrs)
