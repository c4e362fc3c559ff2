# Per-layer learning rates (backbone vs head), add_param_group for unfreezing, printing the param_groups.
import torch
import torch.nn as nn

torch.manual_seed(0)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.backbone = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 8), nn.ReLU())
        self.head = nn.Linear(8, 3)

    def forward(self, x):
        return self.head(self.backbone(x))


net = Net()
for p in net.backbone[2].parameters():
    p.requires_grad = False
opt = torch.optim.Adam([
    {"params": net.backbone[0].parameters(), "lr": 1e-4},
    {"params": net.head.parameters()},
], lr=1e-2, weight_decay=1e-4)
print(len(opt.param_groups), [len(g["params"]) for g in opt.param_groups])
for i, g in enumerate(opt.param_groups):
    print(i, {k: v for k, v in sorted(g.items()) if k != "params"})

x = torch.randn(16, 4)
y = torch.randint(0, 3, (16,))
crit = nn.CrossEntropyLoss()
for step in range(4):
    opt.zero_grad()
    loss = crit(net(x), y)
    loss.backward()
    opt.step()
    print(f"step {step} loss {loss.item():.5f}")

frozen_before = net.backbone[2].weight.clone()
for p in net.backbone[2].parameters():
    p.requires_grad = True
opt.add_param_group({"params": net.backbone[2].parameters(), "lr": 5e-4, "betas": (0.8, 0.99)})
print("groups now", len(opt.param_groups), opt.param_groups[2]["lr"], opt.param_groups[2]["betas"],
      opt.param_groups[2]["weight_decay"], opt.param_groups[2]["amsgrad"])
for step in range(3):
    opt.zero_grad()
    loss = crit(net(x), y)
    loss.backward()
    opt.step()
    print(f"step {step} loss {loss.item():.5f}")
print("unfrozen moved", (net.backbone[2].weight - frozen_before).abs().max().item() > 0)
print(opt.state_dict()["param_groups"][2])
print(len(opt.state), sorted(len(s) for s in opt.state.values()))

# manual per-group lr edits, the classic pattern
for g in opt.param_groups:
    g["lr"] *= 0.1
print([round(g["lr"], 8) for g in opt.param_groups])

try:
    opt.add_param_group({"params": net.head.parameters()})
except ValueError as e:
    print("ValueError:", e)
try:
    torch.optim.SGD([{"params": net.head.parameters()}])
except TypeError as e:
    print("TypeError:", e)
try:
    torch.optim.SGD(net.head.weight, lr=0.1)
except TypeError as e:
    print("TypeError:", e)
try:
    torch.optim.SGD([], lr=0.1)
except ValueError as e:
    print("ValueError:", e)
print(opt)
