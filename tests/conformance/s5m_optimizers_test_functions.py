# Classic optimisation test functions (Himmelblau, Beale, Booth, Rosenbrock) minimised with several
# torch.optim optimizers from the same start; prints trajectories and final points.
import torch


def himmelblau(p):
    x, y = p
    return (x ** 2 + y - 11) ** 2 + (x + y ** 2 - 7) ** 2


def beale(p):
    x, y = p
    return (1.5 - x + x * y) ** 2 + (2.25 - x + x * y ** 2) ** 2 + (2.625 - x + x * y ** 3) ** 2


def booth(p):
    x, y = p
    return (x + 2 * y - 7) ** 2 + (2 * x + y - 5) ** 2


def rosenbrock(p):
    x, y = p
    return (1 - x) ** 2 + 100 * (y - x ** 2) ** 2


configs = [
    ("SGD", lambda ps: torch.optim.SGD(ps, lr=1e-3)),
    ("Momentum", lambda ps: torch.optim.SGD(ps, lr=1e-3, momentum=0.9)),
    ("Nesterov", lambda ps: torch.optim.SGD(ps, lr=1e-3, momentum=0.9, nesterov=True)),
    ("Adam", lambda ps: torch.optim.Adam(ps, lr=0.05)),
    ("AdamW", lambda ps: torch.optim.AdamW(ps, lr=0.05, weight_decay=0.0)),
    ("RMSprop", lambda ps: torch.optim.RMSprop(ps, lr=0.01)),
    ("Adagrad", lambda ps: torch.optim.Adagrad(ps, lr=0.5)),
    ("Adadelta", lambda ps: torch.optim.Adadelta(ps, lr=1.0)),
    ("Adamax", lambda ps: torch.optim.Adamax(ps, lr=0.05)),
    ("NAdam", lambda ps: torch.optim.NAdam(ps, lr=0.05)),
    ("RAdam", lambda ps: torch.optim.RAdam(ps, lr=0.05)),
]
starts = {"himmelblau": [0.0, 0.0], "beale": [1.0, 1.0], "booth": [-5.0, 5.0], "rosenbrock": [-1.5, 2.0]}
for fname, fn in [("himmelblau", himmelblau), ("beale", beale), ("booth", booth), ("rosenbrock", rosenbrock)]:
    for name, make in configs:
        p = torch.tensor(starts[fname], requires_grad=True)
        opt = make([p])
        for step in range(120):
            opt.zero_grad()
            loss = fn(p)
            loss.backward()
            opt.step()
        print(f"{fname:10s} {name:9s} f={fn(p).item():.6f} p={p.detach().tolist()}")
p = torch.tensor([-1.5, 2.0], requires_grad=True)
opt = torch.optim.LBFGS([p], lr=1, max_iter=100, line_search_fn="strong_wolfe")


def closure():
    opt.zero_grad()
    loss = rosenbrock(p)
    loss.backward()
    return loss


for i in range(3):
    print("lbfgs", opt.step(closure).item(), p.detach())
