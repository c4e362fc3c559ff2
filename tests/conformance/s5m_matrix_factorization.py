# Matrix factorisation for a toy recommender: alternating least squares with batched solves,
# gradient-descent factorisation with masked MSE, NMF multiplicative updates, and truncated SVD.
import torch

torch.manual_seed(404)
n_users, n_items, k = 12, 10, 3
U_true = torch.rand(n_users, k)
V_true = torch.rand(n_items, k)
R = U_true @ V_true.T + 0.05 * torch.randn(n_users, n_items)
mask = torch.rand(n_users, n_items) < 0.6
print("observed", mask.sum().item(), R[mask].mean().item())
lam = 0.1
U = torch.rand(n_users, k)
V = torch.rand(n_items, k)
for it in range(15):
    for i in range(n_users):
        Vi = V[mask[i]]
        U[i] = torch.linalg.solve(Vi.T @ Vi + lam * torch.eye(k), Vi.T @ R[i, mask[i]])
    for j in range(n_items):
        Uj = U[mask[:, j]]
        V[j] = torch.linalg.solve(Uj.T @ Uj + lam * torch.eye(k), Uj.T @ R[mask[:, j], j])
    if it % 5 == 4:
        err = ((U @ V.T - R)[mask] ** 2).mean()
        held = ((U @ V.T - R)[~mask] ** 2).mean()
        print("als", it, err.item(), held.item())
P = torch.nn.Parameter(0.1 * torch.randn(n_users, k))
Q = torch.nn.Parameter(0.1 * torch.randn(n_items, k))
opt = torch.optim.Adam([P, Q], lr=0.05)
for epoch in range(200):
    opt.zero_grad()
    pred = P @ Q.T
    loss = ((pred - R) ** 2 * mask).sum() / mask.sum() + 1e-3 * (P.pow(2).sum() + Q.pow(2).sum())
    loss.backward()
    opt.step()
    if epoch % 50 == 0:
        print("gd", epoch, loss.item())
print("gd final", loss.item(), (((P @ Q.T) - R)[~mask] ** 2).mean().item())
Rp = R.clamp_min(0)
W = torch.rand(n_users, k)
H = torch.rand(k, n_items)
for it in range(200):
    H *= (W.T @ Rp) / (W.T @ W @ H + 1e-9)
    W *= (Rp @ H.T) / (W @ H @ H.T + 1e-9)
print("nmf", torch.linalg.matrix_norm(Rp - W @ H).item(), (W >= 0).all().item(), (H >= 0).all().item())
Uf, S, Vh = torch.linalg.svd(R)
for r in (1, 2, 3, 5):
    Rr = Uf[:, :r] @ torch.diag(S[:r]) @ Vh[:r]
    print("rank", r, torch.linalg.matrix_norm(R - Rr).item(), S[r:].pow(2).sum().sqrt().item())
Ul, Sl, Vl = torch.svd_lowrank(R, q=3, niter=4)
print("svd_lowrank", Sl, (Sl - S[:3]).abs().max().item() < 1e-3)
