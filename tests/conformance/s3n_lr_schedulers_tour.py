# LR schedulers printed epoch by epoch with get_last_lr(), as in blog posts comparing schedules.
import torch
import torch.nn as nn
from torch.optim import lr_scheduler


def fresh(lr=0.1, groups=False, **kw):
    m = nn.Linear(2, 1)
    if groups:
        return torch.optim.SGD([{"params": [m.weight]}, {"params": [m.bias], "lr": lr * 10}], lr=lr, **kw)
    return torch.optim.SGD(m.parameters(), lr=lr, **kw)


def trace(name, make_sched, epochs=8, groups=False, metric=None, **kw):
    opt = fresh(groups=groups, **kw)
    sched = make_sched(opt)
    out = []
    for epoch in range(epochs):
        opt.step()
        if metric is not None:
            sched.step(metric[epoch])
        else:
            sched.step()
        out.append([round(v, 6) for v in sched.get_last_lr()] if groups else round(sched.get_last_lr()[0], 6))
    print(name, out)
    return sched


trace("StepLR", lambda o: lr_scheduler.StepLR(o, step_size=3, gamma=0.5))
trace("MultiStepLR", lambda o: lr_scheduler.MultiStepLR(o, milestones=[2, 5], gamma=0.1), groups=True)
trace("ExponentialLR", lambda o: lr_scheduler.ExponentialLR(o, gamma=0.9))
trace("CosineAnnealingLR", lambda o: lr_scheduler.CosineAnnealingLR(o, T_max=6, eta_min=0.001), epochs=12)
trace("CosineWarmRestarts", lambda o: lr_scheduler.CosineAnnealingWarmRestarts(o, T_0=3, T_mult=2), epochs=10)
trace("LambdaLR", lambda o: lr_scheduler.LambdaLR(o, lr_lambda=lambda e: 1 / (e + 1)))
trace("LambdaLR groups", lambda o: lr_scheduler.LambdaLR(o, [lambda e: 0.9 ** e, lambda e: 1.0 - e / 10]), groups=True)
trace("MultiplicativeLR", lambda o: lr_scheduler.MultiplicativeLR(o, lr_lambda=lambda e: 0.95))
trace("LinearLR", lambda o: lr_scheduler.LinearLR(o, start_factor=0.25, total_iters=4))
trace("ConstantLR", lambda o: lr_scheduler.ConstantLR(o, factor=0.5, total_iters=3))
trace("PolynomialLR", lambda o: lr_scheduler.PolynomialLR(o, total_iters=6, power=2.0))
trace("OneCycleLR", lambda o: lr_scheduler.OneCycleLR(o, max_lr=1.0, total_steps=10), epochs=10, momentum=0.9)
trace("OneCycleLR linear", lambda o: lr_scheduler.OneCycleLR(o, max_lr=0.5, total_steps=8, anneal_strategy="linear",
                                                             pct_start=0.25), momentum=0.9)
trace("CyclicLR", lambda o: lr_scheduler.CyclicLR(o, base_lr=0.01, max_lr=0.1, step_size_up=3), epochs=10, momentum=0.9)
trace("CyclicLR tri2", lambda o: lr_scheduler.CyclicLR(o, 0.01, 0.1, step_size_up=2, mode="triangular2"), epochs=10,
      momentum=0.9)
trace("SequentialLR", lambda o: lr_scheduler.SequentialLR(
    o, [lr_scheduler.LinearLR(o, start_factor=0.1, total_iters=3), lr_scheduler.ExponentialLR(o, gamma=0.8)],
    milestones=[3]), epochs=8)
trace("ChainedScheduler", lambda o: lr_scheduler.ChainedScheduler(
    [lr_scheduler.ConstantLR(o, factor=0.5, total_iters=2), lr_scheduler.ExponentialLR(o, gamma=0.9)]))
losses = [1.0, 0.9, 0.91, 0.92, 0.93, 0.5, 0.51, 0.52, 0.53, 0.54]
s = trace("ReduceLROnPlateau", lambda o: lr_scheduler.ReduceLROnPlateau(o, mode="min", factor=0.5, patience=1),
          epochs=10, metric=losses)
print(s.num_bad_epochs, s.best, s.cooldown_counter)
trace("ReduceLROnPlateau max", lambda o: lr_scheduler.ReduceLROnPlateau(o, mode="max", factor=0.1, patience=0,
                                                                       threshold=0.1, min_lr=1e-4),
      epochs=10, metric=[0.1, 0.2, 0.21, 0.22, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5])

opt = fresh()
sched = lr_scheduler.StepLR(opt, step_size=2, gamma=0.1)
for e in range(3):
    opt.step()
    sched.step()
print(sched.state_dict())
print(sched.last_epoch, sched.get_last_lr(), opt.param_groups[0]["initial_lr"])
opt2 = fresh()
sched2 = lr_scheduler.StepLR(opt2, step_size=2, gamma=0.1)
sched2.load_state_dict(sched.state_dict())
print(sched2.last_epoch, sched2.get_last_lr(), sched2.base_lrs)
opt3 = fresh()
cos = lr_scheduler.CosineAnnealingLR(opt3, T_max=4)
for e in range(6):
    print(e, opt3.param_groups[0]["lr"])
    opt3.step()
    cos.step()
