# IterableDataset streams: generator-based dataset, batching, itertools-style take, chaining datasets,
# len() errors, and shuffle refused.
import itertools

import torch
from torch.utils.data import ChainDataset, DataLoader, IterableDataset


class Counter(IterableDataset):
    def __init__(self, start, end):
        self.start, self.end = start, end

    def __iter__(self):
        for i in range(self.start, self.end):
            yield torch.tensor([i, i * i])


class Noisy(IterableDataset):
    def __iter__(self):
        g = torch.Generator().manual_seed(0)
        while True:
            x = torch.randn(2, generator=g)
            yield x, (x.sum() > 0).long()


loader = DataLoader(Counter(0, 7), batch_size=3)
for i, b in enumerate(loader):
    print(i, b.tolist())
print(list(DataLoader(Counter(0, 5), batch_size=2, drop_last=True)))
try:
    len(loader)
except TypeError as e:
    print("TypeError:", e)
try:
    DataLoader(Counter(0, 5), shuffle=True)
except ValueError as e:
    print("ValueError:", e)

for xb, yb in itertools.islice(DataLoader(Noisy(), batch_size=4), 2):
    print(xb.numpy().round(4), yb.tolist())

chained = ChainDataset([Counter(0, 2), Counter(10, 12)])
print([t.tolist() for t in chained])
print([b.tolist() for b in DataLoader(Counter(0, 3) + Counter(5, 6), batch_size=2)])
print([t.tolist() for t in DataLoader(Counter(0, 3), batch_size=None)])
