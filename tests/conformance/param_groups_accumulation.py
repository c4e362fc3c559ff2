# Optimizer parameter groups (per-group lr / weight decay), add_param_group, gradient accumulation, zero_grad(set_to_none).
import torch
import torch.nn as nn

model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))
decay, no_decay = [], []
for name, p in model.named_parameters():
    (no_decay if name.endswith("bias") else decay).append(p)
opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.1}, {"params": no_decay, "weight_decay": 0.0, "lr": 1e-2}],
                        lr=3e-3, betas=(0.9, 0.95))
for g in opt.param_groups:
    print({k: v for k, v in g.items() if k != "params"}, len(g["params"]))
x = torch.randn(16, 4)
y = torch.randn(16, 1)
accum = 4
opt.zero_grad()
for i in range(8):
    xb, yb = x[2 * i:2 * i + 2], y[2 * i:2 * i + 2]
    loss = nn.functional.mse_loss(model(xb), yb) / accum
    loss.backward()
    if (i + 1) % accum == 0:
        opt.step()
        opt.zero_grad(set_to_none=True)
        print("step", i, model[2].weight.grad, round(loss.item(), 6))
print(model[2].bias)
extra = nn.Parameter(torch.ones(3))
opt.add_param_group({"params": [extra], "lr": 0.5})
print(len(opt.param_groups), opt.param_groups[-1]["lr"], opt.param_groups[-1]["weight_decay"])
(extra ** 2).sum().backward()
opt.step()
print(extra)
sgd = torch.optim.SGD(model.parameters(), lr=0.1)
model.zero_grad()
print(model[0].bias.grad)
for g in sgd.param_groups:
    g["lr"] = 0.05
print(sgd.param_groups[0]["lr"], sgd)
