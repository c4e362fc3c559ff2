# Closed-form least squares five ways in float64 (default dtype switched), with residual checks,
# weighted least squares and the hat matrix.
import torch

torch.set_default_dtype(torch.float64)
torch.manual_seed(11)
n, d = 50, 4
X = torch.randn(n, d)
X = torch.cat([torch.ones(n, 1), X], dim=1)
beta_true = torch.tensor([1.0, -2.0, 0.5, 3.0, 0.0])
y = X @ beta_true + 0.3 * torch.randn(n)
print(X.dtype, y.dtype, torch.get_default_dtype())
b1 = torch.inverse(X.T @ X) @ X.T @ y
b2 = torch.linalg.solve(X.T @ X, X.T @ y)
b3 = torch.linalg.pinv(X) @ y
b4 = torch.linalg.lstsq(X, y.unsqueeze(-1)).solution.squeeze(-1)
Q, R = torch.linalg.qr(X)
b5 = torch.linalg.solve_triangular(R, (Q.T @ y).unsqueeze(-1), upper=True).squeeze(-1)
L = torch.linalg.cholesky(X.T @ X)
b6 = torch.cholesky_solve((X.T @ y).unsqueeze(-1), L).squeeze(-1)
for name, b in [("inv", b1), ("solve", b2), ("pinv", b3), ("lstsq", b4), ("qr", b5), ("chol", b6)]:
    print(name, b, (b - b2).abs().max().item() < 1e-10)
resid = y - X @ b2
sigma2 = resid @ resid / (n - d - 1)
se = torch.sqrt(sigma2 * torch.diag(torch.linalg.inv(X.T @ X)))
print("sigma2", sigma2, "se", se, "t", b2 / se)
H = X @ torch.linalg.inv(X.T @ X) @ X.T
print(torch.trace(H), torch.allclose(H @ H, H), H.diagonal()[:5])
r2 = 1 - (resid ** 2).sum() / ((y - y.mean()) ** 2).sum()
print("R^2", r2.item())
wts = torch.linspace(0.5, 2.0, n)
Wm = torch.diag(wts)
bw = torch.linalg.solve(X.T @ Wm @ X, X.T @ Wm @ y)
bw2 = torch.linalg.lstsq(X * wts.sqrt().unsqueeze(1), y * wts.sqrt()).solution
print("wls", bw, torch.allclose(bw, bw2))
res = torch.linalg.lstsq(X, y.unsqueeze(1), driver="gelsd")
print(res.rank, res.singular_values, res.solution.T)
print(torch.linalg.cond(X), torch.linalg.matrix_rank(X))
torch.set_default_dtype(torch.float32)
print(torch.tensor([1.5]).dtype, torch.zeros(2).dtype)
