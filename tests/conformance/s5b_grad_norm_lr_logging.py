# Logging gradient norms (total and per-layer), clip_grad_norm_ return value, lr from param_groups and
# get_last_lr across a warmup + cosine schedule, with f-strings of tensors.
import math

import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(8, 32), nn.Tanh(), nn.Linear(32, 32), nn.Tanh(), nn.Linear(32, 1))
opt = torch.optim.AdamW(model.parameters(), lr=1e-2, weight_decay=0.05)
warmup, total = 3, 12


def lr_lambda(step):
    if step < warmup:
        return float(step + 1) / warmup
    progress = (step - warmup) / max(1, total - warmup)
    return 0.5 * (1.0 + math.cos(math.pi * progress))


sched = torch.optim.lr_scheduler.LambdaLR(opt, lr_lambda)


def grad_norm(parameters, norm_type=2.0):
    grads = [p.grad.detach() for p in parameters if p.grad is not None]
    return torch.norm(torch.stack([torch.norm(g, norm_type) for g in grads]), norm_type)


x = torch.randn(64, 8)
y = torch.sin(x.sum(1, keepdim=True))
for step in range(total):
    opt.zero_grad(set_to_none=True)
    loss = nn.functional.mse_loss(model(x), y)
    loss.backward()
    manual = grad_norm(model.parameters())
    clipped = nn.utils.clip_grad_norm_(model.parameters(), max_norm=0.5)
    after = grad_norm(model.parameters())
    lr = opt.param_groups[0]["lr"]
    opt.step()
    sched.step()
    print(f"step {step:2d} loss {loss:.5f} gnorm {manual:.4f} clip_ret {clipped:.4f} after {after:.4f} "
          f"lr {lr:.6f} next {sched.get_last_lr()[0]:.6f}")
per_layer = {n: f"{p.grad.norm():.3e}" for n, p in model.named_parameters()}
print(per_layer)
print(nn.utils.clip_grad_value_(model.parameters(), 0.01), model[0].weight.grad.abs().max())
print(nn.utils.get_total_norm([p.grad for p in model.parameters()]) if hasattr(nn.utils, "get_total_norm")
      else "no")
