# Determinism switches people flip at the top of scripts: use_deterministic_algorithms (with warn_only),
# are_deterministic_algorithms_enabled, cudnn flags, CUBLAS env var, then a short deterministic train.
import os

import torch
import torch.nn as nn

os.environ["CUBLAS_WORKSPACE_CONFIG"] = ":4096:8"
print(torch.are_deterministic_algorithms_enabled())
torch.use_deterministic_algorithms(True)
print(torch.are_deterministic_algorithms_enabled(), torch.is_deterministic_algorithms_warn_only_enabled())
torch.use_deterministic_algorithms(True, warn_only=True)
print(torch.are_deterministic_algorithms_enabled(), torch.is_deterministic_algorithms_warn_only_enabled())
torch.backends.cudnn.benchmark = False
torch.backends.cudnn.deterministic = True
print(torch.backends.cudnn.enabled, torch.backends.cudnn.benchmark, torch.backends.cudnn.deterministic)
print(torch.backends.cudnn.is_available() in (True, False))
torch.manual_seed(1234)
net = nn.Sequential(nn.Linear(5, 10), nn.ReLU(), nn.Linear(10, 3))
opt = torch.optim.Adam(net.parameters(), lr=1e-2)
x = torch.randn(32, 5)
y = torch.randint(0, 3, (32,))
for step in range(6):
    opt.zero_grad()
    out = net(x)
    loss = nn.functional.cross_entropy(out, y)
    loss.backward()
    opt.step()
    acc = (out.argmax(1) == y).float().mean()
    print(f"step {step}: loss={loss.item():.5f} acc={acc.item():.4f}")
idx = torch.tensor([0, 1, 0, 2])
src = torch.tensor([1.0, 2.0, 3.0, 4.0])
print(torch.zeros(3).index_add_(0, idx, src), torch.zeros(3).scatter_add_(0, idx, src))
torch.use_deterministic_algorithms(False)
print(torch.are_deterministic_algorithms_enabled(), torch.is_deterministic_algorithms_warn_only_enabled())
