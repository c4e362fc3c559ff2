# Every optimizer on Rosenbrock, a quadratic bowl and Himmelblau.
import torch


def rosen(p):
    return (1 - p[0]) ** 2 + 100 * (p[1] - p[0] ** 2) ** 2


def bowl(p):
    A = torch.tensor([[3.0, 0.5], [0.5, 1.0]])
    return 0.5 * p @ A @ p - torch.tensor([1.0, -2.0]) @ p


def himmel(p):
    return (p[0] ** 2 + p[1] - 11) ** 2 + (p[0] + p[1] ** 2 - 7) ** 2


opts = {
    "SGD": lambda ps: torch.optim.SGD(ps, lr=1e-3),
    "SGDm": lambda ps: torch.optim.SGD(ps, lr=1e-3, momentum=0.9, nesterov=True),
    "SGDwd": lambda ps: torch.optim.SGD(ps, lr=1e-3, momentum=0.5, dampening=0.1, weight_decay=0.01),
    "Adam": lambda ps: torch.optim.Adam(ps, lr=0.05),
    "AdamAms": lambda ps: torch.optim.Adam(ps, lr=0.05, amsgrad=True, weight_decay=0.01),
    "AdamW": lambda ps: torch.optim.AdamW(ps, lr=0.05),
    "Adamax": lambda ps: torch.optim.Adamax(ps, lr=0.05),
    "NAdam": lambda ps: torch.optim.NAdam(ps, lr=0.05),
    "RAdam": lambda ps: torch.optim.RAdam(ps, lr=0.05),
    "Adagrad": lambda ps: torch.optim.Adagrad(ps, lr=0.3),
    "Adadelta": lambda ps: torch.optim.Adadelta(ps, lr=1.0),
    "RMSprop": lambda ps: torch.optim.RMSprop(ps, lr=0.01),
    "RMSpropC": lambda ps: torch.optim.RMSprop(ps, lr=0.01, centered=True, momentum=0.5),
    "Rprop": lambda ps: torch.optim.Rprop(ps, lr=0.01),
    "ASGD": lambda ps: torch.optim.ASGD(ps, lr=1e-3),
}
for fname, fn, start in (("rosen", rosen, [-1.5, 2.0]), ("bowl", bowl, [2.0, 2.0]), ("himmel", himmel, [0.0, 0.0])):
    for name, make in opts.items():
        p = torch.tensor(start, requires_grad=True)
        opt = make([p])
        for step in range(40):
            opt.zero_grad()
            loss = fn(p)
            loss.backward()
            opt.step()
        print(fname, name, f"{fn(p).item():.5f}", p.detach().numpy().round(4))
