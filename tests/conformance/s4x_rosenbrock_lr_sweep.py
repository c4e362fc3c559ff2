# learning-rate sweeps on Rosenbrock / Beale with SGD+momentum, Adam and LBFGS; track best value and divergence.
import math

import torch


def rosen(p):
    return (1 - p[0]) ** 2 + 100 * (p[1] - p[0] ** 2) ** 2


def beale(p):
    x, y = p[0], p[1]
    return (1.5 - x + x * y) ** 2 + (2.25 - x + x * y ** 2) ** 2 + (2.625 - x + x * y ** 3) ** 2


for fn, start in ((rosen, [-1.0, 1.5]), (beale, [1.0, 1.0])):
    for lr in (1e-4, 1e-3, 2e-3):
        p = torch.tensor(start, requires_grad=True)
        opt = torch.optim.SGD([p], lr=lr, momentum=0.9)
        best = math.inf
        for i in range(100):
            opt.zero_grad()
            l = fn(p)
            if not torch.isfinite(l):
                print(fn.__name__, "SGD", lr, "diverged at", i)
                break
            best = min(best, l.item())
            l.backward()
            torch.nn.utils.clip_grad_norm_([p], 10.0)
            opt.step()
        print(fn.__name__, "SGD", lr, f"{best:.5f}", p.detach())
    for lr in (0.01, 0.05, 0.2):
        p = torch.tensor(start, requires_grad=True)
        opt = torch.optim.Adam([p], lr=lr)
        sched = torch.optim.lr_scheduler.ExponentialLR(opt, gamma=0.99)
        for i in range(100):
            opt.zero_grad()
            l = fn(p)
            l.backward()
            opt.step()
            sched.step()
        print(fn.__name__, "Adam", lr, f"{fn(p).item():.5f}", p.detach(), f"{sched.get_last_lr()[0]:.6f}")
    p = torch.tensor(start, dtype=torch.float64, requires_grad=True)
    opt = torch.optim.LBFGS([p], line_search_fn="strong_wolfe", max_iter=100, tolerance_grad=1e-10)

    def closure():
        opt.zero_grad()
        l = fn(p)
        l.backward()
        return l

    opt.step(closure)
    print(fn.__name__, "LBFGS", f"{fn(p).item():.8f}", p.detach(), opt.state[p]["n_iter"])
