# random_split with generator (lengths and fractions), Subset indices/attributes, ConcatDataset
# cumulative_sizes and indexing, TensorDataset checks, and a train/val split training loop.
import torch
from torch.utils.data import ConcatDataset, DataLoader, Subset, TensorDataset, random_split

torch.manual_seed(0)
X = torch.arange(20.0).reshape(10, 2)
Y = torch.arange(10)
ds = TensorDataset(X, Y)
print(len(ds), ds[4], len(ds.tensors))

train, val = random_split(ds, [7, 3], generator=torch.Generator().manual_seed(42))
print(type(train).__name__, len(train), len(val), train.indices, val.indices)
print(train[0], train.dataset is ds)

a, b, c = random_split(range(10), [0.5, 0.3, 0.2], generator=torch.Generator().manual_seed(1))
print([list(s) for s in (a, b, c)])
parts = random_split(range(7), [0.5, 0.5], generator=torch.Generator().manual_seed(2))
print([len(p) for p in parts], [list(p) for p in parts])
try:
    random_split(range(10), [5, 6])
except ValueError as e:
    print("ValueError:", e)

sub = Subset(ds, [9, 0, 5])
print(len(sub), sub[0], sub.indices, [sub[i][1].item() for i in range(len(sub))])
nested = Subset(sub, [2, 0])
print(nested[0], nested[1])

more = TensorDataset(torch.full((3, 2), -1.0), torch.tensor([100, 101, 102]))
cat = ConcatDataset([ds, more, sub])
print(len(cat), cat.cumulative_sizes, cat[10], cat[-1], cat[12], cat[13])
try:
    cat[len(cat)]
except IndexError as e:
    print("IndexError:", e)
try:
    TensorDataset(torch.zeros(3), torch.zeros(4))
except AssertionError as e:
    print("AssertionError:", e)
print(len(ds + more), type(ds + more).__name__)

model = torch.nn.Linear(2, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.001)
tl = DataLoader(train, batch_size=3, shuffle=True, generator=torch.Generator().manual_seed(0))
vl = DataLoader(val, batch_size=3)
for epoch in range(3):
    model.train()
    for xb, yb in tl:
        opt.zero_grad()
        loss = ((model(xb).squeeze(1) - yb.float()) ** 2).mean()
        loss.backward()
        opt.step()
    model.eval()
    with torch.no_grad():
        vloss = sum(((model(xb).squeeze(1) - yb.float()) ** 2).sum().item() for xb, yb in vl) / len(val)
    print(f"epoch {epoch} train {loss.item():.4f} val {vloss:.4f}")
