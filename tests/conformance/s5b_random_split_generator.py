# random_split with a seeded generator (lengths and fractions), Subset indices, reproducible splits across
# calls, DataLoader generator for shuffling, and per-split class counts.
import torch
from torch.utils.data import DataLoader, Subset, TensorDataset, random_split

torch.manual_seed(0)
X = torch.arange(50, dtype=torch.float32).unsqueeze(1)
Y = torch.arange(50) % 3
ds = TensorDataset(X, Y)
train_ds, val_ds, test_ds = random_split(ds, [35, 10, 5], generator=torch.Generator().manual_seed(42))
print(len(train_ds), len(val_ds), len(test_ds), type(train_ds).__name__)
print(sorted(val_ds.indices), test_ds.indices)
again = random_split(ds, [35, 10, 5], generator=torch.Generator().manual_seed(42))
print(again[1].indices == val_ds.indices)
a, b = random_split(ds, [0.8, 0.2], generator=torch.Generator().manual_seed(1))
print(len(a), len(b), a.indices[:5])
a, b, c = random_split(range(10), [0.5, 0.3, 0.2], generator=torch.Generator().manual_seed(2))
print(list(a), list(b), list(c))
train_size = int(0.9 * len(ds))
tr, va = random_split(ds, [train_size, len(ds) - train_size])
print(len(tr), len(va), va.indices)
for name, split in [("train", train_ds), ("val", val_ds), ("test", test_ds)]:
    ys = torch.stack([split[i][1] for i in range(len(split))])
    print(name, torch.bincount(ys, minlength=3).tolist())
g = torch.Generator()
g.manual_seed(7)
dl = DataLoader(train_ds, batch_size=8, shuffle=True, generator=g)
for xb, yb in dl:
    print(xb.squeeze(1).long().tolist(), yb.tolist())
g.manual_seed(7)
first = next(iter(DataLoader(train_ds, batch_size=8, shuffle=True, generator=g)))[0].squeeze(1)
print(first.long().tolist())
sub = Subset(ds, [0, 10, 20])
print(len(sub), sub[1], sub.indices)
try:
    random_split(ds, [30, 10])
except ValueError as e:
    print("ValueError:", e)
