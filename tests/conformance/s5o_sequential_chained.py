# SequentialLR (warmup then decay), ChainedScheduler (two schedulers multiplying), state_dict of both.
import torch
from torch.optim.lr_scheduler import (ChainedScheduler, ConstantLR, ExponentialLR, LinearLR, SequentialLR,
                                      StepLR, CosineAnnealingLR)

w = torch.nn.Parameter(torch.zeros(1))

opt = torch.optim.SGD([w], lr=1.0)
warm = LinearLR(opt, start_factor=0.1, total_iters=3)
decay = ExponentialLR(opt, gamma=0.8)
seq = SequentialLR(opt, schedulers=[warm, decay], milestones=[3])
print("start", seq.get_last_lr())
for epoch in range(8):
    opt.step()
    seq.step()
    print("seq", epoch, [round(x, 6) for x in seq.get_last_lr()], seq.last_epoch)
sd = seq.state_dict()
print(sorted(sd))
print(sd["_milestones"], sd["last_epoch"], len(sd["_schedulers"]), sorted(sd["_schedulers"][1]))

opt = torch.optim.SGD([w], lr=0.5)
seq = SequentialLR(opt, [ConstantLR(opt, factor=0.5, total_iters=2), StepLR(opt, 2, 0.5),
                         CosineAnnealingLR(opt, T_max=4)], milestones=[2, 6])
lrs = []
for _ in range(10):
    opt.step()
    seq.step()
    lrs.append(round(seq.get_last_lr()[0], 6))
print("seq3", lrs)

opt = torch.optim.SGD([w], lr=1.0)
chain = ChainedScheduler([ConstantLR(opt, factor=0.1, total_iters=2), ExponentialLR(opt, gamma=0.9)])
for epoch in range(6):
    opt.step()
    chain.step()
    print("chain", epoch, round(chain.get_last_lr()[0], 7))
sd = chain.state_dict()
print(sorted(sd), len(sd["_schedulers"]))

try:
    SequentialLR(opt, [ConstantLR(opt), ExponentialLR(opt, 0.9)], milestones=[1, 2])
except ValueError as e:
    print("ValueError:", e)
