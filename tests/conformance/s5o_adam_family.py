# Adam / AdamW / Adamax with amsgrad, weight_decay, maximize, betas; losses and final params each.
import torch
from torch import nn

torch.manual_seed(0)
X = torch.randn(40, 4)
y = (X[:, :1] * 1.5 - X[:, 1:2] + 0.2 * torch.randn(40, 1))


def run(name, make):
    torch.manual_seed(7)
    net = nn.Sequential(nn.Linear(4, 6), nn.ReLU(), nn.Linear(6, 1))
    opt = make(net.parameters())
    hist = []
    for epoch in range(8):
        opt.zero_grad()
        loss = ((net(X) - y) ** 2).mean()
        loss.backward()
        opt.step()
        hist.append(f"{loss.item():.5f}")
    print(name, " ".join(hist))
    print("   last layer", net[2].weight.detach().numpy().round(4), net[2].bias.item())
    st = opt.state[net[2].weight]
    print("   state keys", sorted(st.keys()), "step", st["step"])


run("adam", lambda p: torch.optim.Adam(p, lr=0.01))
run("adam-amsgrad", lambda p: torch.optim.Adam(p, lr=0.01, amsgrad=True))
run("adam-wd", lambda p: torch.optim.Adam(p, lr=0.01, weight_decay=0.1))
run("adam-betas", lambda p: torch.optim.Adam(p, lr=0.02, betas=(0.5, 0.9), eps=1e-6))
run("adamw", lambda p: torch.optim.AdamW(p, lr=0.01))
run("adamw-amsgrad-wd", lambda p: torch.optim.AdamW(p, lr=0.01, weight_decay=0.5, amsgrad=True))
run("adamax", lambda p: torch.optim.Adamax(p, lr=0.02))
run("adamax-wd", lambda p: torch.optim.Adamax(p, lr=0.02, weight_decay=0.05))

# maximize: climb -(x-3)^2
x = torch.tensor([0.0, 1.0], requires_grad=True)
opt = torch.optim.Adam([x], lr=0.3, maximize=True)
for i in range(10):
    opt.zero_grad()
    f = -((x - 3) ** 2).sum()
    f.backward()
    opt.step()
print("maximize", x.detach().numpy().round(5), f.item())
print(opt.defaults)
try:
    torch.optim.Adam([x], lr=0.1, betas=(1.0, 0.999))
except ValueError as e:
    print("ValueError:", e)
try:
    torch.optim.AdamW([x], lr=0.1, eps=-1)
except ValueError as e:
    print("ValueError:", e)
