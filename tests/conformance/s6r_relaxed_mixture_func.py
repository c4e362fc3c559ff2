# Relaxed / straight-through discrete actions (RelaxedOneHotCategorical, OneHotCategoricalStraightThrough,
# gumbel_softmax hard=True gradients), KL between Normals / Independent Normals, Sigmoid-inverse transforms,
# Gumbel/Laplace/LogNormal, MixtureSameFamily policies, default validate_args switching, constraints checks,
# and per-sample policy gradients with torch.func.vmap(grad(...)) over functional_call.
import torch
import torch.nn.functional as F
from torch.distributions import (Categorical, Normal, RelaxedOneHotCategorical, OneHotCategoricalStraightThrough,
    Distribution, kl_divergence, register_kl, SigmoidTransform, TransformedDistribution, Uniform, Gumbel, Laplace,
    LogNormal, Independent, MixtureSameFamily, constraints)
from torch.func import grad, vmap, functional_call
torch.manual_seed(0)
l = torch.randn(3, 4, requires_grad=True)
r = RelaxedOneHotCategorical(torch.tensor(0.5), logits=l)
s = r.rsample()
print(s, r.log_prob(s))
(s * torch.arange(4.)).sum().backward(); print(l.grad)
st = OneHotCategoricalStraightThrough(logits=l)
s2 = st.rsample(); print(s2); l.grad=None; (s2*torch.arange(4.)).sum().backward(); print(l.grad)
g = F.gumbel_softmax(l, tau=1.0, hard=True); l.grad=None; (g*torch.arange(4.)).sum().backward(); print(g, l.grad)
print(kl_divergence(Normal(0., 1.), Normal(torch.tensor([1.0]), 2.0)))
print(kl_divergence(Independent(Normal(torch.zeros(2,3), 1.), 1), Independent(Normal(torch.ones(2,3), 2.), 1)))
td = TransformedDistribution(Uniform(0., 1.), [SigmoidTransform().inv])
print(td.sample((3,)), td.log_prob(torch.tensor([0.0, 1.0])))
print(Gumbel(0., 1.).sample((3,)), Laplace(0., 1.).log_prob(torch.tensor(0.5)), LogNormal(0., 1.).mean)
mix = MixtureSameFamily(Categorical(logits=torch.zeros(3)), Normal(torch.tensor([-1., 0., 1.]), 0.5))
print(mix.log_prob(torch.tensor([0.0, 2.0])), mix.sample((4,)), mix.mean, mix.variance)
Distribution.set_default_validate_args(False)
print(Categorical(probs=torch.tensor([0.5, -0.1, 0.6])).probs)
Distribution.set_default_validate_args(True)
print(constraints.simplex.check(torch.tensor([0.5, 0.5])), constraints.positive.check(torch.tensor([-1.0, 1.0])))
# per-sample policy gradients with torch.func
net = torch.nn.Linear(3, 2)
params = {k: v.detach() for k, v in net.named_parameters()}
def lp(p, x, a):
    return Categorical(logits=functional_call(net, p, (x,))).log_prob(a)
x = torch.randn(5, 3); a = torch.tensor([0, 1, 1, 0, 1])
psg = vmap(grad(lp), in_dims=(None, 0, 0))(params, x, a)
print(psg["weight"].shape, psg["bias"])
n = Normal(torch.tensor(0.0), torch.tensor(1.0))
v = torch.tensor(0.3, requires_grad=True); n.log_prob(v).backward(); print(v.grad)
