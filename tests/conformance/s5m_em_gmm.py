# Expectation-maximisation for a 2-D Gaussian mixture: responsibilities via log_prob + logsumexp,
# weighted means/covariances with einsum, log-likelihood monotonicity, and label-invariant output.
import torch
from torch.distributions import Categorical, MixtureSameFamily, MultivariateNormal

torch.manual_seed(44)
true_means = torch.tensor([[-3.0, 0.0], [2.0, 2.0], [2.0, -3.0]])
true_covs = torch.stack([torch.eye(2) * 0.5, torch.tensor([[1.0, 0.6], [0.6, 1.0]]), torch.eye(2) * 0.8])
true_w = torch.tensor([0.3, 0.4, 0.3])
gen = MixtureSameFamily(Categorical(true_w), MultivariateNormal(true_means, true_covs))
X = gen.sample((400,))
print(X.shape, X.mean(0), gen.log_prob(X).mean())
K, (N, D) = 3, X.shape
means = X[torch.randperm(N)[:K]]
covs = torch.eye(D).repeat(K, 1, 1)
weights = torch.full((K,), 1.0 / K)
prev = -float("inf")
for it in range(50):
    comp = MultivariateNormal(means, covariance_matrix=covs)
    log_r = comp.log_prob(X.unsqueeze(1)) + weights.log()
    ll = torch.logsumexp(log_r, dim=1)
    resp = (log_r - ll.unsqueeze(1)).exp()
    total = ll.mean().item()
    assert total >= prev - 1e-4
    if it % 10 == 0:
        print(it, round(total, 5))
    if abs(total - prev) < 1e-6:
        break
    prev = total
    Nk = resp.sum(0)
    weights = Nk / N
    means = (resp.T @ X) / Nk.unsqueeze(1)
    diff = X.unsqueeze(1) - means
    covs = torch.einsum("nk,nki,nkj->kij", resp, diff, diff) / Nk[:, None, None] + 1e-6 * torch.eye(D)
print("iterations", it, "final ll", round(total, 5))
order = torch.argsort(means[:, 0] * 10 + means[:, 1])
print(weights[order], means[order], covs[order], sep="\n")
fitted = MixtureSameFamily(Categorical(weights), MultivariateNormal(means, covs))
print(fitted.log_prob(X).mean(), fitted.mean, fitted.variance)
labels = resp.argmax(1)
print(torch.bincount(labels, minlength=3).sort().values)
bic = -2 * ll.sum() + (K - 1 + K * D + K * D * (D + 1) / 2) * torch.log(torch.tensor(float(N)))
print("BIC", bic.item())
