# Learning-rate schedules: the lr each scheduler sets, step by step.
import torch
from torch import nn, optim
from torch.optim import lr_scheduler


def run(make, steps=12, **opt_kw):
    p = nn.Parameter(torch.zeros(2))
    opt = optim.SGD([p], lr=0.1, **opt_kw)
    sched = make(opt)
    lrs = []
    for _ in range(steps):
        opt.step()
        sched.step()
        lrs.append(round(opt.param_groups[0]["lr"], 8))
    return lrs, sched.get_last_lr()


print("StepLR", run(lambda o: lr_scheduler.StepLR(o, step_size=3, gamma=0.5)))
print("MultiStepLR", run(lambda o: lr_scheduler.MultiStepLR(o, milestones=[2, 5, 9], gamma=0.3)))
print("ExponentialLR", run(lambda o: lr_scheduler.ExponentialLR(o, gamma=0.9)))
print("CosineAnnealingLR", run(lambda o: lr_scheduler.CosineAnnealingLR(o, T_max=6, eta_min=0.01)))
print("CosineAnnealingWarmRestarts", run(lambda o: lr_scheduler.CosineAnnealingWarmRestarts(o, T_0=4, T_mult=2)))
print("LambdaLR", run(lambda o: lr_scheduler.LambdaLR(o, lambda e: 1 / (1 + e))))
print("MultiplicativeLR", run(lambda o: lr_scheduler.MultiplicativeLR(o, lambda e: 0.95)))
print("LinearLR", run(lambda o: lr_scheduler.LinearLR(o, start_factor=0.25, total_iters=5)))
print("ConstantLR", run(lambda o: lr_scheduler.ConstantLR(o, factor=0.5, total_iters=4)))
print("PolynomialLR", run(lambda o: lr_scheduler.PolynomialLR(o, total_iters=8, power=2.0)))
print("OneCycleLR", run(lambda o: lr_scheduler.OneCycleLR(o, max_lr=1.0, total_steps=13), momentum=0.9))
print("OneCycleLR linear", run(lambda o: lr_scheduler.OneCycleLR(o, max_lr=0.5, epochs=2, steps_per_epoch=7,
                                                                  anneal_strategy="linear"), momentum=0.9))
print("CyclicLR", run(lambda o: lr_scheduler.CyclicLR(o, base_lr=0.01, max_lr=0.1, step_size_up=3), momentum=0.9))
print("SequentialLR", run(lambda o: lr_scheduler.SequentialLR(
    o, [lr_scheduler.LinearLR(o, start_factor=0.1, total_iters=3), lr_scheduler.ExponentialLR(o, gamma=0.8)],
    milestones=[3])))

p = nn.Parameter(torch.zeros(1))
opt = optim.Adam([p], lr=1.0)
sched = lr_scheduler.ReduceLROnPlateau(opt, mode="min", factor=0.5, patience=2)
for loss in [1.0, 0.9, 0.95, 0.96, 0.97, 0.98, 0.5, 0.6, 0.7, 0.8, 0.9]:
    sched.step(loss)
    print("plateau", loss, opt.param_groups[0]["lr"])
print(sched.state_dict()["best"], sched.state_dict()["num_bad_epochs"])
