# LinearLR (start/end factor), ConstantLR, PolynomialLR (power) with validation errors and state.
import torch
from torch.optim import lr_scheduler as S

p = [torch.nn.Parameter(torch.zeros(2))]


def show(name, make, n=8, lr=0.05):
    opt = torch.optim.SGD(p, lr=lr)
    s = make(opt)
    vals = [s.get_last_lr()[0]]
    for _ in range(n):
        opt.step()
        s.step()
        vals.append(s.get_last_lr()[0])
    print(name, [round(v, 7) for v in vals])
    return s


show("linear", lambda o: S.LinearLR(o))
show("linear 0.25->1 in 4", lambda o: S.LinearLR(o, start_factor=0.25, end_factor=1.0, total_iters=4))
show("linear decay", lambda o: S.LinearLR(o, start_factor=1.0, end_factor=0.1, total_iters=6))
show("constant", lambda o: S.ConstantLR(o))
s = show("constant 0.1 x2", lambda o: S.ConstantLR(o, factor=0.1, total_iters=2))
print(sorted(s.state_dict().items()))
show("poly", lambda o: S.PolynomialLR(o, total_iters=6))
show("poly p2", lambda o: S.PolynomialLR(o, total_iters=5, power=2.0))
s = show("poly p0.5", lambda o: S.PolynomialLR(o, total_iters=4, power=0.5))
print(sorted(s.state_dict().items()))

for bad in [dict(start_factor=0.0), dict(start_factor=1.5), dict(end_factor=2.0)]:
    try:
        S.LinearLR(torch.optim.SGD(p, lr=0.1), **bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    S.ConstantLR(torch.optim.SGD(p, lr=0.1), factor=1.5)
except ValueError as e:
    print("ValueError:", e)
