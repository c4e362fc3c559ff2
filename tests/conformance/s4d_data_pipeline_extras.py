# Data pipeline pieces from tutorials: default_collate on dicts/tuples/numpy/floats/namedtuples,
# IterableDataset with a generator, ConcatDataset, samplers (Sequential, Random with replacement,
# WeightedRandomSampler, SubsetRandomSampler, BatchSampler), DataLoader with sampler/batch_sampler.
import collections

import numpy as np
import torch
from torch.utils.data import (BatchSampler, ConcatDataset, DataLoader, Dataset, IterableDataset, RandomSampler,
                              SequentialSampler, SubsetRandomSampler, TensorDataset, WeightedRandomSampler)
from torch.utils.data import default_collate

torch.manual_seed(0)
Point = collections.namedtuple("Point", ["x", "y"])
print(default_collate([{"a": 1.5, "b": np.array([1, 2])}, {"a": 2.5, "b": np.array([3, 4])}]))
print(default_collate([(1, torch.ones(2)), (2, torch.zeros(2))]))
print(default_collate([Point(1.0, 2), Point(3.0, 4)]))
print(default_collate([np.float32(1.0), np.float32(2.0)]), default_collate(["a", "b"]), default_collate([True, False]))
print(default_collate([[1, 2], [3, 4]]))


class Stream(IterableDataset):
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        for i in range(self.n):
            yield torch.tensor([float(i), float(i * i)]), i % 2


for xb, yb in DataLoader(Stream(7), batch_size=3):
    print(xb.tolist(), yb)


class Range(Dataset):
    def __init__(self, a, b):
        self.v = list(range(a, b))

    def __len__(self):
        return len(self.v)

    def __getitem__(self, i):
        return self.v[i]


cd = ConcatDataset([Range(0, 3), Range(10, 14)])
print(len(cd), [cd[i] for i in range(len(cd))], cd.cumulative_sizes)
print(list(SequentialSampler(range(5))), list(RandomSampler(range(6))))
print(list(RandomSampler(range(10), replacement=True, num_samples=6)))
weights = torch.tensor([0.1, 0.1, 0.8, 0.0, 1.0])
print(list(WeightedRandomSampler(weights, num_samples=8, replacement=True)))
print(list(WeightedRandomSampler([1, 2, 3, 4], num_samples=3, replacement=False)))
print(list(SubsetRandomSampler([3, 5, 7, 9])))
print(list(BatchSampler(SequentialSampler(range(10)), batch_size=3, drop_last=False)))
print(list(BatchSampler(range(10), batch_size=4, drop_last=True)))
X = torch.arange(20.0).reshape(10, 2)
y = torch.arange(10)
ds = TensorDataset(X, y)
labels = torch.tensor([0, 0, 0, 0, 0, 0, 0, 1, 1, 1])
class_count = torch.bincount(labels)
sample_w = 1.0 / class_count[labels].float()
print(sample_w)
loader = DataLoader(ds, batch_size=4, sampler=WeightedRandomSampler(sample_w, num_samples=10, replacement=True))
for xb, yb in loader:
    print(yb.tolist(), labels[yb].tolist())
loader = DataLoader(ds, batch_sampler=BatchSampler(RandomSampler(ds), batch_size=3, drop_last=False))
print([yb.tolist() for _, yb in loader], len(loader))
loader = DataLoader(ds, batch_size=None, shuffle=False)
print(next(iter(loader)))
loader = DataLoader(Range(0, 5), batch_size=2, collate_fn=lambda b: sum(b))
print(list(loader))
g = torch.Generator().manual_seed(3)
print([b.tolist() for b in DataLoader(range(8), batch_size=3, shuffle=True, generator=g)])
print(len(DataLoader(ds, batch_size=3)), len(DataLoader(ds, batch_size=3, drop_last=True)))
