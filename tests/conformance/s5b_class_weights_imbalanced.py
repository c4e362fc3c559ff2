# Imbalanced classification boilerplate: class counts with bincount, inverse-frequency and sklearn-style
# "balanced" weights, CrossEntropyLoss(weight=...), BCEWithLogits pos_weight, WeightedRandomSampler.
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset, WeightedRandomSampler

torch.manual_seed(0)
y = torch.cat([torch.zeros(70), torch.ones(20), torch.full((10,), 2.0)]).long()
x = torch.randn(100, 3) + y.unsqueeze(1).float()
counts = torch.bincount(y)
print(counts, counts.float() / len(y))
inv = 1.0 / counts.float()
w = inv / inv.sum() * len(counts)
balanced = len(y) / (len(counts) * counts.float())
print(w, balanced)
model = nn.Linear(3, 3)
logits = model(x)
for weight in (None, w, balanced):
    crit = nn.CrossEntropyLoss(weight=weight)
    print(f"{crit(logits, y).item():.6f}", crit)
print(nn.CrossEntropyLoss(weight=balanced, reduction="sum")(logits, y))
print(nn.CrossEntropyLoss(weight=balanced, reduction="none")(logits, y)[[0, 80, 95]])
yb = (y > 0).float()
pos_weight = (yb == 0).sum() / (yb == 1).sum()
print(pos_weight)
bce = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
print(f"{bce(logits[:, 0], yb).item():.6f}")
sample_w = balanced[y]
sampler = WeightedRandomSampler(sample_w, num_samples=len(y), replacement=True,
                                generator=torch.Generator().manual_seed(0))
dl = DataLoader(TensorDataset(x, y), batch_size=25, sampler=sampler)
seen = torch.cat([yb_ for _, yb_ in dl])
print(len(seen), torch.bincount(seen, minlength=3))
opt = torch.optim.SGD(model.parameters(), lr=0.1)
crit = nn.CrossEntropyLoss(weight=balanced)
for epoch in range(3):
    for xb, yb_ in dl:
        opt.zero_grad()
        loss = crit(model(xb), yb_)
        loss.backward()
        opt.step()
    print(epoch, f"{loss.item():.5f}")
