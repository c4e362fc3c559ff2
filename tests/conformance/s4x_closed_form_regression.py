# closed-form least squares, ridge, weighted LS vs gradient descent; QR / Cholesky / pinv routes agree.
import torch

torch.manual_seed(0)
n, d = 60, 4
X = torch.randn(n, d, dtype=torch.float64)
w_true = torch.tensor([0.5, -1.0, 2.0, 0.0], dtype=torch.float64)
y = X @ w_true + 0.1 * torch.randn(n, dtype=torch.float64)
w_ne = torch.linalg.solve(X.T @ X, X.T @ y)
Q, R = torch.linalg.qr(X)
w_qr = torch.linalg.solve_triangular(R, (Q.T @ y).unsqueeze(1), upper=True).squeeze(1)
L = torch.linalg.cholesky(X.T @ X)
w_ch = torch.cholesky_solve((X.T @ y).unsqueeze(1), L).squeeze(1)
w_pi = torch.linalg.pinv(X) @ y
w_ls = torch.linalg.lstsq(X, y.unsqueeze(1)).solution.squeeze(1)
print(w_ne)
print([round((w - w_ne).abs().max().item(), 10) for w in (w_qr, w_ch, w_pi, w_ls)])
lam = 2.0
w_ridge = torch.linalg.solve(X.T @ X + lam * torch.eye(d, dtype=torch.float64), X.T @ y)
print(w_ridge)
wts = torch.rand(n, dtype=torch.float64)
W = torch.diag(wts)
w_wls = torch.linalg.solve(X.T @ W @ X, X.T @ W @ y)
print(w_wls)
w = torch.zeros(d, dtype=torch.float64, requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1)
for step in range(500):
    opt.zero_grad()
    loss = ((X @ w - y) ** 2).mean() + lam / n * (w ** 2).sum()
    loss.backward()
    opt.step()
print(w.detach(), (w.detach() - w_ridge).abs().max() < 1e-6, loss.item())
res = y - X @ w_ne
print(res.pow(2).sum(), 1 - res.var() / y.var(), torch.linalg.matrix_rank(X))
sigma2 = res.pow(2).sum() / (n - d)
se = torch.sqrt(torch.diag(sigma2 * torch.linalg.inv(X.T @ X)))
print(se, w_ne / se)
Xf = X.float()
yf = y.float()
print(torch.linalg.lstsq(Xf, yf.unsqueeze(1)).solution.squeeze(1), torch.linalg.solve(Xf.T @ Xf, Xf.T @ yf))
poly = torch.linspace(-1, 1, 15, dtype=torch.float64)
V = torch.linalg.vander(poly, N=4)
coef = torch.linalg.lstsq(V, torch.sin(3 * poly).unsqueeze(1)).solution.squeeze()
print(coef, torch.vander(poly, N=3)[:2])
