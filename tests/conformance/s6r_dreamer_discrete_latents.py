# DreamerV2/V3-style discrete latent world-model pieces: 4x4 categorical latents with unimix (1% uniform mixing),
# straight-through samples (sample + probs - probs.detach()) and OneHotCategoricalStraightThrough wrapped in
# Independent(..., 1), KL balancing with kl_divergence on Independent categoricals and free bits via clamp,
# a GRUCell deterministic state, and lambda-returns computed backwards over imagined trajectories.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.distributions import Independent, OneHotCategorical, OneHotCategoricalStraightThrough, kl_divergence

torch.manual_seed(0)
S, C = 4, 4


def dist(logits, unimix=0.01):
    probs = F.softmax(logits, -1)
    probs = (1 - unimix) * probs + unimix / C
    return Independent(OneHotCategoricalStraightThrough(probs=probs), 1)


gru = nn.GRUCell(S * C + 2, 16)
prior_net = nn.Linear(16, S * C)
post_net = nn.Linear(16 + 5, S * C)
params = [*gru.parameters(), *prior_net.parameters(), *post_net.parameters()]
opt = torch.optim.Adam(params, lr=3e-3)
for it in range(5):
    B, T = 4, 6
    obs = torch.randn(B, T, 5)
    act = F.one_hot(torch.randint(0, 2, (B, T)), 2).float()
    h = torch.zeros(B, 16)
    z = torch.zeros(B, S * C)
    kls = []
    for t in range(T):
        h = gru(torch.cat([z, act[:, t]], -1), h)
        prior_logits = prior_net(h).view(B, S, C)
        post_logits = post_net(torch.cat([h, obs[:, t]], -1)).view(B, S, C)
        post = dist(post_logits)
        prior = dist(prior_logits)
        z = post.rsample().view(B, S * C)
        dyn = kl_divergence(dist(post_logits.detach()), prior)
        rep = kl_divergence(post, dist(prior_logits.detach()))
        kls.append(0.5 * dyn.clamp(min=1.0) + 0.1 * rep.clamp(min=1.0))
    loss = torch.stack(kls).mean() + 0.01 * z.pow(2).sum(-1).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(it, f"{loss.item():.6f}", f"{dyn.mean().item():.6f}", post.batch_shape, post.event_shape)
logits = torch.randn(2, 3, requires_grad=True)
oh = OneHotCategorical(logits=logits)
s = oh.sample()
st = s + oh.probs - oh.probs.detach()
(st * torch.tensor([1.0, 2.0, 3.0])).sum().backward()
print(s, st, logits.grad)
rew = torch.randn(10, 3)
val = torch.randn(11, 3)
disc = 0.99 * torch.ones(10, 3)
lam = 0.95
ret = [val[-1]]
interm = rew + disc * val[1:] * (1 - lam)
for t in reversed(range(10)):
    ret.append(interm[t] + disc[t] * lam * ret[-1])
ret = torch.stack(list(reversed(ret))[:-1])
print(ret[:3], ret.shape)
print(torch.cumprod(torch.cat([torch.ones(1, 3), disc[:-1]], 0), 0)[-1])
