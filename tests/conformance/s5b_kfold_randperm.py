# Hand-written k-fold cross-validation with torch.randperm and a generator: fold index bookkeeping,
# fresh model per fold, per-fold scores, mean/std summary printed with f-strings.
import torch
import torch.nn as nn

torch.manual_seed(0)
N, K = 60, 5
X = torch.randn(N, 4)
Y = (X[:, 0] + 0.5 * X[:, 1] > 0).long()
g = torch.Generator().manual_seed(123)
perm = torch.randperm(N, generator=g)
folds = torch.chunk(perm, K)
print([len(f) for f in folds], perm[:8].tolist())
fold_size = N // K
scores = []
for k in range(K):
    val_idx = perm[k * fold_size:(k + 1) * fold_size]
    train_idx = torch.cat([perm[:k * fold_size], perm[(k + 1) * fold_size:]])
    assert len(set(val_idx.tolist()) & set(train_idx.tolist())) == 0
    torch.manual_seed(k)
    model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))
    opt = torch.optim.Adam(model.parameters(), lr=0.05)
    for _ in range(30):
        opt.zero_grad()
        loss = nn.functional.cross_entropy(model(X[train_idx]), Y[train_idx])
        loss.backward()
        opt.step()
    with torch.no_grad():
        logits = model(X[val_idx])
        acc = (logits.argmax(1) == Y[val_idx]).float().mean().item()
        vloss = nn.functional.cross_entropy(logits, Y[val_idx]).item()
    scores.append(acc)
    print(f"fold {k}: train {len(train_idx)} val {len(val_idx)} loss {loss.item():.4f} vloss {vloss:.4f} acc {acc:.4f}")
s = torch.tensor(scores)
print(f"CV accuracy: {s.mean():.4f} +/- {s.std():.4f}", s.std(unbiased=False).item() >= 0)
mask = torch.zeros(N, dtype=torch.bool)
mask[folds[0]] = True
print(mask.sum().item(), X[~mask].shape, Y[mask].tolist())
idx = torch.arange(N)
for k, fold in enumerate(torch.tensor_split(idx, 4)):
    print(k, fold[0].item(), fold[-1].item(), len(fold))
