# Custom Dataset returning dicts, collate_fn, random_split with fractions, WeightedRandomSampler, Subset.
import torch
from torch.utils.data import (BatchSampler, ConcatDataset, DataLoader, Dataset, RandomSampler, SequentialSampler,
                              Subset, TensorDataset, WeightedRandomSampler, random_split)
from torch.utils.data.dataloader import default_collate

torch.manual_seed(21)


class DictDS(Dataset):
    def __init__(self, n):
        self.x = torch.randn(n, 3)
        self.y = (torch.arange(n) % 5 == 0).long()

    def __len__(self):
        return len(self.x)

    def __getitem__(self, idx):
        return {"features": self.x[idx], "label": self.y[idx], "idx": idx, "name": f"s{idx}"}


ds = DictDS(40)
dl = DataLoader(ds, batch_size=6)
b = next(iter(dl))
print(sorted(b.keys()), b["features"].shape, b["label"], b["idx"], b["name"])
print(default_collate([(1, 2.0, torch.tensor([1, 2])), (3, 4.0, torch.tensor([3, 4]))]))
print(default_collate([[torch.ones(2)], [torch.zeros(2)]]))
counts = torch.bincount(ds.y)
print(counts)
class_weights = 1.0 / counts.float()
sample_weights = class_weights[ds.y]
sampler = WeightedRandomSampler(sample_weights, num_samples=len(sample_weights), replacement=True)
wdl = DataLoader(ds, batch_size=10, sampler=sampler)
seen = []
for batch in wdl:
    seen.append(batch["label"].sum().item())
    print(batch["idx"].tolist())
print(seen, len(wdl))
g = torch.Generator().manual_seed(42)
a, b2, c = random_split(range(30), [0.5, 0.3, 0.2], generator=g)
print(len(a), len(b2), len(c), list(a)[:5], list(c))
sub = Subset(ds, [0, 5, 10])
print(len(sub), sub[1]["label"], sub.indices)
cat = ConcatDataset([TensorDataset(torch.arange(3)), TensorDataset(torch.arange(10, 14))])
print(len(cat), cat[4], cat.cumulative_sizes)
print([x.tolist() for (x,) in DataLoader(cat, batch_size=3, shuffle=True)])
print(list(BatchSampler(SequentialSampler(range(7)), batch_size=3, drop_last=False)))
print(list(BatchSampler(RandomSampler(range(7)), batch_size=3, drop_last=True)))
dl2 = DataLoader(TensorDataset(torch.arange(10.0), torch.arange(10)), batch_size=4, drop_last=True, shuffle=True,
                 generator=torch.Generator().manual_seed(3))
for x, y in dl2:
    print(x, y)
print(len(dl2))


def pairs_collate(batch):
    xs = torch.stack([item[0] for item in batch])
    return xs * 2, len(batch)


for xs, n in DataLoader(TensorDataset(torch.arange(5.0)), batch_size=2, collate_fn=pairs_collate):
    print(xs, n)
sampler2 = WeightedRandomSampler([0.1, 0.9, 0.4, 0.7], 6, replacement=True, generator=torch.Generator().manual_seed(0))
print(list(sampler2))
print(list(WeightedRandomSampler([1.0, 2.0, 3.0, 4.0], 3, replacement=False)))
