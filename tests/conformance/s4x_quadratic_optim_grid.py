# optimizer option grid on an ill-conditioned quadratic bowl; learning-rate schedule interplay; state dict keys.
import torch

A = torch.diag(torch.tensor([1.0, 10.0, 100.0]))
target = torch.tensor([1.0, -1.0, 0.5])


def f(p):
    d = p - target
    return 0.5 * d @ A @ d


grid = [
    ("SGD", dict(lr=0.01, momentum=0.9)),
    ("SGD", dict(lr=0.01, momentum=0.9, nesterov=True, weight_decay=1e-3)),
    ("SGD", dict(lr=0.005, maximize=False, dampening=0.2, momentum=0.3)),
    ("Adam", dict(lr=0.1, betas=(0.8, 0.99), eps=1e-6)),
    ("Adam", dict(lr=0.1, amsgrad=True)),
    ("AdamW", dict(lr=0.1, weight_decay=0.1)),
    ("AdamW", dict(lr=0.1, weight_decay=0.1, amsgrad=True)),
    ("NAdam", dict(lr=0.1, momentum_decay=0.004)),
    ("NAdam", dict(lr=0.1, decoupled_weight_decay=True, weight_decay=0.01)),
    ("RAdam", dict(lr=0.1, decoupled_weight_decay=True, weight_decay=0.01)),
    ("Adamax", dict(lr=0.1, weight_decay=0.01)),
    ("Adagrad", dict(lr=0.5, lr_decay=0.01, initial_accumulator_value=0.1)),
    ("Adadelta", dict(lr=1.0, rho=0.8)),
    ("RMSprop", dict(lr=0.01, alpha=0.9, momentum=0.2, centered=True, weight_decay=0.01)),
    ("Rprop", dict(lr=0.05, etas=(0.4, 1.3), step_sizes=(1e-5, 1.0))),
    ("ASGD", dict(lr=0.01, lambd=1e-3, alpha=0.5, t0=10)),
]
for name, kw in grid:
    p = torch.zeros(3, requires_grad=True)
    opt = getattr(torch.optim, name)([p], **kw)
    sched = torch.optim.lr_scheduler.StepLR(opt, step_size=20, gamma=0.5)
    for step in range(60):
        opt.zero_grad()
        loss = f(p)
        loss.backward()
        opt.step()
        sched.step()
    st = opt.state_dict()
    print(name, f"{f(p).item():.6f}", p.detach(), sorted(st["state"][0].keys()), opt.param_groups[0]["lr"])
p = torch.zeros(3, requires_grad=True)
opt = torch.optim.SGD([p], lr=0.01, maximize=True)
for _ in range(3):
    opt.zero_grad()
    (-f(p)).backward()
    opt.step()
print(p)
