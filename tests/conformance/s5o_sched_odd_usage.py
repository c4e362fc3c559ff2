# Scheduler usages seen in older code: step(epoch) with an explicit epoch (closed form), schedulers created
# after changing lr by hand, get_lr() vs get_last_lr(), stacking two schedulers on one optimizer, lr as a tensor.
import warnings

import torch
from torch.optim import lr_scheduler as S

warnings.simplefilter("ignore")
p = torch.nn.Parameter(torch.zeros(2))

for make in [lambda o: S.StepLR(o, 2, 0.5), lambda o: S.ExponentialLR(o, 0.9),
             lambda o: S.CosineAnnealingLR(o, T_max=6, eta_min=0.01), lambda o: S.MultiStepLR(o, [1, 3], 0.1),
             lambda o: S.LinearLR(o, 0.2, total_iters=4), lambda o: S.PolynomialLR(o, 4, 2.0),
             lambda o: S.ConstantLR(o, 0.3, 2)]:
    opt = torch.optim.SGD([p], lr=0.4)
    s = make(opt)
    vals = []
    for epoch in [1, 2, 5, 3, 0]:
        opt.step()
        s.step(epoch)
        vals.append(round(opt.param_groups[0]["lr"], 6))
    print(type(s).__name__, vals, s.last_epoch)

opt = torch.optim.SGD([p], lr=1.0)
s1 = S.StepLR(opt, step_size=2, gamma=0.5)
s2 = S.ExponentialLR(opt, gamma=0.9)
for epoch in range(5):
    opt.step()
    s1.step()
    s2.step()
    print("stacked", epoch, round(opt.param_groups[0]["lr"], 6), [round(v, 6) for v in s1.get_last_lr()],
          [round(v, 6) for v in s2.get_last_lr()])

opt = torch.optim.SGD([p], lr=1.0)
s = S.CosineAnnealingLR(opt, T_max=4)
opt.step()
s.step()
opt.param_groups[0]["lr"] = 0.3
for _ in range(4):
    opt.step()
    s.step()
    print("cosine after manual edit", round(s.get_last_lr()[0], 6))

opt = torch.optim.SGD([p], lr=0.5)
s = S.ExponentialLR(opt, gamma=0.5)
opt.step()
s.step()
print("get_lr", s.get_lr(), "get_last_lr", s.get_last_lr())

opt = torch.optim.Adam([p], lr=torch.tensor(0.01))
print(type(opt.param_groups[0]["lr"]).__name__, opt.param_groups[0]["lr"])
s = S.StepLR(opt, 1, 0.5)
for _ in range(2):
    p.grad = torch.ones(2)
    opt.step()
    s.step()
print(opt.param_groups[0]["lr"], p.detach().numpy().round(6), s.get_last_lr())

opt = torch.optim.SGD([p], lr=0.1)
s = S.MultiStepLR(opt, milestones=[2, 4], gamma=0.5)
print(s.last_epoch, s._step_count, s.base_lrs)
for _ in range(5):
    opt.step()
    s.step()
print(s.last_epoch, s._step_count, s.get_last_lr())
print(S.LRScheduler.__name__, isinstance(s, S.LRScheduler), issubclass(S.ReduceLROnPlateau, S.LRScheduler))
