# Samplers: SequentialSampler, RandomSampler (replacement, num_samples, generator), SubsetRandomSampler,
# WeightedRandomSampler for class imbalance, BatchSampler (drop_last) and batch_sampler= in DataLoader.
import torch
from torch.utils.data import (BatchSampler, DataLoader, RandomSampler, SequentialSampler, SubsetRandomSampler,
                              TensorDataset, WeightedRandomSampler)

data = list(range(10))
print(list(SequentialSampler(data)))
g = torch.Generator().manual_seed(7)
print(list(RandomSampler(data, generator=g)))
print(list(RandomSampler(data, replacement=True, num_samples=6, generator=g)))
print(list(RandomSampler(data, num_samples=14, generator=g)))
print(len(RandomSampler(data, num_samples=14)))

print(list(SubsetRandomSampler([1, 3, 5, 7], generator=torch.Generator().manual_seed(0))))

labels = torch.tensor([0] * 8 + [1] * 2)
class_count = torch.bincount(labels)
weights = 1.0 / class_count[labels].float()
print("weights", weights)
ws = WeightedRandomSampler(weights, num_samples=20, replacement=True, generator=torch.Generator().manual_seed(3))
idx = list(ws)
print(idx, "class1 fraction", (labels[idx] == 1).float().mean().item())
ws2 = WeightedRandomSampler([0.1, 0.9, 0.4, 0.7, 3.0, 0.6], 4, replacement=False,
                            generator=torch.Generator().manual_seed(5))
print(list(ws2), len(ws2))
try:
    WeightedRandomSampler([0.1, 0.2], 5, replacement=False)
    list(WeightedRandomSampler([0.1, 0.2], 5, replacement=False))
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    WeightedRandomSampler([0.1, 0.2], num_samples=0)
except ValueError as e:
    print("ValueError:", e)

print(list(BatchSampler(SequentialSampler(range(10)), batch_size=3, drop_last=False)))
print(list(BatchSampler(SequentialSampler(range(10)), batch_size=3, drop_last=True)))
print(len(BatchSampler(range(10), 3, False)), len(BatchSampler(range(10), 3, True)))
print(list(BatchSampler(range(5), 2, False)))

ds = TensorDataset(torch.arange(10) * 10, labels)
bs = BatchSampler(RandomSampler(ds, generator=torch.Generator().manual_seed(1)), batch_size=4, drop_last=False)
for xb, yb in DataLoader(ds, batch_sampler=bs):
    print("batch_sampler", xb.tolist(), yb.tolist())
loader = DataLoader(ds, batch_size=5, sampler=ws)
print("weighted loader", [yb.tolist() for _, yb in loader], len(loader))
loader = DataLoader(ds, batch_size=3, sampler=SubsetRandomSampler(range(0, 10, 2),
                                                                  generator=torch.Generator().manual_seed(4)))
print("subset loader", [xb.tolist() for xb, _ in loader])
try:
    DataLoader(ds, batch_sampler=bs, batch_size=2)
except ValueError as e:
    print("ValueError:", e)
