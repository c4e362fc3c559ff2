# ReduceLROnPlateau: mode min/max, threshold_mode rel/abs, patience, cooldown, min_lr per group, eps.
import torch
from torch.optim.lr_scheduler import ReduceLROnPlateau

val_losses = [1.0, 0.9, 0.89, 0.889, 0.95, 0.9, 0.88, 0.87, 0.9, 0.91, 0.92, 0.93, 0.7, 0.71, 0.72, 0.73]


def run(metrics, **kw):
    a = torch.nn.Parameter(torch.zeros(1))
    b = torch.nn.Parameter(torch.zeros(1))
    opt = torch.optim.SGD([{"params": [a]}, {"params": [b], "lr": 0.05}], lr=0.1)
    sched = ReduceLROnPlateau(opt, **kw)
    out = []
    for epoch, m in enumerate(metrics):
        opt.step()
        sched.step(m)
        out.append("/".join(f"{g['lr']:.5g}" for g in opt.param_groups))
    print(kw)
    print("  ", out)
    print("   best", sched.best, "bad", sched.num_bad_epochs, "cooldown", sched.cooldown_counter,
          "last_lr", sched.get_last_lr())
    return sched


run(val_losses, patience=1)
run(val_losses, patience=2, factor=0.5)
run(val_losses, patience=0, factor=0.5, cooldown=2)
run(val_losses, patience=1, threshold=0.05, threshold_mode="abs")
run(val_losses, patience=1, threshold=0.05)
run(val_losses, patience=0, factor=0.1, min_lr=[0.001, 0.004])
run(val_losses, patience=0, factor=0.5, min_lr=0.02, eps=0.01)
accs = [0.5, 0.6, 0.61, 0.6, 0.59, 0.7, 0.69, 0.69, 0.68, 0.71]
s = run(accs, mode="max", patience=1, factor=0.2)
sd = s.state_dict()
print(sorted(sd))
print(sd["mode"], sd["threshold_mode"], sd["patience"], sd["factor"], sd["min_lrs"], sd["last_epoch"])
try:
    ReduceLROnPlateau(torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=0.1), factor=1.0)
except ValueError as e:
    print("ValueError:", e)
try:
    ReduceLROnPlateau(torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=0.1), mode="avg")
except ValueError as e:
    print("ValueError:", e)
try:
    ReduceLROnPlateau(torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=0.1), min_lr=[0.1, 0.2])
except ValueError as e:
    print("ValueError:", e)
# a tensor metric works too
s = ReduceLROnPlateau(torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=0.1), patience=0)
for v in [torch.tensor(1.0), torch.tensor(2.0), torch.tensor(3.0)]:
    s.step(v)
print(s.get_last_lr(), float(s.best))
