# PCA via eigh and svd, whitening, projection, reconstruction error by k, Mahalanobis distances.
import torch

torch.manual_seed(1)
n = 100
L = torch.tensor([[2.0, 0.0, 0.0], [1.2, 0.8, 0.0], [-0.5, 0.3, 0.2]], dtype=torch.float64)
X = torch.randn(n, 3, dtype=torch.float64) @ L.T + torch.tensor([1.0, -2.0, 0.5], dtype=torch.float64)
mu = X.mean(0)
Xc = X - mu
C = torch.cov(Xc.T)
evals, evecs = torch.linalg.eigh(C)
idx = evals.argsort(descending=True)
evals, evecs = evals[idx], evecs[:, idx]
evecs = evecs * torch.where(evecs.sum(0) < 0, -1.0, 1.0)
print(evals, evecs)
U, S, Vh = torch.linalg.svd(Xc, full_matrices=False)
V = Vh.T * torch.where(Vh.T.sum(0) < 0, -1.0, 1.0)
print(S ** 2 / (n - 1), (V - evecs).abs().max() < 1e-8)
Z = Xc @ evecs / evals.sqrt()
print(torch.cov(Z.T))
for k in (1, 2, 3):
    P = evecs[:, :k]
    rec = Xc @ P @ P.T
    print(k, ((Xc - rec) ** 2).sum(1).mean(), evals[k:].sum() * (n - 1) / n)
Ci = torch.linalg.inv(C)
d2 = ((Xc @ Ci) * Xc).sum(1)
print(d2[:5], d2.mean(), torch.linalg.matrix_norm(C, ord="fro"), torch.trace(C), evals.sum())
Uk, Sk, Vk = torch.pca_lowrank(Xc, q=2, center=False)
print(Sk, (Sk - S[:2]).abs().max() < 1e-6)
Usvd, Ssvd, Vsvd = torch.svd(Xc)
print(Ssvd, Vsvd.shape, torch.allclose(Vsvd.abs(), Vh.T.abs()))
print(torch.linalg.eigvalsh(C), torch.linalg.det(C), torch.prod(evals))
