import io
import numpy as np
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset, Dataset


class MyData(Dataset):
    def __init__(self, n):
        self.x = torch.randn(n, 3)
        self.y = (self.x.sum(1) > 0).long()

    def __len__(self):
        return len(self.x)

    def __getitem__(self, i):
        return self.x[i], self.y[i]


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(3, 16)
        self.bn = nn.BatchNorm1d(16)
        self.fc2 = nn.Linear(16, 2)

    def forward(self, x):
        return self.fc2(torch.relu(self.bn(self.fc1(x))))


ds = MyData(100)
dl = DataLoader(ds, batch_size=16, shuffle=True)
net = Net()
opt = torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9, nesterov=True)
crit = nn.CrossEntropyLoss()
for epoch in range(3):
    tot, correct = 0.0, 0
    for xb, yb in dl:
        opt.zero_grad()
        out = net(xb)
        loss = crit(out, yb)
        loss.backward()
        opt.step()
        tot += loss.item() * xb.size(0)
        correct += (out.argmax(1) == yb).sum().item()
    print(f"epoch {epoch} loss {tot / len(ds):.4f} acc {correct / len(ds):.3f}")
buf = io.BytesIO()
torch.save({"model": net.state_dict(), "opt": opt.state_dict(), "epoch": 3}, buf)
buf.seek(0)
ck = torch.load(buf)
net2 = Net()
print(net2.load_state_dict(ck["model"]))
net2.eval()
net.eval()
xt = torch.randn(4, 3)
print(torch.allclose(net(xt), net2(xt)), ck["epoch"], list(ck["opt"]["state"].keys())[:3])
print(net.bn.running_mean, net.bn.num_batches_tracked)
arr = np.arange(6, dtype=np.float32).reshape(2, 3)
t = torch.from_numpy(arr)
print(t * 2, t.numpy().dtype, torch.as_tensor([1, 2]).dtype, torch.tensor(np.float64(2.5)).dtype)
print(sum(p.numel() for p in net.parameters() if p.requires_grad))
print(net.fc1.weight.grad is not None, net.fc1.weight.requires_grad)
ds_train, ds_val = torch.utils.data.random_split(ds, [80, 20])
print(len(ds_train), len(ds_val), ds_val[0][1])
for i, (xb, yb) in enumerate(DataLoader(ds_val, batch_size=8)):
    print(i, xb.shape, yb.tolist())
