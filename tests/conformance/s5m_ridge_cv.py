# Ridge regression: closed form over a lambda grid, SVD shrinkage formula, k-fold cross-validation
# with randperm/chunk, and a gradient-descent check with weight_decay in SGD.
import torch

torch.manual_seed(5)
n, d = 60, 8
X = torch.randn(n, d, dtype=torch.float64)
w_true = torch.zeros(d, dtype=torch.float64)
w_true[:3] = torch.tensor([2.0, -1.0, 0.5], dtype=torch.float64)
y = X @ w_true + 0.5 * torch.randn(n, dtype=torch.float64)


def ridge(X, y, lam):
    d = X.shape[1]
    return torch.linalg.solve(X.T @ X + lam * torch.eye(d, dtype=X.dtype), X.T @ y)


U, S, Vh = torch.linalg.svd(X, full_matrices=False)
lams = [0.0, 0.1, 1.0, 10.0, 100.0]
for lam in lams:
    w = ridge(X, y, lam)
    w_svd = Vh.T @ ((S / (S ** 2 + lam)) * (U.T @ y))
    dof = (S ** 2 / (S ** 2 + lam)).sum()
    print(f"lam={lam:6.1f} |w|={w.norm():.5f} dof={dof:.4f} same={torch.allclose(w, w_svd)}")
folds = torch.randperm(n).chunk(5)
print([len(f) for f in folds])
for lam in lams:
    errs = []
    for k in range(5):
        te = folds[k]
        tr = torch.cat([folds[j] for j in range(5) if j != k])
        w = ridge(X[tr], y[tr], lam)
        errs.append(((X[te] @ w - y[te]) ** 2).mean())
    errs = torch.stack(errs)
    print(f"cv lam={lam}: {errs.mean():.5f} +- {errs.std():.5f}")
lam = 1.0
w = torch.zeros(d, dtype=torch.float64, requires_grad=True)
opt = torch.optim.SGD([w], lr=0.01, weight_decay=2 * lam / n)
for it in range(2000):
    opt.zero_grad()
    loss = ((X @ w - y) ** 2).mean()
    loss.backward()
    opt.step()
print(w.detach(), ridge(X, y, lam))
print((w.detach() - ridge(X, y, lam)).abs().max() < 1e-4)
