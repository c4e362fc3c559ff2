# Every optimizer with two param groups (per-group lr / weight_decay), a few steps, then the printed
# optimizer.state_dict(), param_groups, add_param_group and load_state_dict round trips.
import torch
import torch.nn as nn

torch.manual_seed(0)
X = torch.randn(16, 3)
y = X @ torch.tensor([[1.0], [-2.0], [0.5]]) + 0.3


def make():
    torch.manual_seed(1)
    return nn.Sequential(nn.Linear(3, 4), nn.Tanh(), nn.Linear(4, 1))


configs = [
    ("SGD", dict(lr=0.1, momentum=0.9, nesterov=True)),
    ("SGD", dict(lr=0.1, momentum=0.5, dampening=0.1, weight_decay=0.01)),
    ("Adam", dict(lr=0.01, amsgrad=True)),
    ("AdamW", dict(lr=0.01, weight_decay=0.1)),
    ("RMSprop", dict(lr=0.01, momentum=0.9, centered=True)),
    ("Adagrad", dict(lr=0.1, lr_decay=0.01)),
    ("Adadelta", dict(lr=1.0, rho=0.8)),
    ("Adamax", dict(lr=0.02)),
    ("NAdam", dict(lr=0.01)),
    ("RAdam", dict(lr=0.01)),
    ("ASGD", dict(lr=0.05)),
    ("Rprop", dict(lr=0.01)),
]
for name, kw in configs:
    model = make()
    groups = [{"params": model[0].parameters()},
              {"params": model[2].parameters(), "lr": kw["lr"] / 10, "weight_decay": 0.001}]
    opt = getattr(torch.optim, name)(groups, **kw)
    for step in range(4):
        opt.zero_grad()
        loss = nn.functional.mse_loss(model(X), y)
        loss.backward()
        opt.step()
    print(name, f"{loss.item():.6f}", [f"{g['lr']:.4g}" for g in opt.param_groups])
    sd = opt.state_dict()
    print(sorted(sd.keys()), [g["params"] for g in sd["param_groups"]])
    print(sorted(k for k in sd["param_groups"][1] if k != "params"))
    st = sd["state"][3]
    for k in sorted(st):
        v = st[k]
        print("  ", k, v if not torch.is_tensor(v) or v.numel() < 5 else v.flatten()[:4])
    print(opt)

model = make()
opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
for _ in range(2):
    opt.zero_grad()
    nn.functional.mse_loss(model(X), y).backward()
    opt.step()
print(opt.state_dict())
saved = opt.state_dict()
model2 = make()
opt2 = torch.optim.SGD(model2.parameters(), lr=0.5)
opt2.load_state_dict(saved)
print(opt2.param_groups[0]["lr"], opt2.param_groups[0]["momentum"])
print(opt2.state[model2[0].weight]["momentum_buffer"])

opt3 = torch.optim.Adam(model[0].parameters(), lr=1e-3)
opt3.add_param_group({"params": model[2].weight, "lr": 1e-2})
print(len(opt3.param_groups), [len(g["params"]) for g in opt3.param_groups], opt3.param_groups[1]["betas"])
print(opt3)
opt3.zero_grad(set_to_none=False)
print(model[0].weight.grad)
opt3.zero_grad()
print(model[0].weight.grad)
for g in opt3.param_groups:
    g["lr"] *= 0.5
print(opt3.state_dict()["param_groups"])
