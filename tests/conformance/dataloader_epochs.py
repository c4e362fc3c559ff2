# TensorDataset + DataLoader with shuffle, drop_last, batch shapes and epoch losses.
import torch
from torch.utils.data import DataLoader, TensorDataset

X = torch.arange(20, dtype=torch.float32).reshape(10, 2)
Y = torch.arange(10)
ds = TensorDataset(X, Y)
print(len(ds), ds[3])
loader = DataLoader(ds, batch_size=4, shuffle=True)
print(len(loader))
for epoch in range(2):
    for xb, yb in loader:
        print(epoch, xb.shape, yb.tolist())
loader = DataLoader(ds, batch_size=3, shuffle=False, drop_last=True)
print(len(loader), [yb.tolist() for _, yb in loader])
g = torch.Generator().manual_seed(7)
print([yb.tolist() for _, yb in DataLoader(ds, batch_size=5, shuffle=True, generator=g)])

model = torch.nn.Linear(2, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.001)
loader = DataLoader(TensorDataset(X, Y.float().unsqueeze(1)), batch_size=4, shuffle=True)
for epoch in range(3):
    total = 0.0
    for xb, yb in loader:
        opt.zero_grad()
        loss = torch.nn.functional.mse_loss(model(xb), yb)
        loss.backward()
        opt.step()
        total += loss.item() * len(xb)
    print(f"epoch {epoch} mean loss {total / len(loader.dataset):.5f}")
