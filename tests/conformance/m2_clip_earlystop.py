# Gradient clipping (norm and value) inside a training loop and early stopping on validation loss.
import copy

import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset, random_split

torch.manual_seed(8)
X = torch.randn(200, 6)
w_true = torch.randn(6, 1)
y = X @ w_true + 0.3 * torch.randn(200, 1)
full = TensorDataset(X, y)
train_ds, val_ds = random_split(full, [150, 50])
print(len(train_ds), len(val_ds), train_ds.indices[:5])
train_dl = DataLoader(train_ds, batch_size=25, shuffle=True)
val_dl = DataLoader(val_ds, batch_size=50)
model = nn.Sequential(nn.Linear(6, 32), nn.ReLU(), nn.Linear(32, 1))
opt = torch.optim.SGD(model.parameters(), lr=0.05)
best, best_state, patience, bad = float("inf"), None, 3, 0
for epoch in range(40):
    model.train()
    norms = []
    for xb, yb in train_dl:
        loss = nn.functional.mse_loss(model(xb), yb)
        opt.zero_grad()
        loss.backward()
        total_norm = torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
        norms.append(total_norm.item())
        opt.step()
    model.eval()
    with torch.no_grad():
        val = sum(nn.functional.mse_loss(model(xb), yb, reduction="sum").item() for xb, yb in val_dl) / len(val_ds)
    print(f"epoch {epoch} val {val:.5f} max_norm {max(norms):.4f}")
    if val < best - 1e-3:
        best, bad = val, 0
        best_state = copy.deepcopy(model.state_dict())
    else:
        bad += 1
        if bad >= patience:
            print("early stop at", epoch)
            break
model.load_state_dict(best_state)
with torch.no_grad():
    print("best", best, nn.functional.mse_loss(model(X), y).item())
m2 = nn.Linear(3, 2)
(m2(torch.randn(4, 3)) * 100).sum().backward()
print(m2.weight.grad)
torch.nn.utils.clip_grad_value_(m2.parameters(), clip_value=5.0)
print(m2.weight.grad, m2.bias.grad)
(m2(torch.randn(4, 3)) * 100).sum().backward()
n = torch.nn.utils.clip_grad_norm_(m2.parameters(), 2.0, norm_type=float("inf"))
print(n, m2.weight.grad)
n = torch.nn.utils.clip_grad_norm_([m2.weight], 1.0, norm_type=1)
print(n, m2.weight.grad.abs().sum())
vec = torch.nn.utils.parameters_to_vector(m2.parameters())
print(vec.shape, vec)
