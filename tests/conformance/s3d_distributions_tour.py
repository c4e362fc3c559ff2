# A tour of torch.distributions as people use it: seeded draws from many families, shapes, moments,
# transforms (a tanh-squashed Gaussian policy), validation errors and constraints.
import math

import torch
from torch.distributions import (Bernoulli, Beta, Binomial, Dirichlet, Exponential, Gamma, Laplace, Normal,
                                 OneHotCategorical, Poisson, TransformedDistribution, Uniform, constraints,
                                 kl_divergence, transforms)

torch.manual_seed(4)
for d in [Bernoulli(torch.tensor([0.1, 0.5, 0.9])), Binomial(10, torch.tensor([0.2, 0.8])),
          Poisson(torch.tensor([0.5, 3.0, 25.0])), Exponential(torch.tensor([1.0, 0.1])),
          Laplace(0.0, 2.0), Uniform(-1.0, 1.0), Gamma(torch.tensor([0.5, 3.0]), 2.0),
          Beta(torch.tensor([0.5, 2.0]), torch.tensor([0.5, 5.0])), Dirichlet(torch.tensor([1.0, 2.0, 3.0])),
          OneHotCategorical(torch.tensor([0.1, 0.6, 0.3]))]:
    x = d.sample((3,))
    print(type(d).__name__, tuple(x.shape), x)
    print("   log_prob", d.log_prob(x))
    print("   mean", d.mean, "var", d.variance)

n = Normal(torch.zeros(2, 3), 1.0)
print(n.batch_shape, n.event_shape, n.sample().shape, n.sample((4, 5)).shape, n.expand((7, 2, 3)).batch_shape)

# SAC-style squashed Gaussian policy: tanh(Normal) with the log-det-Jacobian correction
mu = torch.tensor([[0.2, -0.5]], requires_grad=True)
log_std = torch.tensor([[-0.3, 0.1]], requires_grad=True)
base = Normal(mu, log_std.exp())
policy = TransformedDistribution(base, [transforms.TanhTransform(cache_size=1)])
a = policy.rsample()
logp = policy.log_prob(a).sum(-1)
manual = (base.log_prob(torch.atanh(a)) - 2 * (math.log(2) - torch.atanh(a) - torch.nn.functional.softplus(
    -2 * torch.atanh(a)))).sum(-1)
print(a, logp, manual)
(logp + a.pow(2).sum()).sum().backward()
print(mu.grad, log_std.grad)

gammas = Gamma(torch.tensor([1.5, 4.0], requires_grad=True), torch.tensor([1.0, 2.0]))
g = gammas.rsample((4,))
g.sum().backward()
print(g, gammas.concentration.grad)
bern = Bernoulli(logits=torch.tensor([0.0, 2.0]))
print(bern.probs, bern.entropy(), kl_divergence(bern, Bernoulli(torch.tensor([0.5, 0.5]))))

for bad in [lambda: Normal(0.0, -1.0), lambda: Bernoulli(torch.tensor([1.5])),
            lambda: Poisson(torch.tensor([2.0])).log_prob(torch.tensor([0.5])),
            lambda: Normal(torch.zeros(3), 1.0).log_prob(torch.zeros(4))]:
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
print(Normal(0.0, -1.0, validate_args=False).scale)
print(constraints.positive.check(torch.tensor([-1.0, 0.0, 2.0])), constraints.simplex.check(torch.tensor([0.3, 0.7])))
print(Uniform(0.0, 2.0).support, Binomial(5, torch.tensor(0.5)).support, Dirichlet(torch.ones(2)).support)
print(Normal(1.0, 2.0), Dirichlet(torch.ones(3)), Bernoulli(0.25))
