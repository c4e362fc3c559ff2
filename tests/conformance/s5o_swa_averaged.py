# Stochastic weight averaging: AveragedModel, SWALR (cos/linear anneal), update_bn, n_averaged, swa state.
import torch
import torch.nn as nn
from torch.optim.swa_utils import SWALR, AveragedModel, update_bn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
X = torch.randn(48, 4)
y = (X[:, 0] - 2 * X[:, 1]).unsqueeze(1) + 0.1 * torch.randn(48, 1)
loader = DataLoader(TensorDataset(X, y), batch_size=12, shuffle=True, generator=torch.Generator().manual_seed(3))

model = nn.Sequential(nn.Linear(4, 8), nn.BatchNorm1d(8), nn.ReLU(), nn.Linear(8, 1))
swa_model = AveragedModel(model)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=10)
swa_start = 3
swa_sched = SWALR(opt, swa_lr=0.05, anneal_epochs=2, anneal_strategy="cos")
for epoch in range(7):
    for xb, yb in loader:
        opt.zero_grad()
        loss = nn.functional.mse_loss(model(xb), yb)
        loss.backward()
        opt.step()
    if epoch >= swa_start:
        swa_model.update_parameters(model)
        swa_sched.step()
    else:
        sched.step()
    print(f"epoch {epoch} loss {loss.item():.5f} lr {opt.param_groups[0]['lr']:.6f} n_avg {swa_model.n_averaged.item()}")

print("running_mean before update_bn", swa_model.module[1].running_mean.numpy().round(4))
update_bn(loader, swa_model)
print("running_mean after update_bn", swa_model.module[1].running_mean.numpy().round(4))
swa_model.eval()
with torch.no_grad():
    print("swa loss", f"{nn.functional.mse_loss(swa_model(X), y).item():.5f}")
print(sorted(swa_model.state_dict().keys()))
print(swa_model.module[0].weight.shape, type(swa_model.module).__name__)

opt2 = torch.optim.Adam(model.parameters(), lr=0.01)
s = SWALR(opt2, swa_lr=[0.001], anneal_epochs=4, anneal_strategy="linear")
vals = []
for _ in range(6):
    opt2.step()
    s.step()
    vals.append(round(s.get_last_lr()[0], 7))
print("linear anneal", vals)
try:
    SWALR(opt2, swa_lr=0.1, anneal_strategy="step")
except ValueError as e:
    print("ValueError:", e)
try:
    SWALR(opt2, swa_lr=0.1, anneal_epochs=-1)
except ValueError as e:
    print("ValueError:", e)
