# Spectral clustering on two moons-like rings: RBF affinity, normalised graph Laplacian, eigh,
# sign-normalised Fiedler vector, row-normalised embedding, and k-means in the embedding.
import math

import torch

torch.manual_seed(202)
t = torch.rand(60) * math.pi
inner = torch.stack([torch.cos(t), torch.sin(t)], 1)
outer = torch.stack([1 - torch.cos(t), 0.5 - torch.sin(t)], 1)
X = torch.cat([inner, outer]) + 0.05 * torch.randn(120, 2)
truth = torch.cat([torch.zeros(60), torch.ones(60)]).long()
D2 = torch.cdist(X, X) ** 2
sigma = 0.2
W = torch.exp(-D2 / (2 * sigma ** 2))
W.fill_diagonal_(0)
deg = W.sum(1)
L = torch.diag(deg) - W
Dm = torch.diag(deg.rsqrt())
Lsym = Dm @ L @ Dm
evals, evecs = torch.linalg.eigh(Lsym.double())
print("smallest eigenvalues", evals[:4])
print("eigengap", (evals[1:6] - evals[:5]).argmax().item() + 1)
fiedler = evecs[:, 1]
fiedler = fiedler * torch.sign(fiedler[0])
labels = (fiedler > 0).long()
agree = (labels == truth).float().mean()
print("accuracy", max(agree.item(), 1 - agree.item()))
E = evecs[:, :2].float()
E = E / E.norm(dim=1, keepdim=True)
C = E[[0, 119]].clone()
for it in range(10):
    a = torch.cdist(E, C).argmin(1)
    C = torch.stack([E[a == k].mean(0) for k in range(2)])
print("kmeans sizes", torch.bincount(a).sort().values.tolist(), (a == truth).float().mean().item() in (0.0, 1.0))
print("cut", W[labels == 0][:, labels == 1].sum().item() < 1.0)
Lrw_evals = torch.linalg.eigvalsh(L.double())[:3]
print("unnormalised", Lrw_evals, torch.trace(L).item(), deg.sum().item())
print("connected components ~", (evals < 1e-8).sum().item())
