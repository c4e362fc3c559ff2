# CyclicLR modes triangular / triangular2 / exp_range, step_size_down, custom scale_fn, momentum cycling.
import torch
from torch.optim.lr_scheduler import CyclicLR

w = torch.nn.Parameter(torch.randn(2, 2))


def run(n=14, **kw):
    opt = torch.optim.SGD([w], lr=0.001, momentum=0.9)
    sched = CyclicLR(opt, base_lr=0.001, max_lr=0.006, **kw)
    lrs, moms = [], []
    for _ in range(n):
        opt.step()
        sched.step()
        lrs.append(round(sched.get_last_lr()[0], 7))
        moms.append(round(opt.param_groups[0]["momentum"], 5))
    print(kw.get("mode", "triangular"), {k: v for k, v in kw.items() if k != "scale_fn"})
    print("  lr ", lrs)
    print("  mom", moms)
    return sched


run(step_size_up=3)
run(step_size_up=3, mode="triangular2")
run(step_size_up=2, mode="exp_range", gamma=0.9)
run(step_size_up=2, step_size_down=4)
run(step_size_up=3, scale_fn=lambda x: 1 / (2.0 ** (x - 1)), scale_mode="cycle")
run(step_size_up=3, scale_fn=lambda x: 0.95 ** x, scale_mode="iterations", cycle_momentum=False)
s = run(step_size_up=2, base_momentum=0.7, max_momentum=0.85)
sd = s.state_dict()
print(sorted(k for k in sd if not k.startswith("_")))
print(sd["total_size"], sd["step_ratio"], sd["mode"], sd["scale_mode"], sd["last_epoch"])

opt = torch.optim.Adam([w], lr=0.001)
s = CyclicLR(opt, base_lr=0.001, max_lr=0.01, step_size_up=2, cycle_momentum=False)
for _ in range(4):
    opt.step()
    s.step()
print("adam", s.get_last_lr(), opt.param_groups[0]["betas"])
try:
    CyclicLR(torch.optim.Adam([w], lr=0.001), base_lr=0.001, max_lr=0.01)
except ValueError as e:
    print("ValueError:", e)
try:
    CyclicLR(torch.optim.SGD([w], lr=0.001, momentum=0.9), base_lr=0.001, max_lr=0.01, mode="bogus")
except ValueError as e:
    print("ValueError:", e)
