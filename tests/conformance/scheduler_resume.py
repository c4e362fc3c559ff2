# Resuming training: model + optimizer + scheduler state_dicts through a checkpoint, continuing identically.
import io

import torch
import torch.nn as nn


def make():
    torch.manual_seed(5)
    model = nn.Sequential(nn.Linear(2, 4), nn.Tanh(), nn.Linear(4, 1))
    opt = torch.optim.Adam(model.parameters(), lr=0.05)
    sched = torch.optim.lr_scheduler.StepLR(opt, step_size=2, gamma=0.5)
    return model, opt, sched


x = torch.randn(10, 2)
y = x.sum(1, keepdim=True)


def train(model, opt, sched, epochs):
    for _ in range(epochs):
        opt.zero_grad()
        loss = ((model(x) - y) ** 2).mean()
        loss.backward()
        opt.step()
        sched.step()
    return loss.item()


model, opt, sched = make()
train(model, opt, sched, 3)
buf = io.BytesIO()
torch.save({"model": model.state_dict(), "opt": opt.state_dict(), "sched": sched.state_dict(), "epoch": 3}, buf)
print(sched.state_dict())
full = train(model, opt, sched, 4)
buf.seek(0)
ck = torch.load(buf)
m2, o2, s2 = make()
m2.load_state_dict(ck["model"])
o2.load_state_dict(ck["opt"])
s2.load_state_dict(ck["sched"])
print(s2.last_epoch, s2.get_last_lr(), o2.param_groups[0]["lr"])
resumed = train(m2, o2, s2, 4)
print(full, resumed, full == resumed)
print(o2.state_dict()["state"][0]["step"], s2.get_last_lr())
