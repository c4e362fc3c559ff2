# StepLR / MultiStepLR / ExponentialLR per epoch with get_last_lr(), two param groups, and state_dict() prints.
import torch
import torch.nn as nn
from torch.optim import lr_scheduler

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 4), nn.ReLU(), nn.Linear(4, 2))


def make_opt():
    return torch.optim.SGD([
        {"params": model[0].parameters()},
        {"params": model[2].parameters(), "lr": 0.01},
    ], lr=0.1, momentum=0.9)


for name, make in [("StepLR", lambda o: lr_scheduler.StepLR(o, step_size=3, gamma=0.5)),
                   ("MultiStepLR", lambda o: lr_scheduler.MultiStepLR(o, milestones=[2, 5, 5], gamma=0.1)),
                   ("ExponentialLR", lambda o: lr_scheduler.ExponentialLR(o, gamma=0.8))]:
    opt = make_opt()
    sched = make(opt)
    print(name)
    for epoch in range(7):
        opt.step()
        sched.step()
        print(f"  epoch {epoch}: lr={sched.get_last_lr()} group0={opt.param_groups[0]['lr']:.6f}")
    sd = sched.state_dict()
    print("  keys", sorted(sd))
    print("  last_epoch", sd["last_epoch"], "base_lrs", sd["base_lrs"], "_last_lr", sd["_last_lr"])
    print("  initial_lr", [g["initial_lr"] for g in opt.param_groups])

# restoring a scheduler from its state_dict continues the same schedule
opt = make_opt()
s1 = lr_scheduler.StepLR(opt, step_size=2, gamma=0.3)
for _ in range(3):
    opt.step()
    s1.step()
state = s1.state_dict()
opt2 = make_opt()
opt2.load_state_dict(opt.state_dict())
s2 = lr_scheduler.StepLR(opt2, step_size=100, gamma=0.9)
s2.load_state_dict(state)
print("restored", s2.step_size, s2.gamma, s2.last_epoch, s2.get_last_lr())
for _ in range(3):
    opt.step()
    s1.step()
    opt2.step()
    s2.step()
    print(s1.get_last_lr(), s2.get_last_lr())
print(type(s2.milestones) if hasattr(s2, "milestones") else "no milestones")
ms = lr_scheduler.MultiStepLR(make_opt(), milestones=[4, 2, 2])
print(ms.milestones, dict(ms.milestones))
