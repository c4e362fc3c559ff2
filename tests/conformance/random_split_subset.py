# random_split with lengths and fractions, Subset indexing, and a custom Dataset.
import torch
from torch.utils.data import DataLoader, Dataset, Subset, random_split


class Squares(Dataset):
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        return torch.tensor([float(i)]), torch.tensor(i * i)


ds = Squares(12)
train, val = random_split(ds, [9, 3])
print(len(train), len(val), sorted(train.indices), sorted(val.indices))
a, b, c = random_split(ds, [0.5, 0.25, 0.25], generator=torch.Generator().manual_seed(42))
print(list(a.indices), list(b.indices), list(c.indices))
sub = Subset(ds, [1, 4, 9])
print(len(sub), sub[2])
for x, y in DataLoader(train, batch_size=4):
    print(x.view(-1).tolist(), y.tolist(), y.dtype)
loader = DataLoader(ds, batch_size=5, collate_fn=lambda batch: [b[1].item() for b in batch])
print(list(loader))
