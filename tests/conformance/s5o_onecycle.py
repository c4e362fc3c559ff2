# OneCycleLR: cos vs linear anneal, three_phase, div factors, momentum cycling for SGD and Adam betas.
import torch
from torch.optim.lr_scheduler import OneCycleLR

p = torch.nn.Parameter(torch.ones(2))


def trace(opt, sched, n, key="momentum"):
    rows = []
    for _ in range(n):
        opt.step()
        sched.step()
        g = opt.param_groups[0]
        mom = g["betas"][0] if "betas" in g else g.get(key)
        rows.append(f"{sched.get_last_lr()[0]:.6f}/{mom:.4f}")
    return rows


for strategy in ["cos", "linear"]:
    opt = torch.optim.SGD([p], lr=0.1, momentum=0.9)
    sched = OneCycleLR(opt, max_lr=1.0, total_steps=10, anneal_strategy=strategy)
    print(strategy, opt.param_groups[0]["lr"], trace(opt, sched, 9))

opt = torch.optim.SGD([p], lr=0.1, momentum=0.9)
sched = OneCycleLR(opt, max_lr=0.5, epochs=2, steps_per_epoch=5, pct_start=0.4, div_factor=10,
                   final_div_factor=100, three_phase=True)
print("three_phase", trace(opt, sched, 9))

opt = torch.optim.Adam([p], lr=1e-3)
sched = OneCycleLR(opt, max_lr=0.01, total_steps=8, base_momentum=0.8, max_momentum=0.95)
print("adam", trace(opt, sched, 7))
print("group keys", sorted(opt.param_groups[0].keys()))

opt = torch.optim.SGD([p], lr=0.1, momentum=0.9)
sched = OneCycleLR(opt, max_lr=0.3, total_steps=6, cycle_momentum=False)
print("no momentum cycling", trace(opt, sched, 5))
sd = sched.state_dict()
print(sorted(k for k in sd if not k.startswith("_")))
print(sd["total_steps"], sd["last_epoch"], [round(x, 6) for x in sd["base_lrs"]])

opt = torch.optim.SGD([p], lr=0.1, momentum=0.9)
sched = OneCycleLR(opt, max_lr=0.3, total_steps=3)
for _ in range(3):
    opt.step()
    sched.step()
try:
    opt.step()
    sched.step()
except ValueError as e:
    print("ValueError:", e)
try:
    OneCycleLR(opt, max_lr=0.3)
except ValueError as e:
    print("ValueError:", e)
try:
    OneCycleLR(opt, max_lr=0.3, total_steps=5, anneal_strategy="cubic")
except ValueError as e:
    print("ValueError:", e)
