# "Datasets & DataLoaders": custom Dataset with transform/target_transform, Lambda one-hot target,
# random_split, Subset, DataLoader shuffle + drop_last, a custom collate_fn, iterating next(iter()).
import torch
from torch.utils.data import DataLoader, Dataset, Subset, random_split


class CustomImageDataset(Dataset):
    def __init__(self, n, transform=None, target_transform=None):
        self.images = torch.randint(0, 256, (n, 1, 4, 4), dtype=torch.uint8)
        self.labels = torch.randint(0, 10, (n,))
        self.transform = transform
        self.target_transform = target_transform

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, idx):
        image = self.images[idx]
        label = self.labels[idx]
        if self.transform:
            image = self.transform(image)
        if self.target_transform:
            label = self.target_transform(label)
        return image, label


def to_tensor(img):
    return img.float() / 255.0


def one_hot(y):
    return torch.zeros(10, dtype=torch.float).scatter_(0, torch.tensor(y), value=1)


torch.manual_seed(0)
ds = CustomImageDataset(23, transform=to_tensor, target_transform=one_hot)
print(len(ds))
img, lab = ds[0]
print(img.dtype, img.shape, img[0, 0], lab)
train_dataloader = DataLoader(ds, batch_size=5, shuffle=True)
test_dataloader = DataLoader(ds, batch_size=5, shuffle=False, drop_last=True)
print(len(train_dataloader), len(test_dataloader))
train_features, train_labels = next(iter(train_dataloader))
print(f"Feature batch shape: {train_features.size()}")
print(f"Labels batch shape: {train_labels.size()}")
print(train_labels.argmax(1))
for epoch in range(2):
    print("epoch", epoch, [lab.argmax(1).tolist() for _, lab in train_dataloader])
print([x.shape[0] for x, _ in test_dataloader])

train_set, val_set = random_split(ds, [18, 5])
print(len(train_set), len(val_set), type(train_set).__name__, sorted(val_set.indices))
parts = random_split(range(10), [0.5, 0.3, 0.2], generator=torch.Generator().manual_seed(42))
print([list(p) for p in parts])
sub = Subset(ds, [1, 3, 5])
print(len(sub), sub[1][1].argmax())


def collate(batch):
    xs, ys = zip(*batch)
    return torch.stack(xs).view(len(xs), -1).mean(1), torch.stack(ys).argmax(1)


loader = DataLoader(ds, batch_size=4, collate_fn=collate)
for xb, yb in loader:
    print(xb, yb)


class Squares(Dataset):
    def __len__(self):
        return 7

    def __getitem__(self, i):
        return {"x": torch.tensor([float(i)]), "y": i * i, "name": f"s{i}"}


for batch in DataLoader(Squares(), batch_size=3):
    print(batch["x"].view(-1), batch["y"], batch["name"])
g = torch.Generator()
g.manual_seed(7)
print([b.tolist() for b in DataLoader(torch.arange(10), batch_size=4, shuffle=True, generator=g)])
