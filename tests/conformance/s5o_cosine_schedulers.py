# CosineAnnealingLR (eta_min, past T_max) and CosineAnnealingWarmRestarts (T_mult, fractional epochs per batch).
import torch
from torch.optim.lr_scheduler import CosineAnnealingLR, CosineAnnealingWarmRestarts

w = torch.nn.Parameter(torch.zeros(3))

opt = torch.optim.SGD([w], lr=0.5)
sched = CosineAnnealingLR(opt, T_max=5, eta_min=0.05)
print("cosine", [round(sched.get_last_lr()[0], 6)], end=" ")
lrs = []
for epoch in range(12):
    opt.step()
    sched.step()
    lrs.append(round(sched.get_last_lr()[0], 6))
print(lrs)
print(sched.state_dict())

opt = torch.optim.Adam([w], lr=1e-3)
sched = CosineAnnealingWarmRestarts(opt, T_0=3, T_mult=2, eta_min=1e-5)
for epoch in range(12):
    opt.step()
    sched.step()
    print(f"epoch {epoch} lr {sched.get_last_lr()[0]:.8f} T_cur {sched.T_cur} T_i {sched.T_i}")
print(sorted(sched.state_dict().items()))

# per-iteration stepping the docs recommend: scheduler.step(epoch + i / iters)
opt = torch.optim.SGD([w], lr=0.1)
sched = CosineAnnealingWarmRestarts(opt, T_0=2)
iters = 4
for epoch in range(3):
    row = []
    for i in range(iters):
        opt.step()
        sched.step(epoch + i / iters)
        row.append(f"{opt.param_groups[0]['lr']:.5f}")
    print(epoch, row)
print(sched.last_epoch, sched.T_cur)

try:
    CosineAnnealingWarmRestarts(opt, T_0=0)
except ValueError as e:
    print("ValueError:", e)
try:
    CosineAnnealingWarmRestarts(opt, T_0=2, T_mult=0)
except ValueError as e:
    print("ValueError:", e)
