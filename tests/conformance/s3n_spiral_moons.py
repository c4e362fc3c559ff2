# Two-moons and spiral classification with an MLP: data generated with torch ops, minibatch training,
# accuracy every few epochs, predictions on a grid.
import math
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(7)


def make_moons(n, noise=0.1):
    t = torch.rand(n) * math.pi
    outer = torch.stack([torch.cos(t), torch.sin(t)], 1)
    inner = torch.stack([1 - torch.cos(t), 1 - torch.sin(t) - 0.5], 1)
    X = torch.cat([outer, inner]) + noise * torch.randn(2 * n, 2)
    y = torch.cat([torch.zeros(n, dtype=torch.long), torch.ones(n, dtype=torch.long)])
    return X, y


def make_spiral(n_per, k):
    X = torch.zeros(n_per * k, 2)
    y = torch.zeros(n_per * k, dtype=torch.long)
    for j in range(k):
        r = torch.linspace(0.0, 1, n_per)
        t = torch.linspace(j * 4, (j + 1) * 4, n_per) + torch.randn(n_per) * 0.2
        X[j * n_per:(j + 1) * n_per] = torch.stack([r * torch.sin(t), r * torch.cos(t)], dim=1)
        y[j * n_per:(j + 1) * n_per] = j
    return X, y


X, y = make_moons(100)
print(X.shape, y.shape, X.mean(0), X.std(0))
perm = torch.randperm(len(X))
X, y = X[perm], y[perm]
Xtr, ytr, Xte, yte = X[:160], y[:160], X[160:], y[160:]
model = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 16), nn.ReLU(), nn.Linear(16, 2))
opt = torch.optim.Adam(model.parameters(), lr=0.01)
for epoch in range(40):
    model.train()
    idx = torch.randperm(160)
    tot = 0.0
    for i in range(0, 160, 32):
        b = idx[i:i + 32]
        out = model(Xtr[b])
        loss = F.cross_entropy(out, ytr[b])
        opt.zero_grad()
        loss.backward()
        opt.step()
        tot += loss.item() * len(b)
    if epoch % 8 == 7:
        model.eval()
        with torch.no_grad():
            acc = (model(Xte).argmax(1) == yte).float().mean().item()
        print(f"epoch {epoch + 1} train_loss {tot / 160:.4f} test_acc {acc:.3f}")

xs = torch.linspace(-1.5, 2.5, 5)
ys = torch.linspace(-1.0, 1.5, 4)
gx, gy = torch.meshgrid(xs, ys, indexing="ij")
grid = torch.stack([gx.flatten(), gy.flatten()], 1)
with torch.no_grad():
    probs = F.softmax(model(grid), dim=1)[:, 1]
print(probs.reshape(5, 4))

Xs, ys_ = make_spiral(60, 3)
print(Xs.shape, torch.bincount(ys_), Xs[::45])
net = nn.Sequential(nn.Linear(2, 64), nn.ReLU(), nn.Linear(64, 3))
opt = torch.optim.SGD(net.parameters(), lr=1.0, weight_decay=1e-3)
for it in range(150):
    scores = net(Xs)
    loss = F.cross_entropy(scores, ys_)
    opt.zero_grad()
    loss.backward()
    opt.step()
    if it % 30 == 0:
        print(f"iteration {it}: loss {loss.item():f}")
pred = net(Xs).argmax(dim=1)
print("training accuracy: %.2f" % (pred == ys_).float().mean().item())
print(torch.unique(pred, return_counts=True))
