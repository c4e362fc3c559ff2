# Policy-distribution details RL code trips over: reprs of Categorical/Normal/Beta, validate_args errors for bad
# probs/scale/out-of-support actions, Beta policies for bounded actions (rsample, log_prob, mean/mode),
# expand(), sample shapes with sample_shape, AffineTransform+TanhTransform rescaling, and entropy of a
# TransformedDistribution's base.
import torch
from torch.distributions import (AffineTransform, Beta, Categorical, ComposeTransform, Normal, TanhTransform,
                                 TransformedDistribution)

torch.manual_seed(0)
c = Categorical(probs=torch.tensor([0.1, 0.2, 0.7]))
n = Normal(torch.zeros(2), torch.ones(2))
b = Beta(torch.tensor([2.0, 0.5]), torch.tensor([3.0, 0.5]))
print(c)
print(n)
print(b)
for make in (lambda: Categorical(probs=torch.tensor([0.5, -0.1, 0.6])),
             lambda: Normal(torch.zeros(2), torch.tensor([1.0, -1.0])),
             lambda: Normal(torch.zeros(2), torch.tensor([1.0, 0.0])),
             lambda: c.log_prob(torch.tensor(3)),
             lambda: n.log_prob(torch.zeros(3)),
             lambda: Beta(torch.tensor([0.0]), torch.tensor([1.0]))):
    try:
        make()
        print("no error")
    except (ValueError, RuntimeError) as e:
        print(type(e).__name__)
alpha = torch.tensor([2.0, 1.5], requires_grad=True)
beta = torch.tensor([3.0, 0.8], requires_grad=True)
pb = Beta(alpha, beta)
x = pb.rsample((4,))
print(x.shape, pb.mean, pb.variance, pb.entropy())
lp = pb.log_prob(torch.tensor([0.3, 0.6]))
lp.sum().backward()
print(lp, alpha.grad, beta.grad)
low, high = torch.tensor([-2.0, 0.0]), torch.tensor([2.0, 1.0])
t = ComposeTransform([TanhTransform(), AffineTransform((high + low) / 2, (high - low) / 2)])
sq = TransformedDistribution(Normal(torch.zeros(2), torch.ones(2)), t)
a = sq.sample((3,))
print(a.shape, bool(((a >= low) & (a <= high)).all()))
print(sq.log_prob(torch.tensor([0.5, 0.25])), sq.base_dist.entropy())
e = c.expand((4,))
print(e.batch_shape, e.sample().shape, e.probs.shape)
print(n.sample((5,)).shape, n.rsample((2, 3)).shape, n.batch_shape, n.event_shape)
print(c.sample((2, 3)).shape, c.param_shape, c.support, n.support)
print(n.cdf(torch.tensor([0.0, 1.0])), n.icdf(torch.tensor([0.5, 0.975])), n.stddev, n.mean)
