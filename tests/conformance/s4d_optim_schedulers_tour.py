# "Optimizing model parameters" + lr scheduler recipes: each optimizer on the same regression for a few
# steps, then StepLR, MultiStepLR, ExponentialLR, CosineAnnealingLR, OneCycleLR, LambdaLR warmup,
# ReduceLROnPlateau, CosineAnnealingWarmRestarts and SequentialLR printed per epoch.
import torch
from torch import nn

torch.manual_seed(0)
X = torch.randn(64, 5)
y = X @ torch.randn(5, 1) + 0.1 * torch.randn(64, 1)


def make():
    torch.manual_seed(1)
    return nn.Sequential(nn.Linear(5, 8), nn.Tanh(), nn.Linear(8, 1))


opts = {
    "SGD": lambda p: torch.optim.SGD(p, lr=0.05),
    "SGD-nesterov": lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9, nesterov=True),
    "Adam": lambda p: torch.optim.Adam(p, lr=0.01),
    "AdamW": lambda p: torch.optim.AdamW(p, lr=0.01, weight_decay=0.1),
    "Adam-amsgrad": lambda p: torch.optim.Adam(p, lr=0.01, amsgrad=True),
    "RMSprop": lambda p: torch.optim.RMSprop(p, lr=0.01, momentum=0.5),
    "Adagrad": lambda p: torch.optim.Adagrad(p, lr=0.1),
    "Adadelta": lambda p: torch.optim.Adadelta(p, lr=1.0),
    "Adamax": lambda p: torch.optim.Adamax(p, lr=0.02),
    "NAdam": lambda p: torch.optim.NAdam(p, lr=0.01),
    "RAdam": lambda p: torch.optim.RAdam(p, lr=0.01),
}
for name, mk in opts.items():
    model = make()
    opt = mk(model.parameters())
    losses = []
    for step in range(8):
        opt.zero_grad()
        loss = nn.functional.mse_loss(model(X), y)
        loss.backward()
        opt.step()
        losses.append(round(loss.item(), 5))
    print(name, losses)

scheds = {
    "StepLR": lambda o: torch.optim.lr_scheduler.StepLR(o, step_size=3, gamma=0.5),
    "MultiStepLR": lambda o: torch.optim.lr_scheduler.MultiStepLR(o, milestones=[2, 5], gamma=0.1),
    "ExponentialLR": lambda o: torch.optim.lr_scheduler.ExponentialLR(o, gamma=0.9),
    "CosineAnnealingLR": lambda o: torch.optim.lr_scheduler.CosineAnnealingLR(o, T_max=8, eta_min=0.001),
    "OneCycleLR": lambda o: torch.optim.lr_scheduler.OneCycleLR(o, max_lr=0.5, total_steps=10),
    "LambdaLR": lambda o: torch.optim.lr_scheduler.LambdaLR(o, lambda e: min(1.0, (e + 1) / 4)),
    "WarmRestarts": lambda o: torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(o, T_0=3, T_mult=2),
    "Sequential": lambda o: torch.optim.lr_scheduler.SequentialLR(
        o, [torch.optim.lr_scheduler.LinearLR(o, start_factor=0.25, total_iters=3),
            torch.optim.lr_scheduler.ExponentialLR(o, gamma=0.8)], milestones=[3]),
    "Polynomial": lambda o: torch.optim.lr_scheduler.PolynomialLR(o, total_iters=6, power=2.0),
}
for name, mk in scheds.items():
    model = make()
    opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    sched = mk(opt)
    lrs = []
    for epoch in range(9):
        opt.zero_grad()
        loss = nn.functional.mse_loss(model(X), y)
        loss.backward()
        opt.step()
        sched.step()
        lrs.append(round(sched.get_last_lr()[0], 6))
    print(name, lrs, f"{loss.item():.5f}")

model = make()
opt = torch.optim.SGD(model.parameters(), lr=0.1)
plateau = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, mode="min", factor=0.5, patience=1)
for epoch, val in enumerate([1.0, 0.9, 0.95, 0.96, 0.97, 0.5, 0.6, 0.7, 0.8]):
    plateau.step(val)
    print(epoch, opt.param_groups[0]["lr"], plateau.num_bad_epochs)
print(plateau.state_dict()["best"], sorted(k for k in plateau.state_dict() if not k.startswith("_")))
s = torch.optim.lr_scheduler.StepLR(opt, 2)
print(s.state_dict())
