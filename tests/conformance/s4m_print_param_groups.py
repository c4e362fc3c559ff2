# Printing optimizers with several param groups, after steps, and their state_dicts.
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(2, 3), nn.Tanh(), nn.Linear(3, 1))
opt = torch.optim.Adam([
    {"params": model[0].parameters()},
    {"params": model[2].parameters(), "lr": 1e-2, "weight_decay": 0.1},
], lr=1e-3)
print(opt)
x = torch.randn(4, 2)
for _ in range(2):
    opt.zero_grad()
    model(x).pow(2).mean().backward()
    opt.step()
print(opt)
sd = opt.state_dict()
print(sd["param_groups"])
print(list(sd["state"].keys()))
print(sorted(sd["state"][0].keys()), sd["state"][0]["step"])
print(sd["state"][3]["exp_avg"])
for g in opt.param_groups:
    g["lr"] *= 0.5
print([g["lr"] for g in opt.param_groups])
print(opt)
sgd = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
sgd.add_param_group({"params": [nn.Parameter(torch.zeros(2))], "lr": 0.5})
print(sgd)
print(len(sgd.param_groups), [len(g["params"]) for g in sgd.param_groups])
sgd.zero_grad()
model(x).sum().backward()
sgd.step()
print(sgd.state_dict()["state"][0])
print(repr(sgd.state_dict()["param_groups"][1]))
