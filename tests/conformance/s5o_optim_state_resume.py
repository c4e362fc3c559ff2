# Checkpointing optimizer + scheduler: state_dict() layout, save/load via BytesIO, resumed run equals straight run.
import io

import torch
import torch.nn as nn

torch.manual_seed(0)
X = torch.randn(24, 3)
Y = torch.randn(24, 2)


def build():
    torch.manual_seed(5)
    model = nn.Linear(3, 2)
    opt = torch.optim.AdamW(model.parameters(), lr=0.05, amsgrad=True)
    sched = torch.optim.lr_scheduler.StepLR(opt, step_size=2, gamma=0.5)
    return model, opt, sched


def train(model, opt, sched, steps):
    for _ in range(steps):
        opt.zero_grad()
        loss = nn.functional.mse_loss(model(X), Y)
        loss.backward()
        opt.step()
        sched.step()
    return loss.item()


model, opt, sched = build()
train(model, opt, sched, 3)
sd = opt.state_dict()
print(sorted(sd), list(sd["state"]), sorted(sd["state"][0]))
print(sd["state"][1]["step"], sd["state"][1]["exp_avg"].numpy().round(5))
pg = sd["param_groups"][0]
print({k: v for k, v in sorted(pg.items())})

buf = io.BytesIO()
torch.save({"model": model.state_dict(), "opt": opt.state_dict(), "sched": sched.state_dict(), "epoch": 3}, buf)
train(model, opt, sched, 4)
straight = model.weight.detach().clone()

buf.seek(0)
ckpt = torch.load(buf)
m2, o2, s2 = build()
m2.load_state_dict(ckpt["model"])
o2.load_state_dict(ckpt["opt"])
s2.load_state_dict(ckpt["sched"])
print("resume epoch", ckpt["epoch"], "lr", o2.param_groups[0]["lr"], s2.get_last_lr())
train(m2, o2, s2, 4)
print("same after resume:", torch.allclose(straight, m2.weight), (straight - m2.weight).abs().max().item())
print(m2.weight.detach().numpy().round(5))

# state is keyed by the parameter objects after loading
print(all(p in o2.state for p in m2.parameters()), type(o2.state).__name__)
st = o2.state[m2.bias]
print(sorted(st), st["exp_avg_sq"].dtype, st["max_exp_avg_sq"].shape)

# mismatched groups
try:
    o3 = torch.optim.AdamW([{"params": [m2.weight]}, {"params": [m2.bias]}])
    o3.load_state_dict(ckpt["opt"])
except ValueError as e:
    print("ValueError:", e)
