# seed_everything helper seeding random, numpy and torch (+cuda and cudnn flags), then checking that
# two runs of a small training agree and that random/numpy streams restart too.
import os
import random

import numpy as np
import torch
import torch.nn as nn


def seed_everything(seed=42, deterministic=True):
    random.seed(seed)
    os.environ["PYTHONHASHSEED"] = str(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    if deterministic:
        torch.backends.cudnn.deterministic = True
        torch.backends.cudnn.benchmark = False
    return seed


def run(seed):
    seed_everything(seed)
    noise = [random.random() for _ in range(2)]
    npv = np.random.rand(2)
    model = nn.Sequential(nn.Linear(3, 6), nn.Tanh(), nn.Dropout(0.3), nn.Linear(6, 1))
    opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    x = torch.randn(16, 3)
    y = x.sum(1, keepdim=True)
    losses = []
    for _ in range(5):
        opt.zero_grad()
        loss = nn.functional.mse_loss(model(x), y)
        loss.backward()
        opt.step()
        losses.append(loss.item())
    return noise, npv, losses, model[0].weight.detach().clone()


a = run(42)
b = run(42)
c = run(7)
print(a[0] == b[0], np.array_equal(a[1], b[1]), a[2] == b[2], torch.equal(a[3], b[3]))
print(a[2] == c[2], torch.equal(a[3], c[3]))
print([f"{v:.5f}" for v in a[2]])
print([f"{v:.5f}" for v in c[2]])
print(a[3])
print(torch.backends.cudnn.deterministic, torch.backends.cudnn.benchmark, os.environ["PYTHONHASHSEED"])
print(torch.initial_seed())
seed_everything(3, deterministic=False)
print(torch.initial_seed(), torch.rand(3))
g = torch.Generator().manual_seed(5)
print(g.initial_seed(), torch.randn(2, generator=g))
