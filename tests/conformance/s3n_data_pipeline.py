# Dataset/DataLoader as tutorials write them: custom Dataset with transforms, dict samples, collate_fn
# padding variable-length sequences, drop_last, seeded shuffling, random_split, Subset, samplers.
import torch
from torch.utils.data import (BatchSampler, ConcatDataset, DataLoader, Dataset, RandomSampler, SequentialSampler,
                              Subset, SubsetRandomSampler, TensorDataset, WeightedRandomSampler, random_split)
from torch.nn.utils.rnn import pad_sequence


class SquaresDataset(Dataset):
    def __init__(self, n, transform=None):
        self.x = torch.arange(n, dtype=torch.float32)
        self.transform = transform

    def __len__(self):
        return len(self.x)

    def __getitem__(self, idx):
        sample = {"x": self.x[idx], "y": self.x[idx] ** 2, "idx": idx}
        if self.transform:
            sample = self.transform(sample)
        return sample


def scale(sample):
    sample["x"] = sample["x"] / 10
    return sample


ds = SquaresDataset(10, transform=scale)
print(len(ds), ds[3])
loader = DataLoader(ds, batch_size=4)
for batch in loader:
    print(batch["x"], batch["y"], batch["idx"])
g = torch.Generator().manual_seed(123)
loader = DataLoader(ds, batch_size=3, shuffle=True, drop_last=True, generator=g)
print(len(loader), [b["idx"].tolist() for b in loader])
print([b["idx"].tolist() for b in loader])


class SeqDataset(Dataset):
    def __init__(self):
        torch.manual_seed(4)
        self.seqs = [torch.randint(1, 9, (int(n),)) for n in torch.randint(1, 6, (7,))]
        self.labels = torch.randint(0, 2, (7,))

    def __len__(self):
        return len(self.seqs)

    def __getitem__(self, i):
        return self.seqs[i], self.labels[i]


def collate(batch):
    seqs, labels = zip(*batch)
    lengths = torch.tensor([len(s) for s in seqs])
    return pad_sequence(seqs, batch_first=True, padding_value=0), lengths, torch.stack(labels)


for padded, lengths, labels in DataLoader(SeqDataset(), batch_size=3, collate_fn=collate):
    print(padded, lengths, labels)

X = torch.randn(20, 3)
Y = torch.randint(0, 2, (20,))
tds = TensorDataset(X, Y)
print(len(tds), tds[0][0].shape, tds[0][1], tds.tensors[1][:5])
train, val = random_split(tds, [16, 4], generator=torch.Generator().manual_seed(42))
print(len(train), len(val), train.indices, val.indices)
a, b, c = random_split(range(10), [0.5, 0.3, 0.2], generator=torch.Generator().manual_seed(0))
print(list(a), list(b), list(c))
sub = Subset(tds, [0, 5, 10])
print(len(sub), sub[1][1], sub.indices)
cat = ConcatDataset([sub, Subset(tds, range(3))])
print(len(cat), cat.cumulative_sizes, cat[4][1])
print(list(SequentialSampler(range(5))), list(BatchSampler(SequentialSampler(range(7)), 3, drop_last=False)))
print(list(BatchSampler(range(7), 3, drop_last=True)))
print(list(RandomSampler(range(6), generator=torch.Generator().manual_seed(1))))
print(list(RandomSampler(range(4), replacement=True, num_samples=8, generator=torch.Generator().manual_seed(2))))
print(list(SubsetRandomSampler([3, 7, 9, 11], generator=torch.Generator().manual_seed(3))))
counts = torch.bincount(Y)
weights = (1.0 / counts.float())[Y]
sampler = WeightedRandomSampler(weights, num_samples=12, replacement=True, generator=torch.Generator().manual_seed(5))
idx = list(sampler)
print(idx, torch.bincount(Y[idx], minlength=2))
print(list(WeightedRandomSampler([0.1, 0.9, 0.4, 0.7], 3, replacement=False,
                                 generator=torch.Generator().manual_seed(6))))
wl = DataLoader(tds, batch_size=5, sampler=sampler)
for xb, yb in wl:
    print(xb.shape, yb)
bl = DataLoader(tds, batch_sampler=BatchSampler(SequentialSampler(tds), batch_size=6, drop_last=False))
print([yb.tolist() for _, yb in bl])
it = iter(DataLoader(tds, batch_size=8, shuffle=True))
xb, yb = next(it)
print(xb.shape, yb)
print(next(iter(DataLoader([(1, 2.0), (3, 4.0)], batch_size=2))))
print(next(iter(DataLoader([[1, 2], [3, 4], [5, 6]], batch_size=3))))
print(next(iter(DataLoader(["a", "b", "c"], batch_size=2))))
print(next(iter(DataLoader(torch.arange(10), batch_size=4, shuffle=False))))
print(next(iter(DataLoader(tds, batch_size=None)))[1])
