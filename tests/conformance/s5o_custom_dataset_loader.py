# A custom map-style Dataset with transforms, DataLoader options (shuffle with generator, drop_last,
# batch_size=None), enumerate over batches, len() of loaders and the per-epoch reshuffle.
import torch
from torch.utils.data import DataLoader, Dataset


class Squares(Dataset):
    def __init__(self, n, transform=None):
        self.x = torch.arange(n, dtype=torch.float32)
        self.transform = transform

    def __len__(self):
        return len(self.x)

    def __getitem__(self, idx):
        x = self.x[idx]
        if self.transform:
            x = self.transform(x)
        return x, x ** 2


ds = Squares(10, transform=lambda v: v / 10)
print(len(ds), ds[3], ds[-1])

loader = DataLoader(ds, batch_size=4)
print("len", len(loader))
for i, (xb, yb) in enumerate(loader):
    print(i, xb, yb.shape)

g = torch.Generator()
g.manual_seed(123)
loader = DataLoader(ds, batch_size=3, shuffle=True, drop_last=True, generator=g)
print("drop_last len", len(loader))
for epoch in range(2):
    for i, (xb, yb) in enumerate(loader, start=1):
        print(f"epoch {epoch} batch {i}: {(xb * 10).long().tolist()}")

loader = DataLoader(ds, batch_size=None)
first = next(iter(loader))
print("batch_size=None", first, len(loader))

it = iter(DataLoader(ds, batch_size=4))
print(next(it)[0], next(it)[0], next(it)[0])
try:
    next(it)
except StopIteration:
    print("StopIteration after", 3, "batches")


class Words(Dataset):
    def __init__(self):
        self.items = [("cat", 0), ("dog", 1), ("bird", 2), ("fish", 1), ("ant", 0)]

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]


for words, labels in DataLoader(Words(), batch_size=2):
    print(words, labels)

print(DataLoader(ds).batch_size, DataLoader(ds).drop_last, DataLoader(ds).num_workers)
try:
    DataLoader(ds, batch_size=2, shuffle=True, sampler=range(10))
except ValueError as e:
    print("ValueError:", e)
