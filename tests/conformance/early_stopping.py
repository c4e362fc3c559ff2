# A train/validation loop with early stopping on validation loss, best-model restore, and ReduceLROnPlateau.
import copy

import torch
import torch.nn as nn

torch.manual_seed(0)
X = torch.randn(120, 4)
Y = X @ torch.tensor([[1.0], [-1.0], [0.5], [0.0]]) + 0.3 * torch.randn(120, 1)
Xtr, Ytr, Xva, Yva = X[:90], Y[:90], X[90:], Y[90:]
model = nn.Sequential(nn.Linear(4, 32), nn.ReLU(), nn.Linear(32, 1))
opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
plateau = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, factor=0.5, patience=1, threshold=1e-3)
best, best_state, bad, patience = float("inf"), None, 0, 4
for epoch in range(40):
    model.train()
    perm = torch.randperm(90)
    for i in range(0, 90, 30):
        idx = perm[i:i + 30]
        opt.zero_grad()
        loss = nn.functional.mse_loss(model(Xtr[idx]), Ytr[idx])
        loss.backward()
        opt.step()
    model.eval()
    with torch.no_grad():
        val = nn.functional.mse_loss(model(Xva), Yva).item()
    plateau.step(val)
    if val < best - 1e-4:
        best, best_state, bad = val, copy.deepcopy(model.state_dict()), 0
    else:
        bad += 1
    print(f"epoch {epoch} val {val:.5f} lr {opt.param_groups[0]['lr']:.5f} bad {bad}")
    if bad >= patience:
        print("early stop at", epoch)
        break
model.load_state_dict(best_state)
with torch.no_grad():
    print("best", round(best, 5), nn.functional.mse_loss(model(Xva), Yva).item())
