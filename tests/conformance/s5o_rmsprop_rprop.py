# RMSprop (alpha, centered, momentum, weight_decay) and Rprop (etas, step_sizes) on a small MLP.
import torch
import torch.nn as nn

torch.manual_seed(0)
X = torch.randn(30, 3)
t = torch.sin(X.sum(1, keepdim=True))


def go(label, make, steps=8):
    torch.manual_seed(11)
    m = nn.Sequential(nn.Linear(3, 5), nn.Tanh(), nn.Linear(5, 1))
    opt = make(m.parameters())
    crit = nn.MSELoss()
    losses = []
    for _ in range(steps):
        opt.zero_grad()
        loss = crit(m(X), t)
        loss.backward()
        opt.step()
        losses.append(loss.item())
    print(label, [f"{v:.5f}" for v in losses])
    print("   bias0", m[0].bias.detach().numpy().round(4))
    return opt, m


opt, m = go("rmsprop", lambda p: torch.optim.RMSprop(p, lr=0.01))
print("   ", sorted(opt.state[m[0].bias]))
go("rmsprop alpha=0.9", lambda p: torch.optim.RMSprop(p, lr=0.01, alpha=0.9))
opt, m = go("rmsprop centered", lambda p: torch.optim.RMSprop(p, lr=0.01, centered=True))
print("   ", sorted(opt.state[m[0].bias]), opt.state[m[0].bias]["grad_avg"].numpy().round(5))
opt, m = go("rmsprop momentum", lambda p: torch.optim.RMSprop(p, lr=0.005, momentum=0.9))
print("   ", sorted(opt.state[m[0].bias]))
go("rmsprop all", lambda p: torch.optim.RMSprop(p, lr=0.005, momentum=0.5, centered=True, weight_decay=0.01))
opt, m = go("rprop", lambda p: torch.optim.Rprop(p, lr=0.01))
st = opt.state[m[0].bias]
print("   ", sorted(st), st["step_size"].numpy().round(6), st["prev"].numpy().round(5))
go("rprop etas", lambda p: torch.optim.Rprop(p, lr=0.02, etas=(0.3, 1.5), step_sizes=(1e-4, 0.05)))
go("rprop maximize", lambda p: torch.optim.Rprop(p, lr=0.01, maximize=True), steps=3)
