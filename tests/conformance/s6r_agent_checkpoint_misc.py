# Agent housekeeping: gradient ascent with optimizer maximize=True vs negated loss, add_param_group for a
# temperature parameter added later, per-group lr, clip_grad_norm_ with foreach / error_if_nonfinite,
# saving a whole agent (nets, optimizers, RNG state, replay stats) to BytesIO and resuming bit-exactly,
# and episode statistics with unique(return_counts) / bincount / scatter_reduce.
import io

import torch
import torch.nn as nn

torch.manual_seed(0)
w1 = torch.randn(4, requires_grad=True)
w2 = w1.detach().clone().requires_grad_(True)
o1 = torch.optim.Adam([w1], lr=0.1, maximize=True)
o2 = torch.optim.Adam([w2], lr=0.1)
for _ in range(5):
    for w, o, sign in ((w1, o1, 1.0), (w2, o2, -1.0)):
        o.zero_grad()
        (sign * -(w - 1).pow(2).sum()).backward()
        o.step()
print(w1, torch.allclose(w1, w2))
s1 = torch.randn(3, requires_grad=True)
sg = torch.optim.SGD([s1], lr=0.1, momentum=0.9, maximize=True)
for _ in range(3):
    sg.zero_grad()
    (-(s1 ** 2).sum()).backward()
    sg.step()
print(s1)

pi = nn.Linear(3, 2)
opt = torch.optim.Adam(pi.parameters(), lr=1e-3)
log_alpha = torch.zeros(1, requires_grad=True)
opt.add_param_group({"params": [log_alpha], "lr": 1e-2})
print(len(opt.param_groups), [g["lr"] for g in opt.param_groups], opt.param_groups[1]["betas"])
x = torch.randn(6, 3)
for _ in range(3):
    loss = pi(x).pow(2).mean() * log_alpha.exp() - log_alpha.sum() * 0.1
    opt.zero_grad()
    loss.backward()
    n = nn.utils.clip_grad_norm_(list(pi.parameters()) + [log_alpha], 0.05, foreach=True)
    opt.step()
    print(f"{loss.item():.6f} {n.item():.6f} {log_alpha.item():.6f}")
log_alpha.grad = torch.tensor([float("nan")])
try:
    nn.utils.clip_grad_norm_([log_alpha], 1.0, error_if_nonfinite=True)
except RuntimeError as e:
    print("RuntimeError", "non-finite" in str(e))

buf = io.BytesIO()
torch.save({"pi": pi.state_dict(), "opt": opt.state_dict(), "log_alpha": log_alpha.detach(),
            "rng": torch.get_rng_state(), "steps": 123}, buf)
after = [torch.rand(2) for _ in range(2)]
buf.seek(0)
ck = torch.load(buf)
pi2 = nn.Linear(3, 2)
pi2.load_state_dict(ck["pi"])
la2 = ck["log_alpha"].clone().requires_grad_(True)
opt2 = torch.optim.Adam(pi2.parameters(), lr=1e-3)
opt2.add_param_group({"params": [la2], "lr": 1e-2})
opt2.load_state_dict(ck["opt"])
torch.set_rng_state(ck["rng"])
print(all(torch.equal(a, torch.rand(2)) for a in after), ck["steps"], opt2.state_dict()["state"][2]["step"])
log_alpha.grad = None
for net, o, la in ((pi, opt, log_alpha), (pi2, opt2, la2)):
    loss = net(x).pow(2).mean() * la.exp() - la.sum() * 0.1
    o.zero_grad()
    loss.backward()
    o.step()
print(torch.equal(pi.weight, pi2.weight), torch.equal(log_alpha, la2))

ep_len = torch.tensor([5, 3, 5, 9, 3, 3, 12])
vals, counts = torch.unique(ep_len, return_counts=True)
print(vals, counts, torch.bincount(ep_len, minlength=13))
env_id = torch.tensor([0, 1, 0, 2, 1, 1, 2])
ret = torch.tensor([1.0, 2.0, 3.0, -1.0, 0.5, 4.0, 2.0])
print(torch.zeros(3).scatter_reduce(0, env_id, ret, reduce="amax", include_self=False),
      torch.zeros(3).scatter_reduce(0, env_id, ret, reduce="mean", include_self=False),
      torch.zeros(3).index_add(0, env_id, ret) / torch.bincount(env_id))
