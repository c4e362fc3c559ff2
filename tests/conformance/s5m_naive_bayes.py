# Gaussian and Bernoulli naive Bayes from scratch: per-class means/vars with index masks,
# Normal(...).log_prob broadcasting, logsumexp for posteriors, Laplace smoothing.
import torch
from torch.distributions import Bernoulli, Normal

torch.manual_seed(23)
C, D, n = 3, 4, 90
mu = torch.randn(C, D) * 2
y = torch.arange(C).repeat(n // C)
X = mu[y] + torch.randn(n, D) * torch.tensor([1.0, 0.5, 2.0, 1.0])
priors = torch.bincount(y).float() / n
means = torch.stack([X[y == c].mean(0) for c in range(C)])
vars_ = torch.stack([X[y == c].var(0, unbiased=False) for c in range(C)]) + 1e-9
print(priors, means, vars_, sep="\n")
Xq = X[:6]
ll = Normal(means.unsqueeze(0), vars_.sqrt().unsqueeze(0)).log_prob(Xq.unsqueeze(1)).sum(-1)
logpost = ll + priors.log()
logpost = logpost - torch.logsumexp(logpost, dim=1, keepdim=True)
print(logpost.exp())
pred = (Normal(means[None], vars_.sqrt()[None]).log_prob(X[:, None]).sum(-1) + priors.log()).argmax(1)
print("gnb accuracy", (pred == y).float().mean().item())
manual = -0.5 * (torch.log(2 * torch.pi * vars_[None]) + (Xq[:, None] - means[None]) ** 2 / vars_[None]).sum(-1)
print(torch.allclose(manual, ll, atol=1e-5))
V = 10
theta = torch.rand(2, V)
yb = torch.randint(0, 2, (60,))
docs = Bernoulli(probs=theta[yb]).sample()
print(docs[:3])
counts = torch.stack([docs[yb == c].sum(0) for c in range(2)])
Nc = torch.bincount(yb, minlength=2).float()
phi = (counts + 1) / (Nc.unsqueeze(1) + 2)
print(phi)
logp = Bernoulli(probs=phi[None]).log_prob(docs[:, None]).sum(-1) + (Nc / Nc.sum()).log()
manual = docs @ phi.log().T + (1 - docs) @ (1 - phi).log().T + (Nc / Nc.sum()).log()
print(torch.allclose(logp, manual, atol=1e-5), (logp.argmax(1) == yb).float().mean())
print(torch.softmax(logp[:4], 1))
