# Samplers: SequentialSampler, RandomSampler, SubsetRandomSampler, WeightedRandomSampler, BatchSampler, collate of dicts.
import torch
from torch.utils.data import (BatchSampler, DataLoader, Dataset, RandomSampler, SequentialSampler, SubsetRandomSampler,
                              TensorDataset, WeightedRandomSampler, default_collate, ConcatDataset)

ds = TensorDataset(torch.arange(10).float(), torch.arange(10) % 3)
print(list(SequentialSampler(ds)), list(RandomSampler(ds)), list(RandomSampler(ds, replacement=True, num_samples=5)))
print(list(SubsetRandomSampler([1, 3, 5, 7])))
print(list(WeightedRandomSampler([0.1, 0.9, 0.5, 0.5], num_samples=6, replacement=True)))
print(list(BatchSampler(SequentialSampler(range(7)), batch_size=3, drop_last=False)))
print(list(BatchSampler(SequentialSampler(range(7)), batch_size=3, drop_last=True)))
dl = DataLoader(ds, sampler=SubsetRandomSampler(range(6)), batch_size=4)
print([y.tolist() for _, y in dl])
dl = DataLoader(ds, batch_sampler=BatchSampler(RandomSampler(ds), batch_size=4, drop_last=False))
print([x.tolist() for x, _ in dl])


class Dicts(Dataset):
    def __len__(self):
        return 5

    def __getitem__(self, i):
        return {"x": torch.full((2,), float(i)), "y": i, "name": f"item{i}", "pair": (i, i * 0.5)}


for batch in DataLoader(Dicts(), batch_size=2):
    print(batch)
print(default_collate([(torch.ones(2), 1), (torch.zeros(2), 2)]))
cat = ConcatDataset([ds, TensorDataset(torch.ones(2), torch.zeros(2, dtype=torch.long))])
print(len(cat), cat[10], cat[-1])
print(len(DataLoader(ds, batch_size=3)), len(DataLoader(ds, batch_size=3, drop_last=True)))
print(next(iter(DataLoader([1, 2, 3, 4], batch_size=2))), next(iter(DataLoader([[1.0, 2.0]] * 3, batch_size=3))))
