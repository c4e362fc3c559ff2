# k-means++ initialisation with torch.multinomial over squared distances, Lloyd iterations with
# cdist/argmin/scatter_add, inertia for several k (elbow), and a silhouette score.
import torch

torch.manual_seed(21)
true_c = torch.tensor([[-4.0, 0.0], [0.0, 4.0], [4.0, 0.0], [0.0, -4.0]])
X = torch.cat([c + 0.8 * torch.randn(25, 2) for c in true_c])


def kmeans_pp(X, k):
    idx = [torch.randint(len(X), (1,)).item()]
    for _ in range(1, k):
        d2 = torch.cdist(X, X[idx]).min(dim=1).values ** 2
        idx.append(torch.multinomial(d2 / d2.sum(), 1).item())
    return X[idx].clone()


def lloyd(X, C, iters=20):
    for it in range(iters):
        D = torch.cdist(X, C)
        a = D.argmin(1)
        sums = torch.zeros_like(C).scatter_add_(0, a.unsqueeze(1).expand(-1, 2), X)
        cnt = torch.bincount(a, minlength=len(C)).float().unsqueeze(1)
        newC = torch.where(cnt > 0, sums / cnt.clamp_min(1), C)
        if torch.allclose(newC, C):
            break
        C = newC
    inertia = ((X - C[a]) ** 2).sum()
    return C, a, inertia, it


for k in range(1, 7):
    C0 = kmeans_pp(X, k)
    C, a, inertia, it = lloyd(X, C0)
    print(k, f"inertia={inertia.item():.3f}", "iters", it)
C, a, inertia, _ = lloyd(X, kmeans_pp(X, 4))
order = torch.argsort(torch.atan2(C[:, 1], C[:, 0]))
print(C[order])
D = torch.cdist(X, X)
same = a.unsqueeze(0) == a.unsqueeze(1)
cnt = same.sum(1).float()
a_i = (D * same).sum(1) / (cnt - 1).clamp_min(1)
b_i = torch.stack([torch.where(a == j, float("inf"), (D * (a == j)).sum(1) / (a == j).sum()) for j in range(4)], 1)
b_i = torch.where(b_i == float("inf"), b_i, b_i).min(1).values
s = (b_i - a_i) / torch.maximum(a_i, b_i)
print("silhouette", s.mean().item(), s.min().item())
print(torch.unique(a, return_counts=True)[1].sort().values)
