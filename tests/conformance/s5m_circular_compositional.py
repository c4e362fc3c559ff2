# Less common distributions in applied statistics: von Mises for wind directions (circular mean,
# concentration MLE), an F-test of variance ratio with FisherSnedecor, Kumaraswamy as a reparameterisable
# Beta surrogate in variational inference, and LogisticNormal for compositional data.
import math

import torch
from torch.distributions import Beta, Binomial, FisherSnedecor, Kumaraswamy, LogisticNormal, VonMises

torch.manual_seed(505)
wind = VonMises(torch.tensor(1.0), torch.tensor(4.0)).sample((300,))
print(wind[:5], wind.min() >= -math.pi, wind.max() <= math.pi)
C, S = torch.cos(wind).mean(), torch.sin(wind).mean()
R = torch.sqrt(C ** 2 + S ** 2)
print("circular mean", torch.atan2(S, C).item(), "R", R.item(), "naive mean", wind.mean().item())
kappa = torch.tensor(1.0, requires_grad=True)
opt = torch.optim.Adam([kappa], lr=0.2)
for it in range(60):
    opt.zero_grad()
    nll = -VonMises(torch.atan2(S, C), kappa).log_prob(wind).mean()
    nll.backward()
    opt.step()
print("kappa mle", kappa.item(), nll.item(), VonMises(0.0, kappa.detach()).variance.item(), 1 - R.item())
a = torch.randn(25) * 1.5
b = torch.randn(30)
F = a.var() / b.var()
Fd = FisherSnedecor(torch.tensor(24.0), torch.tensor(29.0))
null = Fd.sample((20000,))
print("F", F.item(), "p (MC)", (null >= F).float().mean().item(), Fd.mean.item(), Fd.variance.item())
print(Fd.log_prob(torch.tensor([0.5, 1.0, 2.0])), null.mean().item())
heads = Binomial(20, torch.tensor(0.3)).sample((15,))
raw = torch.zeros(2, requires_grad=True)
opt = torch.optim.Adam([raw], lr=0.05)
prior = Beta(1.0, 1.0)
for it in range(120):
    opt.zero_grad()
    q = Kumaraswamy(raw[0].exp(), raw[1].exp())
    p = q.rsample((64,)).clamp(1e-6, 1 - 1e-6)
    loglik = Binomial(20, p.unsqueeze(1)).log_prob(heads).sum(1)
    elbo = (loglik + prior.log_prob(p) - q.log_prob(p)).mean()
    (-elbo).backward()
    opt.step()
q = Kumaraswamy(raw[0].exp().detach(), raw[1].exp().detach())
post = Beta(1 + heads.sum(), 1 + 20 * 15 - heads.sum())
print("vi mean", q.mean.item(), "exact", post.mean.item(), "vi sd", q.variance.sqrt().item(), post.stddev.item())
print(q.entropy().item(), q.cdf(torch.tensor([0.25, 0.3, 0.35])))
comp = LogisticNormal(torch.tensor([0.5, -0.5, 0.0]), torch.tensor([0.3, 0.3, 0.5]))
x = comp.sample((2000,))
print(x[:3], x.sum(-1)[:3], x.mean(0))
alr = torch.log(x[:, :-1] / x[:, -1:])
print("alr mean", alr.mean(0), comp.log_prob(x[:3]))
clr = torch.log(x) - torch.log(x).mean(-1, keepdim=True)
print("clr var", clr.var(0), comp.event_shape, comp.batch_shape)
