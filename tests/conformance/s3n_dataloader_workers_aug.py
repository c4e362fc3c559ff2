# DataLoader with num_workers=2 (the CIFAR-tutorial setting) over a Dataset that augments with random noise
# and random flips, the seed_worker / generator recipe from the reproducibility notes, an IterableDataset
# sharded with get_worker_info(), persistent workers across epochs, and dropout training on the main RNG.
import random
import numpy as np
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, Dataset, IterableDataset, get_worker_info


class NoisyShapes(Dataset):
    def __init__(self, n=24, train=True):
        g = torch.Generator().manual_seed(11)
        self.x = torch.rand(n, 1, 4, 4, generator=g)
        self.y = (self.x.mean(dim=(1, 2, 3)) > 0.5).long()
        self.train = train

    def __len__(self):
        return len(self.x)

    def __getitem__(self, idx):
        img = self.x[idx].clone()
        if self.train:
            if random.random() < 0.5:
                img = img.flip(-1)
            img = img + 0.05 * torch.randn_like(img)
            img = img * float(np.random.uniform(0.9, 1.1))
        return img, self.y[idx]


def seed_worker(worker_id):
    worker_seed = torch.initial_seed() % 2 ** 32
    np.random.seed(worker_seed)
    random.seed(worker_seed)


class Counter(IterableDataset):
    def __init__(self, start, end):
        self.start, self.end = start, end

    def __iter__(self):
        info = get_worker_info()
        if info is None:
            lo, hi = self.start, self.end
        else:
            per = int(np.ceil((self.end - self.start) / float(info.num_workers)))
            lo = self.start + info.id * per
            hi = min(lo + per, self.end)
        return iter(range(lo, hi))


torch.manual_seed(0)
np.random.seed(0)
random.seed(0)
g = torch.Generator()
g.manual_seed(0)
train_loader = DataLoader(NoisyShapes(), batch_size=4, shuffle=True, num_workers=2, worker_init_fn=seed_worker,
                          generator=g, persistent_workers=True)
test_loader = DataLoader(NoisyShapes(train=False), batch_size=8, num_workers=2)
print(len(train_loader), len(test_loader), train_loader.num_workers, get_worker_info())
model = nn.Sequential(nn.Flatten(), nn.Linear(16, 8), nn.ReLU(), nn.Dropout(0.2), nn.Linear(8, 2))
opt = torch.optim.SGD(model.parameters(), lr=0.2, momentum=0.9)
for epoch in range(3):
    model.train()
    running = 0.0
    for i, (xb, yb) in enumerate(train_loader):
        if epoch == 0 and i < 2:
            print(xb[0, 0, 0], yb)
        loss = nn.functional.cross_entropy(model(xb), yb)
        opt.zero_grad()
        loss.backward()
        opt.step()
        running += loss.item()
    model.eval()
    correct = 0
    with torch.no_grad():
        for xb, yb in test_loader:
            correct += (model(xb).argmax(1) == yb).sum().item()
    print(f"epoch {epoch} loss {running / len(train_loader):.4f} acc {correct}/{len(test_loader.dataset)}")
print(list(DataLoader(Counter(3, 10), num_workers=2)))
print([b.tolist() for b in DataLoader(Counter(0, 9), batch_size=2, num_workers=3)])
print([b.tolist() for b in DataLoader(Counter(0, 5), batch_size=2, num_workers=0)])
print(torch.rand(3), np.random.rand(2).round(6), random.random())
