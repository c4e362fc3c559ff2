# PCA three ways (svd, eigh of the covariance, torch.pca_lowrank) with sign-normalised components,
# explained variance, reconstruction error by rank, and whitening.
import torch

torch.manual_seed(13)
n = 200
latent = torch.randn(n, 3) * torch.tensor([4.0, 2.0, 1.0])
mix = torch.linalg.qr(torch.randn(6, 6))[0][:3]
X = latent @ mix + 0.05 * torch.randn(n, 6) + torch.tensor([1.0, -2.0, 0.0, 3.0, 0.5, 0.0])


def fix_signs(V):
    idx = V.abs().argmax(dim=0)
    s = torch.sign(V[idx, torch.arange(V.shape[1])])
    return V * s


mean = X.mean(0)
Xc = X - mean
U, S, Vh = torch.linalg.svd(Xc, full_matrices=False)
V_svd = fix_signs(Vh.T)
C = torch.cov(Xc.T)
evals, evecs = torch.linalg.eigh(C)
evals, evecs = evals.flip(0), evecs.flip(1)
V_eig = fix_signs(evecs)
print("singular values", S)
print("eigenvalues", evals, S ** 2 / (n - 1))
print(V_svd[:, :3])
print((V_svd[:, :3] - V_eig[:, :3]).abs().max() < 1e-3)
U2, S2, V2 = torch.pca_lowrank(X, q=3, center=True, niter=4)
print("lowrank S", S2, (S2 - S[:3]).abs().max() < 1e-2)
print((fix_signs(V2) - V_svd[:, :3]).abs().max() < 1e-2)
ratio = evals / evals.sum()
print("explained", ratio, ratio.cumsum(0))
k = int((ratio.cumsum(0) < 0.99).sum()) + 1
print("components for 99%:", k)
for r in range(1, 5):
    Z = Xc @ V_svd[:, :r]
    rec = Z @ V_svd[:, :r].T + mean
    print(r, ((X - rec) ** 2).sum().item(), (S[r:] ** 2).sum().item())
Z = Xc @ V_svd[:, :3] / S[:3] * (n - 1) ** 0.5
print(torch.cov(Z.T))
W = V_eig[:, :3] @ torch.diag(evals[:3].rsqrt())
print(torch.allclose(torch.cov((Xc @ W).T), torch.eye(3), atol=1e-4))
print(torch.linalg.svdvals(Xc)[:3], torch.linalg.matrix_norm(Xc, ord=2), torch.linalg.matrix_norm(Xc, "nuc"))
