# default_collate on namedtuples, OrderedDict, mixed int/float lists, bools, float64 numbers, bytes/strings,
# numpy scalars and string arrays (error), StackDataset, and __getitems__-based batched fetching.
from collections import OrderedDict, namedtuple

import numpy as np
import torch
from torch.utils.data import DataLoader, Dataset, StackDataset, TensorDataset, default_collate

Point = namedtuple("Point", ["x", "y"])
out = default_collate([Point(torch.tensor(1.0), 2), Point(torch.tensor(3.0), 4)])
print(type(out).__name__, out)
od = default_collate([OrderedDict(b=1, a=2.0), OrderedDict(b=3, a=4.0)])
print(type(od).__name__, list(od), od)
print(default_collate([1, 2.5]) if False else default_collate([1.0, 2.5]).dtype)
print(default_collate([np.int32(3), np.int32(4)]), default_collate([np.float32(1.5), np.float32(2)]).dtype)
print(default_collate([b"ab", b"cd"]), default_collate([("s", 1), ("t", 2)]))
print(default_collate([torch.tensor(1, dtype=torch.int16), torch.tensor(2, dtype=torch.int16)]).dtype)
print(default_collate([[torch.zeros(2), 1], [torch.ones(2), 2]]))
try:
    default_collate([np.array(["a", "b"]), np.array(["c", "d"])])
except TypeError as e:
    print("TypeError:", e)
try:
    default_collate([[1, 2], [3]])
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    default_collate([object(), object()])
except TypeError as e:
    print("TypeError:", str(e)[:60])

st = StackDataset(TensorDataset(torch.arange(4)), torch.arange(4) * 10)
print(len(st), st[1])
sd = StackDataset(img=torch.arange(3), label=[7, 8, 9])
print(sd[2], [b for b in DataLoader(sd, batch_size=2)])


class Batched(Dataset):
    def __init__(self):
        self.data = torch.arange(10.0)
        self.calls = 0

    def __len__(self):
        return len(self.data)

    def __getitem__(self, i):
        return self.data[i]

    def __getitems__(self, idxs):
        self.calls += 1
        return [self.data[i] * 100 for i in idxs]


b = Batched()
print([t.tolist() for t in DataLoader(b, batch_size=4)], "calls", b.calls)
print(next(iter(DataLoader(list(zip(range(3), "abc")), batch_size=3))))
