# KL divergences between distributions: analytic kl_divergence vs. Monte Carlo estimates with
# rsample, gradients of the KL, entropies, and a VAE-style closed-form KL check.
# conformance: rtol=3e-4 atol=1e-4
import torch
from torch.distributions import (Bernoulli, Beta, Categorical, Dirichlet, Exponential, Gamma, Laplace,
                                 MultivariateNormal, Normal, Uniform, kl_divergence)

torch.manual_seed(99)
pairs = [
    (Normal(0.0, 1.0), Normal(1.0, 2.0)),
    (Normal(torch.tensor([0.0, 1.0]), torch.tensor([1.0, 0.5])), Normal(torch.tensor([0.5, 0.0]), 1.0)),
    (Bernoulli(probs=torch.tensor([0.2, 0.7])), Bernoulli(probs=torch.tensor([0.5, 0.5]))),
    (Categorical(probs=torch.tensor([0.1, 0.2, 0.7])), Categorical(logits=torch.zeros(3))),
    (Dirichlet(torch.tensor([1.0, 2.0, 3.0])), Dirichlet(torch.tensor([2.0, 2.0, 2.0]))),
    (Beta(2.0, 3.0), Beta(1.0, 1.0)),
    (Gamma(2.0, 1.0), Gamma(3.0, 2.0)),
    (Exponential(1.0), Exponential(0.5)),
    (Laplace(0.0, 1.0), Laplace(1.0, 2.0)),
    (Uniform(0.0, 1.0), Uniform(-1.0, 2.0)),
]
for p, q in pairs:
    kl = kl_divergence(p, q)
    x = p.sample((20000,))
    mc = (p.log_prob(x) - q.log_prob(x)).mean(0)
    print(type(p).__name__, kl, mc, p.entropy())
mu = torch.tensor([0.5, -0.3], requires_grad=True)
log_sigma = torch.tensor([0.1, -0.2], requires_grad=True)
q = Normal(mu, log_sigma.exp())
prior = Normal(torch.zeros(2), torch.ones(2))
kl = kl_divergence(q, prior).sum()
kl.backward()
closed = -0.5 * (1 + 2 * log_sigma - mu ** 2 - (2 * log_sigma).exp()).sum()
print(kl.item(), closed.item(), mu.grad, log_sigma.grad)
mu.grad = None
log_sigma.grad = None
q = Normal(mu, log_sigma.exp())
z = q.rsample((5000,))
mc_kl = (q.log_prob(z) - prior.log_prob(z)).sum(-1).mean()
mc_kl.backward()
print(mc_kl.item(), mu.grad, log_sigma.grad)
A = torch.tensor([[2.0, 0.3], [0.3, 1.0]])
p = MultivariateNormal(torch.tensor([1.0, 0.0]), covariance_matrix=A)
q = MultivariateNormal(torch.zeros(2), scale_tril=torch.tensor([[1.5, 0.0], [0.2, 0.8]]))
x = p.sample((30000,))
print(kl_divergence(p, q), (p.log_prob(x) - q.log_prob(x)).mean(), kl_divergence(q, p), p.entropy(), q.entropy())
c1 = Categorical(logits=torch.randn(4, 5))
c2 = Categorical(logits=torch.randn(4, 5))
print(kl_divergence(c1, c2), (c1.probs * (c1.logits - c2.logits)).sum(-1))
