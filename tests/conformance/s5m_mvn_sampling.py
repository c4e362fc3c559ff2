# MultivariateNormal in practice: three parametrisations, batched means, sample/rsample shapes,
# log_prob vs. the manual formula, conditioning a Gaussian, and reparameterised gradients.
import math

import torch
from torch.distributions import MultivariateNormal

torch.manual_seed(12)
mean = torch.tensor([1.0, -1.0, 0.5])
A = torch.randn(3, 3)
cov = A @ A.T + 0.5 * torch.eye(3)
d1 = MultivariateNormal(mean, covariance_matrix=cov)
d2 = MultivariateNormal(mean, precision_matrix=torch.linalg.inv(cov))
d3 = MultivariateNormal(mean, scale_tril=torch.linalg.cholesky(cov))
x = torch.randn(4, 3)
for d in (d1, d2, d3):
    print(d.log_prob(x), d.entropy().item())
print(d1.batch_shape, d1.event_shape, d1.sample().shape, d1.sample((2, 5)).shape)
diff = x - mean
manual = -0.5 * (diff @ torch.linalg.inv(cov) * diff).sum(1) - 0.5 * torch.logdet(cov) - 1.5 * math.log(2 * math.pi)
print(manual)
s = d1.sample((20000,))
print(s.mean(0), torch.cov(s.T))
print(d1.variance, d1.stddev, d3.covariance_matrix - cov)
means = torch.zeros(5, 2) + torch.arange(5.0).unsqueeze(1)
batched = MultivariateNormal(means, torch.eye(2))
print(batched.batch_shape, batched.log_prob(torch.zeros(2)), batched.sample((3,)).shape)
Sigma = torch.tensor([[2.0, 0.8], [0.8, 1.0]])
mu = torch.tensor([0.0, 1.0])
x2 = 2.0
cond_mean = mu[0] + Sigma[0, 1] / Sigma[1, 1] * (x2 - mu[1])
cond_var = Sigma[0, 0] - Sigma[0, 1] ** 2 / Sigma[1, 1]
print("conditional", cond_mean.item(), cond_var.item())
joint = MultivariateNormal(mu, Sigma).sample((50000,))
sel = (joint[:, 1] - x2).abs() < 0.05
print(joint[sel, 0].mean().item(), joint[sel, 0].var().item(), sel.sum().item())
m = torch.zeros(2, requires_grad=True)
L = torch.eye(2).requires_grad_()
q = MultivariateNormal(m, scale_tril=L)
z = q.rsample((1000,))
loss = ((z - torch.tensor([3.0, -1.0])) ** 2).sum(1).mean()
loss.backward()
print(loss.item(), m.grad, L.grad)
print(MultivariateNormal(torch.zeros(2), torch.eye(2)).log_prob(torch.zeros(2)).item(), -math.log(2 * math.pi))
try:
    MultivariateNormal(torch.zeros(2), covariance_matrix=torch.tensor([[1.0, 2.0], [2.0, 1.0]]))
except ValueError as e:
    print("ValueError", str(e)[:60])
