# Conjugate Bayesian updates: Beta-Bernoulli coin flips, Dirichlet-Categorical dice with posterior
# predictive, Gamma-Poisson counts, Normal-Normal with known variance; sampling and credible intervals.
import torch
from torch.distributions import Bernoulli, Beta, Categorical, Dirichlet, Gamma, Normal, Poisson

torch.manual_seed(88)
flips = Bernoulli(probs=0.7).sample((50,))
a, b = torch.tensor(2.0), torch.tensor(2.0)
for k in (0, 5, 20, 50):
    h = flips[:k].sum()
    post = Beta(a + h, b + k - h)
    print(k, int(h), post.mean.item(), post.variance.item(), post.log_prob(torch.tensor(0.7)).item())
post = Beta(a + flips.sum(), b + 50 - flips.sum())
draws = post.sample((20000,))
print("credible", torch.quantile(draws, torch.tensor([0.025, 0.975])), (draws > 0.5).float().mean())
print("entropy", post.entropy(), Beta(1.0, 1.0).entropy())
true_p = torch.tensor([0.1, 0.1, 0.2, 0.2, 0.2, 0.2])
rolls = Categorical(probs=true_p).sample((300,))
counts = torch.bincount(rolls, minlength=6).float()
print(counts)
prior = torch.ones(6)
pd = Dirichlet(prior + counts)
print(pd.mean, pd.variance, pd.concentration)
samples = pd.sample((5000,))
print(samples.mean(0), samples.std(0), samples.sum(1)[:3])
print("P(face0 < face5)", (samples[:, 0] < samples[:, 5]).float().mean())
pred = Categorical(probs=pd.mean)
print(pred.log_prob(torch.arange(6)), pred.entropy(), pred.sample((10,)))
events = Poisson(torch.tensor(3.5)).sample((40,))
ga, gb = torch.tensor(1.0), torch.tensor(0.5)
gpost = Gamma(ga + events.sum(), gb + len(events))
print(events[:10], gpost.mean, gpost.stddev, gpost.sample((4,)))
x = Normal(1.3, 2.0).sample((30,))
mu0, tau0, sigma = 0.0, 10.0, 2.0
prec = 1 / tau0 ** 2 + len(x) / sigma ** 2
mean_post = (mu0 / tau0 ** 2 + x.sum() / sigma ** 2) / prec
npost = Normal(mean_post, prec ** -0.5)
print(npost.mean, npost.stddev, npost.icdf(torch.tensor([0.05, 0.95])), npost.cdf(torch.tensor(1.3)))
print(torch.distributions.kl_divergence(npost, Normal(mu0, tau0)))
