# k-nearest-neighbours classifier and regressor: pairwise distances by the expansion trick,
# topk(largest=False), majority vote with mode / bincount, distance-weighted voting, LOO accuracy.
import torch

torch.manual_seed(8)
n_per = 30
means = torch.tensor([[0.0, 0.0], [3.0, 0.5], [1.5, 3.0]])
Xtr = torch.cat([m + torch.randn(n_per, 2) for m in means])
ytr = torch.arange(3).repeat_interleave(n_per)
Xte = torch.tensor([[0.2, 0.1], [2.8, 0.2], [1.4, 2.7], [1.5, 1.2], [-2.0, 4.0]])


def sq_dists(A, B):
    return (A ** 2).sum(1, keepdim=True) - 2 * A @ B.T + (B ** 2).sum(1)


D = sq_dists(Xte, Xtr)
print(torch.allclose(D.clamp_min(0).sqrt(), torch.cdist(Xte, Xtr), atol=1e-4))
for k in (1, 3, 5, 9):
    dist, idx = D.topk(k, dim=1, largest=False)
    votes = ytr[idx]
    pred = torch.mode(votes, dim=1).values
    counts = torch.stack([torch.bincount(v, minlength=3) for v in votes])
    print(k, pred.tolist(), counts.tolist())
dist, idx = torch.cdist(Xte, Xtr).topk(7, largest=False)
w = 1.0 / (dist + 1e-8)
scores = torch.zeros(len(Xte), 3).scatter_add_(1, ytr[idx], w)
print(scores, scores.argmax(1))
Dtr = torch.cdist(Xtr, Xtr)
Dtr.fill_diagonal_(float("inf"))
for k in (1, 5, 15):
    nn_idx = Dtr.topk(k, largest=False).indices
    pred = ytr[nn_idx].mode(1).values
    print("loo acc", k, (pred == ytr).float().mean().item())
ytr_reg = Xtr[:, 0] * 2 - Xtr[:, 1] + 0.1 * torch.randn(len(Xtr))
nn_idx = torch.cdist(Xte, Xtr).topk(5, largest=False).indices
print("knn regression", ytr_reg[nn_idx].mean(1), ytr_reg[nn_idx].median(1).values)
print(torch.cdist(Xte, Xtr, p=1).min(1), torch.cdist(Xte[:2], Xtr[:3], p=float("inf")))
