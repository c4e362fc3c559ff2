# Writing your own optimizer by subclassing torch.optim.Optimizer (SGD with momentum, Lion-style sign update),
# closures, per-group defaults, state, state_dict round trip and the repr.
import torch
import torch.nn as nn
from torch.optim import Optimizer


class MomentumSGD(Optimizer):
    def __init__(self, params, lr=0.01, momentum=0.9, weight_decay=0.0):
        if lr < 0.0:
            raise ValueError(f"Invalid learning rate: {lr}")
        defaults = dict(lr=lr, momentum=momentum, weight_decay=weight_decay)
        super().__init__(params, defaults)

    @torch.no_grad()
    def step(self, closure=None):
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is None:
                    continue
                d_p = p.grad
                if group["weight_decay"] != 0:
                    d_p = d_p.add(p, alpha=group["weight_decay"])
                state = self.state[p]
                if len(state) == 0:
                    state["velocity"] = torch.zeros_like(p)
                    state["step"] = 0
                v = state["velocity"]
                v.mul_(group["momentum"]).add_(d_p)
                state["step"] += 1
                p.add_(v, alpha=-group["lr"])
        return loss


class Lion(Optimizer):
    def __init__(self, params, lr=1e-4, betas=(0.9, 0.99)):
        super().__init__(params, dict(lr=lr, betas=betas))

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            b1, b2 = group["betas"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                st = self.state[p]
                if "exp_avg" not in st:
                    st["exp_avg"] = torch.zeros_like(p)
                m = st["exp_avg"]
                update = (m * b1 + p.grad * (1 - b1)).sign()
                p.add_(update, alpha=-group["lr"])
                m.lerp_(p.grad, 1 - b2)


torch.manual_seed(0)
X = torch.randn(32, 3)
y = X @ torch.tensor([[1.0], [2.0], [-1.0]])
for cls, kw in [(MomentumSGD, dict(lr=0.02)), (MomentumSGD, dict(lr=0.02, weight_decay=0.1)), (Lion, dict(lr=0.05))]:
    torch.manual_seed(1)
    model = nn.Linear(3, 1)
    opt = cls(model.parameters(), **kw)

    def closure():
        opt.zero_grad()
        loss = nn.functional.mse_loss(model(X), y)
        loss.backward()
        return loss

    losses = []
    for _ in range(6):
        loss = opt.step(closure) if cls is MomentumSGD else (closure(), opt.step())[0]
        losses.append(round(loss.item(), 5))
    print(cls.__name__, kw, losses)
    print("  w", model.weight.detach().numpy().round(5))

print(opt)
sd = opt.state_dict()
print(sorted(sd), sd["param_groups"], sorted(sd["state"][0]))
opt2 = Lion(nn.Linear(3, 1).parameters(), lr=1.0)
opt2.load_state_dict(sd)
print(opt2.param_groups[0]["lr"], opt2.param_groups[0]["betas"], sorted(opt2.state.values().__iter__().__next__()))
m = MomentumSGD([{"params": [nn.Parameter(torch.ones(2))], "lr": 0.5}, {"params": [nn.Parameter(torch.ones(1))]}],
                lr=0.1, momentum=0.0)
print([(g["lr"], g["momentum"], g["weight_decay"]) for g in m.param_groups])
try:
    MomentumSGD(nn.Linear(1, 1).parameters(), lr=-1)
except ValueError as e:
    print("ValueError:", e)
