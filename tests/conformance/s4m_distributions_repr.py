# Printing distribution objects and their attributes.
import torch
from torch import distributions as D

torch.manual_seed(0)
dists = [
    D.Normal(torch.tensor(0.0), torch.tensor(1.0)),
    D.Normal(torch.zeros(3), torch.ones(3)),
    D.Bernoulli(probs=torch.tensor([0.3, 0.7])),
    D.Bernoulli(logits=torch.tensor(0.5)),
    D.Categorical(probs=torch.tensor([0.2, 0.3, 0.5])),
    D.Categorical(logits=torch.zeros(2, 4)),
    D.Uniform(0.0, 2.0),
    D.Beta(torch.tensor(2.0), torch.tensor(3.0)),
    D.Gamma(torch.tensor(2.0), torch.tensor(1.0)),
    D.Exponential(torch.tensor([1.0, 2.0])),
    D.Poisson(torch.tensor(3.0)),
    D.MultivariateNormal(torch.zeros(2), torch.eye(2)),
    D.Dirichlet(torch.ones(3)),
    D.Laplace(0.0, 1.0),
    D.Binomial(10, torch.tensor(0.5)),
    D.OneHotCategorical(torch.tensor([0.5, 0.5])),
    D.Independent(D.Normal(torch.zeros(3), torch.ones(3)), 1),
]
for d in dists:
    print(d)
    print("  ", type(d).__name__, d.batch_shape, d.event_shape, d.has_rsample)
n = D.Normal(torch.tensor([0.0, 1.0]), torch.tensor([1.0, 2.0]))
print(n.mean, n.stddev, n.variance, n.loc, n.scale)
print(n.log_prob(torch.tensor([0.5, 0.5])))
print(n.entropy())
print(n.sample().shape, n.sample((4,)).shape, n.rsample((2, 3)).shape)
c = D.Categorical(probs=torch.tensor([0.2, 0.3, 0.5]))
print(c.probs, c.logits, c.param_shape, c.support)
print(D.kl_divergence(D.Normal(0.0, 1.0), D.Normal(1.0, 2.0)))
print(n.support, D.Uniform(0.0, 2.0).support, D.Bernoulli(0.5).support)
try:
    D.Normal(torch.tensor(0.0), torch.tensor(-1.0))
except ValueError as e:
    print("ValueError", e)
try:
    D.Categorical(probs=torch.tensor([[-0.1, 1.1]]))
except ValueError as e:
    print("ValueError", str(e)[:200])
try:
    D.Bernoulli(probs=torch.tensor(0.5), logits=torch.tensor(0.0))
except ValueError as e:
    print("ValueError", e)
