# LambdaLR with one lambda per param group, MultiplicativeLR, and what state_dict keeps of them.
import torch
from torch import nn
from torch.optim.lr_scheduler import LambdaLR, MultiplicativeLR

torch.manual_seed(0)
net = nn.Sequential(nn.Linear(3, 3), nn.Linear(3, 1))
opt = torch.optim.SGD([{"params": net[0].parameters(), "lr": 0.1},
                       {"params": net[1].parameters(), "lr": 0.02}], lr=1.0)


def warm(epoch):
    return min(1.0, (epoch + 1) / 4)


sched = LambdaLR(opt, lr_lambda=[warm, lambda e: 0.9 ** e])
x = torch.randn(8, 3)
for epoch in range(7):
    opt.zero_grad()
    loss = net(x).pow(2).mean()
    loss.backward()
    opt.step()
    sched.step()
    print(epoch, [f"{lr:.6f}" for lr in sched.get_last_lr()], f"{loss.item():.5f}")
sd = sched.state_dict()
print(sorted(sd), sd["lr_lambdas"], sd["last_epoch"])

try:
    LambdaLR(opt, lr_lambda=[warm])
except ValueError as e:
    print("ValueError:", e)


class Decay:
    def __init__(self, rate):
        self.rate = rate

    def __call__(self, epoch):
        return self.rate ** epoch


opt = torch.optim.Adam(net.parameters(), lr=0.01)
sched = LambdaLR(opt, Decay(0.5))
for _ in range(3):
    opt.step()
    sched.step()
sd = sched.state_dict()
print(sd["lr_lambdas"], sd["last_epoch"], sched.get_last_lr())
sched2 = LambdaLR(torch.optim.Adam(net.parameters(), lr=0.01), Decay(0.1))
sched2.load_state_dict(sd)
print("restored rate", sched2.lr_lambdas[0].rate)

opt = torch.optim.SGD(net.parameters(), lr=1.0)
mult = MultiplicativeLR(opt, lr_lambda=lambda epoch: 0.95 if epoch < 3 else 0.5)
for epoch in range(6):
    opt.step()
    mult.step()
    print("mult", epoch, round(mult.get_last_lr()[0], 8))
print(mult.state_dict())
