# TRPO / natural policy gradient (Spinning Up vpg->trpo style): kl_divergence between Categoricals,
# Fisher-vector products by double backprop (autograd.grad with create_graph=True), conjugate gradient,
# flat_grad / set_flat_params via parameters_to_vector, and a backtracking line search on the surrogate.
import torch
import torch.nn as nn
from torch.distributions import Categorical, kl_divergence
from torch.nn.utils import parameters_to_vector, vector_to_parameters

torch.manual_seed(0)
policy = nn.Sequential(nn.Linear(4, 16), nn.Tanh(), nn.Linear(16, 3))
obs = torch.randn(48, 4)
with torch.no_grad():
    old_logits = policy(obs)
old_dist = Categorical(logits=old_logits)
acts = old_dist.sample()
adv = torch.randn(48)
adv = (adv - adv.mean()) / adv.std()
params = list(policy.parameters())


def surrogate():
    d = Categorical(logits=policy(obs))
    return (torch.exp(d.log_prob(acts) - old_dist.log_prob(acts)) * adv).mean()


def mean_kl():
    return kl_divergence(old_dist, Categorical(logits=policy(obs))).mean()


def fvp(v, damping=0.1):
    kl = mean_kl()
    grads = torch.autograd.grad(kl, params, create_graph=True)
    flat = torch.cat([g.reshape(-1) for g in grads])
    gv = (flat * v).sum()
    hv = torch.autograd.grad(gv, params)
    return torch.cat([h.reshape(-1) for h in hv]) + damping * v


def conjugate_gradient(Avp, b, iters=10, tol=1e-10):
    x = torch.zeros_like(b)
    r, p = b.clone(), b.clone()
    rr = r @ r
    for i in range(iters):
        Ap = Avp(p)
        alpha = rr / (p @ Ap)
        x += alpha * p
        r -= alpha * Ap
        new_rr = r @ r
        if new_rr < tol:
            break
        p = r + new_rr / rr * p
        rr = new_rr
    return x


for it in range(3):
    loss = surrogate()
    g = torch.autograd.grad(loss, params)
    g = torch.cat([t.reshape(-1) for t in g])
    step_dir = conjugate_gradient(fvp, g)
    shs = 0.5 * (step_dir @ fvp(step_dir))
    max_kl = 0.01
    full_step = step_dir * torch.sqrt(2 * max_kl / shs)
    old_params = parameters_to_vector(params).detach().clone()
    expected = g @ full_step
    with torch.no_grad():
        for k in range(10):
            frac = 0.5 ** k
            vector_to_parameters(old_params + frac * full_step, params)
            new_loss, kl = surrogate(), mean_kl()
            if kl <= 1.5 * max_kl and new_loss > loss:
                break
    print(it, f"{loss.item():.6f} {new_loss.item():.6f} {kl.item():.6f} {expected.item():.6f}", k,
          f"{shs.item():.6f}")
    old_dist = Categorical(logits=policy(obs).detach())
p = Categorical(probs=torch.tensor([0.2, 0.3, 0.5]))
q = Categorical(logits=torch.tensor([0.0, 1.0, -1.0]))
print(kl_divergence(p, q), kl_divergence(q, p), kl_divergence(p, p))
