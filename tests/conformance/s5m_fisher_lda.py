# Fisher's linear discriminant / LDA: within- and between-class scatter, the generalised symmetric
# eigenproblem via Cholesky whitening + eigh, projection, and a QDA-style classifier with log_prob.
import torch
from torch.distributions import MultivariateNormal

torch.manual_seed(55)
C, n, D = 3, 40, 4
means = torch.tensor([[0.0, 0.0, 0.0, 0.0], [2.0, 1.0, 0.0, -1.0], [0.0, 2.5, 1.0, 1.0]])
L = torch.tensor([[1.0, 0, 0, 0], [0.5, 1.0, 0, 0], [0.2, 0.1, 0.5, 0], [0.0, 0.3, 0.2, 0.7]])
X = torch.cat([m + torch.randn(n, D) @ L.T for m in means])
y = torch.arange(C).repeat_interleave(n)
mu = X.mean(0)
mus = torch.stack([X[y == c].mean(0) for c in range(C)])
Sw = sum((X[y == c] - mus[c]).T @ (X[y == c] - mus[c]) for c in range(C))
Sb = sum(n * torch.outer(mus[c] - mu, mus[c] - mu) for c in range(C))
print(Sw, Sb, torch.linalg.matrix_rank(Sb), sep="\n")
Lw = torch.linalg.cholesky(Sw)
Linv = torch.linalg.inv(Lw)
M = Linv @ Sb @ Linv.T
M = (M + M.T) / 2
evals, evecs = torch.linalg.eigh(M)
evals, evecs = evals.flip(0), evecs.flip(1)
W = Linv.T @ evecs[:, :C - 1]
W = W / W.norm(dim=0)
W = W * torch.sign(W[W.abs().argmax(0), torch.arange(C - 1)])
print("eigenvalues", evals)
print("directions", W)
Z = X @ W
print("projected class means", torch.stack([Z[y == c].mean(0) for c in range(C)]))
Sigma = Sw / (len(X) - C)
prec = torch.linalg.inv(Sigma)
scores = X @ prec @ mus.T - 0.5 * ((mus @ prec) * mus).sum(1) + torch.log(torch.tensor(1.0 / C))
print("LDA accuracy", (scores.argmax(1) == y).float().mean().item())
qda = MultivariateNormal(mus, covariance_matrix=torch.stack([torch.cov(X[y == c].T) for c in range(C)]))
ql = qda.log_prob(X.unsqueeze(1))
print("QDA accuracy", (ql.argmax(1) == y).float().mean().item(), ql[:3])
w2 = torch.linalg.solve(Sw, mus[1] - mus[0])
print("two-class direction", w2 / w2.norm())
