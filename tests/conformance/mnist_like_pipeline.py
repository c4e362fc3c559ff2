# A synthetic "digits" pipeline: custom Dataset with a transform, DataLoader epochs, CNN, Adam, validation accuracy.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import DataLoader, Dataset, random_split

torch.manual_seed(0)


class Blobs(Dataset):
    def __init__(self, n=96):
        self.labels = torch.randint(0, 4, (n,))
        base = torch.zeros(n, 1, 6, 6)
        for k in range(4):
            base[self.labels == k, 0, k, :] = 1.0
        self.images = base + 0.3 * torch.randn(n, 1, 6, 6)

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, i):
        img = (self.images[i] - 0.5) / 0.5
        return img, self.labels[i].item()


ds = Blobs()
train_ds, val_ds = random_split(ds, [72, 24], generator=torch.Generator().manual_seed(1))
train_dl = DataLoader(train_ds, batch_size=16, shuffle=True)
val_dl = DataLoader(val_ds, batch_size=16)
xb, yb = next(iter(train_dl))
print(xb.shape, xb.dtype, yb.dtype, yb[:6])

model = nn.Sequential(nn.Conv2d(1, 6, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(6 * 3 * 3, 4))
opt = torch.optim.Adam(model.parameters(), lr=3e-3)
for epoch in range(4):
    model.train()
    running, seen = 0.0, 0
    for xb, yb in train_dl:
        opt.zero_grad()
        loss = F.cross_entropy(model(xb), yb)
        loss.backward()
        opt.step()
        running += loss.item() * xb.size(0)
        seen += xb.size(0)
    model.eval()
    correct = 0
    with torch.no_grad():
        for xb, yb in val_dl:
            correct += (model(xb).argmax(1) == yb).sum().item()
    print(f"epoch {epoch}: train loss {running / seen:.4f} val acc {correct / len(val_ds):.3f}")
