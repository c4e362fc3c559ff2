# Gaussian mixtures: sampling by hand (Categorical component + Normal), MixtureSameFamily sampling and
# log-likelihood, fitting the mixture by gradient ascent, and EM-style responsibilities.
import torch
from torch.distributions import Categorical, Independent, MixtureSameFamily, MultivariateNormal, Normal

torch.manual_seed(3)
weights = torch.tensor([0.2, 0.5, 0.3])
means = torch.tensor([-3.0, 0.0, 4.0])
stds = torch.tensor([0.5, 1.0, 0.8])
comp = Categorical(weights).sample((400,))
x = Normal(means[comp], stds[comp]).sample()
print(comp[:10], x[:5])
print(torch.bincount(comp, minlength=3))

gmm = MixtureSameFamily(Categorical(weights), Normal(means, stds))
print(gmm, gmm.batch_shape, gmm.event_shape)
s = gmm.sample((8,))
print(s, gmm.log_prob(s))
print(gmm.mean, gmm.variance, gmm.cdf(torch.tensor([-3.0, 0.0, 4.0])))

logits = torch.zeros(3, requires_grad=True)
mu = torch.tensor([-1.0, 0.5, 1.0], requires_grad=True)
log_sd = torch.zeros(3, requires_grad=True)
opt = torch.optim.Adam([logits, mu, log_sd], lr=0.1)
for step in range(120):
    model = MixtureSameFamily(Categorical(logits=logits), Normal(mu, log_sd.exp()))
    loss = -model.log_prob(x).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
    if step % 30 == 0:
        print(f"step {step:3d} nll {loss.item():.5f}")
print(torch.softmax(logits, 0).detach(), mu.detach(), log_sd.exp().detach())

with torch.no_grad():
    comp_lp = Normal(mu, log_sd.exp()).log_prob(x.unsqueeze(-1)) + torch.log_softmax(logits, 0)
    resp = torch.softmax(comp_lp, -1)
print(resp[:3], resp.sum(0))

mix2 = MixtureSameFamily(Categorical(torch.ones(2)),
                         MultivariateNormal(torch.tensor([[0.0, 0.0], [3.0, 3.0]]), torch.eye(2).expand(2, 2, 2)))
pts = mix2.sample((5,))
print(pts, mix2.log_prob(pts))
mix3 = MixtureSameFamily(Categorical(torch.tensor([0.3, 0.7])),
                         Independent(Normal(torch.tensor([[0.0, 1.0], [2.0, -1.0]]), torch.ones(2, 2)), 1))
print(mix3.sample((3,)), mix3.mean, mix3.variance)
