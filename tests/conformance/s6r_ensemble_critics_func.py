# Ensembles of critics the modern way (REDQ / "vmap over models" tutorial): torch.func.stack_module_state,
# functional_call under vmap with in_dims=(0, 0, None), a random subset min over ensemble members, and the
# equivalent loop over nn.ModuleList; gradients flow to the stacked params which are updated with Adam.
import copy

import torch
import torch.nn as nn
from torch.func import functional_call, stack_module_state, vmap

torch.manual_seed(0)
M = 5
critics = nn.ModuleList([nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 1)) for _ in range(M)])
params, buffers = stack_module_state(list(critics))
print(sorted(params.keys()), params["0.weight"].shape)
base = copy.deepcopy(critics[0])


def fmodel(p, b, x):
    return functional_call(base, (p, b), (x,))


x = torch.randn(8, 4)
out = vmap(fmodel, in_dims=(0, 0, None))(params, buffers, x)
loop = torch.stack([c(x) for c in critics])
print(out.shape, torch.allclose(out, loop, atol=1e-6))
params = {k: v.detach().requires_grad_() for k, v in params.items()}
opt = torch.optim.Adam(params.values(), lr=1e-2)
gen = torch.Generator().manual_seed(7)
for it in range(8):
    s = torch.randn(16, 4)
    y = s[:, :1] * 2 - s[:, 1:2]
    q = vmap(fmodel, in_dims=(0, 0, None))(params, buffers, s)
    loss = ((q - y.unsqueeze(0)) ** 2).mean(dim=(1, 2)).sum()
    opt.zero_grad()
    loss.backward()
    opt.step()
    with torch.no_grad():
        idx = torch.randperm(M, generator=gen)[:2]
        q_min = q.detach()[idx].min(0).values
    print(it, f"{loss.item():.5f}", idx.tolist(), f"{q_min.mean().item():.5f}")
print(params["2.bias"].grad)
