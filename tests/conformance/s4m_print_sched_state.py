# print(scheduler.state_dict()) for the common schedulers, before and after stepping.
import torch
import torch.nn as nn

torch.manual_seed(0)


def fresh(lr=0.1, **kw):
    return torch.optim.SGD(nn.Linear(2, 1).parameters(), lr=lr, **kw)


def show(sched, steps=3):
    print(type(sched).__name__)
    print(sched.state_dict())
    for _ in range(steps):
        sched.optimizer.step()
        sched.step()
    print(sched.state_dict())
    print(sched.get_last_lr())


show(torch.optim.lr_scheduler.StepLR(fresh(), step_size=2, gamma=0.5))
show(torch.optim.lr_scheduler.MultiStepLR(fresh(), milestones=[1, 2], gamma=0.1))
show(torch.optim.lr_scheduler.ExponentialLR(fresh(), gamma=0.9))
show(torch.optim.lr_scheduler.CosineAnnealingLR(fresh(), T_max=10, eta_min=0.001))
show(torch.optim.lr_scheduler.LinearLR(fresh(), start_factor=0.5, total_iters=4))
show(torch.optim.lr_scheduler.ConstantLR(fresh(), factor=0.5, total_iters=2))
show(torch.optim.lr_scheduler.PolynomialLR(fresh(), total_iters=5, power=2.0))
show(torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(fresh(), T_0=2, T_mult=2))
show(torch.optim.lr_scheduler.OneCycleLR(fresh(momentum=0.9), max_lr=1.0, total_steps=10))
show(torch.optim.lr_scheduler.CyclicLR(fresh(momentum=0.9), base_lr=0.01, max_lr=0.1, step_size_up=2))
lam = torch.optim.lr_scheduler.LambdaLR(fresh(), lr_lambda=lambda e: 0.95 ** e)
show(lam)
mult = torch.optim.lr_scheduler.MultiplicativeLR(fresh(), lr_lambda=lambda e: 0.9)
show(mult)
opt = fresh()
seq = torch.optim.lr_scheduler.SequentialLR(opt, [torch.optim.lr_scheduler.LinearLR(opt, 0.1, total_iters=2),
                                                  torch.optim.lr_scheduler.ExponentialLR(opt, 0.9)], milestones=[2])
show(seq, 4)
plateau = torch.optim.lr_scheduler.ReduceLROnPlateau(fresh(), patience=1, factor=0.5)
print(plateau.state_dict())
for v in [1.0, 1.0, 1.0, 1.0, 0.5]:
    plateau.step(v)
print(plateau.state_dict())
print(plateau.get_last_lr(), plateau.num_bad_epochs, plateau.best)
