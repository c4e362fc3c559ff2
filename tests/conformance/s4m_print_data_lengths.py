# Dataset / DataLoader lengths and batch shapes people print before training.
import torch
from torch.utils.data import DataLoader, Dataset, TensorDataset, random_split, Subset, ConcatDataset

torch.manual_seed(0)
X = torch.randn(103, 4)
y = torch.randint(0, 3, (103,))
ds = TensorDataset(X, y)
print(len(ds), ds[0][0].shape, ds[0][1])
for bs, drop in [(10, False), (10, True), (103, False), (200, False), (1, True)]:
    dl = DataLoader(ds, batch_size=bs, drop_last=drop)
    print(bs, drop, len(dl), len(dl.dataset))
train, val = random_split(ds, [80, 23])
print(len(train), len(val), type(train).__name__, train.indices[:5])
parts = random_split(ds, [0.7, 0.2, 0.1])
print([len(p) for p in parts])
sub = Subset(ds, range(10))
print(len(sub), len(ConcatDataset([sub, val])))
dl = DataLoader(train, batch_size=32, shuffle=True)
print(len(dl))
for i, (xb, yb) in enumerate(dl):
    print(i, xb.shape, yb.shape, yb.dtype)
print(dl.batch_size, dl.drop_last, type(dl.sampler).__name__, type(dl.batch_sampler).__name__)


class Squares(Dataset):
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        return torch.tensor([float(i)]), i * i


sq = Squares(7)
dl = DataLoader(sq, batch_size=3)
print(len(sq), len(dl))
for xb, yb in dl:
    print(xb.tolist(), yb)
print(next(iter(dl)))
try:
    len(DataLoader(torch.utils.data.IterableDataset(), batch_size=2))
except TypeError as e:
    print("TypeError", e)
try:
    sq[10] if False else ds[200]
except IndexError as e:
    print("IndexError", e)
try:
    random_split(ds, [50, 50])
except ValueError as e:
    print("ValueError", e)
