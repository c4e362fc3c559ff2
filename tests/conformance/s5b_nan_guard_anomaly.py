# Guards against NaN/inf losses: torch.isfinite checks that skip a step, nan_to_num on inputs,
# detect_anomaly / set_detect_anomaly toggles, and counting skipped batches.
import math
import warnings

import torch
import torch.nn as nn

warnings.simplefilter("ignore")
torch.manual_seed(0)
model = nn.Linear(3, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
X = torch.randn(6, 8, 3)
X[2, 0, 1] = float("nan")
X[4, 3, 0] = float("inf")
Y = torch.randn(6, 8, 1)
skipped = 0
for step in range(6):
    opt.zero_grad()
    loss = nn.functional.mse_loss(model(X[step]), Y[step])
    if not torch.isfinite(loss):
        skipped += 1
        print(f"step {step}: non-finite loss {loss.item()}, skipping")
        continue
    loss.backward()
    gn = nn.utils.clip_grad_norm_(model.parameters(), 1.0, error_if_nonfinite=False)
    if math.isnan(gn.item()):
        print("nan grad")
    opt.step()
    print(f"step {step}: loss {loss.item():.5f}")
print("skipped", skipped, torch.isnan(X).any().item(), torch.isinf(X).sum().item())
clean = torch.nan_to_num(X, nan=0.0, posinf=1.0, neginf=-1.0)
print(torch.isfinite(clean).all().item(), clean[2, 0], clean[4, 3])
print(torch.is_anomaly_enabled())
torch.autograd.set_detect_anomaly(True)
print(torch.is_anomaly_enabled())
torch.autograd.set_detect_anomaly(False)
with torch.autograd.detect_anomaly():
    print(torch.is_anomaly_enabled())
    out = model(clean[0]).sum()
    out.backward()
print(torch.is_anomaly_enabled(), model.weight.grad is not None)
x = torch.tensor([1.0, 0.0, -1.0], requires_grad=True)
y = torch.sqrt(x)
print(y, torch.isnan(y).tolist())
mask = ~torch.isnan(y)
print(y[mask].sum(), torch.nansum(y), torch.nanmean(y))
loss = torch.tensor(float("nan"))
print(loss != loss, math.isnan(loss), torch.isnan(loss).item(), loss.isnan().any())
assert torch.isfinite(torch.tensor(1.0)), "loss is not finite"
try:
    assert torch.isfinite(loss), f"loss is not finite: {loss}"
except AssertionError as e:
    print("AssertionError:", e)
