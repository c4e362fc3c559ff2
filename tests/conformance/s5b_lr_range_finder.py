# Learning-rate range test (fastai/Leslie Smith style): exponentially increase lr each batch by writing
# param_groups[...]['lr'], smooth the loss, stop when it diverges, restore the initial state, suggest an lr.
import copy
import math

import torch
import torch.nn as nn

torch.manual_seed(0)
X = torch.randn(256, 6)
Y = (X @ torch.randn(6, 1)).tanh() + 0.05 * torch.randn(256, 1)
model = nn.Sequential(nn.Linear(6, 32), nn.ReLU(), nn.Linear(32, 1))
opt = torch.optim.SGD(model.parameters(), lr=1e-5, momentum=0.9)
init_model = copy.deepcopy(model.state_dict())
init_opt = copy.deepcopy(opt.state_dict())
start_lr, end_lr, num_iter, beta = 1e-5, 10.0, 30, 0.98
mult = (end_lr / start_lr) ** (1 / num_iter)
lr, avg_loss, best_loss = start_lr, 0.0, math.inf
lrs, losses = [], []
for i in range(num_iter):
    idx = torch.arange(i * 8, i * 8 + 8) % 256
    for g in opt.param_groups:
        g["lr"] = lr
    opt.zero_grad()
    loss = nn.functional.mse_loss(model(X[idx]), Y[idx])
    avg_loss = beta * avg_loss + (1 - beta) * loss.item()
    smoothed = avg_loss / (1 - beta ** (i + 1))
    if i > 0 and smoothed > 4 * best_loss:
        print(f"stopping at iter {i}, lr {lr:.3e}")
        break
    best_loss = min(best_loss, smoothed)
    lrs.append(lr)
    losses.append(smoothed)
    loss.backward()
    opt.step()
    lr *= mult
for lr_, l_ in list(zip(lrs, losses))[::4]:
    print(f"lr {lr_:.3e} loss {l_:.5f} log10 {math.log10(lr_):+.2f}")
t_losses = torch.tensor(losses)
grads = t_losses[1:] - t_losses[:-1]
steepest = int(grads.argmin())
print("suggested lr", f"{lrs[steepest]:.3e}", "min loss lr", f"{lrs[int(t_losses.argmin())]:.3e}")
model.load_state_dict(init_model)
opt.load_state_dict(init_opt)
print(opt.param_groups[0]["lr"], opt.state_dict()["state"], model[0].bias[:3])
