# Warmup + cosine decay to min_lr: nanoGPT's get_lr(it) assigned into param_group['lr'], the same curve
# through LambdaLR with a lambda multiplier, transformers-style get_cosine_schedule_with_warmup,
# get_last_lr(), and a short training run logging lr and loss.
import math

import torch
import torch.nn as nn
from torch.optim.lr_scheduler import LambdaLR

torch.manual_seed(0)
learning_rate, min_lr, warmup_iters, lr_decay_iters = 6e-4, 6e-5, 3, 10


def get_lr(it):
    if it < warmup_iters:
        return learning_rate * (it + 1) / (warmup_iters + 1)
    if it > lr_decay_iters:
        return min_lr
    decay_ratio = (it - warmup_iters) / (lr_decay_iters - warmup_iters)
    coeff = 0.5 * (1.0 + math.cos(math.pi * decay_ratio))
    return min_lr + coeff * (learning_rate - min_lr)


def cosine_with_warmup(optimizer, num_warmup_steps, num_training_steps, num_cycles=0.5):
    def lr_lambda(current_step):
        if current_step < num_warmup_steps:
            return float(current_step) / float(max(1, num_warmup_steps))
        progress = float(current_step - num_warmup_steps) / float(max(1, num_training_steps - num_warmup_steps))
        return max(0.0, 0.5 * (1.0 + math.cos(math.pi * float(num_cycles) * 2.0 * progress)))
    return LambdaLR(optimizer, lr_lambda)


model = nn.Linear(8, 1)
opt = torch.optim.AdamW(model.parameters(), lr=learning_rate, weight_decay=0.1)
x, y = torch.randn(16, 8), torch.randn(16, 1)
for it in range(13):
    lr = get_lr(it)
    for param_group in opt.param_groups:
        param_group["lr"] = lr
    loss = ((model(x) - y) ** 2).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(it, f"{lr:.3e}", round(loss.item(), 6))

m2 = nn.Linear(8, 1)
o2 = torch.optim.AdamW(m2.parameters(), lr=1e-3)
sched = cosine_with_warmup(o2, 2, 8)
print(sched.get_last_lr(), o2.param_groups[0]["initial_lr"])
for step in range(10):
    loss = ((m2(x) - y) ** 2).mean()
    o2.zero_grad()
    loss.backward()
    o2.step()
    sched.step()
    print(step, sched.get_last_lr()[0], round(loss.item(), 6))
o3 = torch.optim.SGD(nn.Linear(2, 2).parameters(), lr=0.1)
s3 = LambdaLR(o3, lambda it: min(1.0, (it + 1) / 4) * 0.95 ** it)
lrs = []
for _ in range(6):
    o3.step()
    s3.step()
    lrs.append(round(s3.get_last_lr()[0], 8))
print(lrs, s3.state_dict()["last_epoch"], s3.state_dict()["base_lrs"])
