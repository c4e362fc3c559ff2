# Closed-form least squares and small linear-algebra chores: lstsq, pinv, solve, inverse, QR, Cholesky, eig.
import torch

torch.manual_seed(33)
n = 30
x = torch.linspace(-2, 2, n)
y = 1.5 * x ** 2 - 0.5 * x + 2 + 0.1 * torch.randn(n)
X = torch.stack([torch.ones(n), x, x ** 2], dim=1)
print(X.shape, X[:3])
w_normal = torch.linalg.solve(X.T @ X, X.T @ y)
w_lstsq = torch.linalg.lstsq(X, y.unsqueeze(1)).solution.squeeze(1)
w_pinv = torch.linalg.pinv(X) @ y
w_inv = torch.inverse(X.T @ X) @ X.T @ y
print(w_normal, w_lstsq, w_pinv, w_inv)
print(torch.allclose(w_normal, w_lstsq, atol=1e-4), (w_normal - w_pinv).abs().max() < 1e-3)
pred = X @ w_normal
resid = y - pred
print(f"mse={resid.pow(2).mean():.6f} r2={1 - resid.var() / y.var():.6f}", resid.abs().max())
Q, R = torch.linalg.qr(X)
print(Q.shape, R.shape, torch.allclose(Q @ R, X, atol=1e-5), torch.allclose(Q.T @ Q, torch.eye(3), atol=1e-5))
print(R.abs().diag(), torch.linalg.solve_triangular(R, (Q.T @ y).unsqueeze(1), upper=True).squeeze())
A = X.T @ X
L = torch.linalg.cholesky(A)
print(L, torch.allclose(L @ L.T, A, atol=1e-3), torch.cholesky_solve((X.T @ y).unsqueeze(1), L).squeeze())
evals, evecs = torch.linalg.eigh(A)
print(evals, evecs.abs().round(decimals=4), torch.linalg.eigvalsh(A), evals.max() / evals.min(), torch.linalg.cond(A))
U, S, Vh = torch.linalg.svd(X, full_matrices=False)
print(U.shape, S, Vh.shape, torch.allclose(U @ torch.diag(S) @ Vh, X, atol=1e-5), torch.linalg.matrix_rank(X))
print(torch.linalg.norm(X, "fro"), torch.linalg.norm(X, 2), torch.linalg.norm(X, "nuc"), torch.linalg.matrix_norm(X, ord=1), torch.linalg.norm(y, ord=1))
M = torch.tensor([[4.0, 1.0], [2.0, 3.0]])
print(torch.linalg.det(M), torch.det(M), M.det(), torch.linalg.inv(M), M.inverse(), torch.linalg.matrix_power(M, 3), torch.matrix_exp(torch.zeros(2, 2)))
ev = torch.linalg.eigvalsh(M @ M.T)
print(ev.sort().values, torch.linalg.slogdet(M), torch.logdet(M), M.trace(), M.diag().sum())
b = torch.tensor([1.0, 2.0])
print(torch.linalg.solve(M, b), M @ torch.linalg.solve(M, b), torch.linalg.lstsq(M, b.unsqueeze(1)).solution.squeeze(), torch.linalg.inv_ex(M).info)
batch = torch.randn(4, 3, 3) + 3 * torch.eye(3)
print(torch.linalg.det(batch), torch.linalg.inv(batch).shape, torch.linalg.solve(batch, torch.ones(4, 3)).shape, (batch @ torch.linalg.inv(batch) - torch.eye(3)).abs().max() < 1e-4)
print(torch.linalg.cross(torch.tensor([1.0, 0.0, 0.0]), torch.tensor([0.0, 1.0, 0.0])), torch.linalg.vecdot(b, b), torch.outer(b, b), torch.linalg.multi_dot([M, M, M]))
w = torch.zeros(3, requires_grad=True)
opt = torch.optim.SGD([w], lr=0.05)
for step in range(200):
    opt.zero_grad()
    loss = ((X @ w - y) ** 2).mean()
    loss.backward()
    opt.step()
    if step % 50 == 0:
        print(step, f"{loss.item():.5f}", w.data)
print(w, (w - w_normal).abs().max())
cov = torch.cov(X[:, 1:].T)
print(cov.round(decimals=4), torch.corrcoef(torch.stack([x, y])), torch.linalg.eigvalsh(cov))
