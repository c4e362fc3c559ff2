# Metropolis-Hastings and Gibbs sampling with seeded torch.randn / torch.rand: a 1-D bimodal target,
# a 2-D banana distribution with vectorised chains, acceptance rates, autocorrelation and R-hat.
# conformance: rtol=3e-4 atol=1e-4
import math

import torch

torch.manual_seed(123)


def log_target(x):
    return torch.logaddexp(-0.5 * (x + 2) ** 2, -0.5 * ((x - 2) / 0.7) ** 2 + math.log(0.5 / 0.7))


def metropolis(logp, x0, n, step):
    x = x0
    lp = logp(x)
    out, acc = [], 0
    for i in range(n):
        prop = x + step * torch.randn(())
        lp_prop = logp(prop)
        if torch.rand(()) < torch.exp(lp_prop - lp):
            x, lp = prop, lp_prop
            acc += 1
        out.append(x)
    return torch.stack(out), acc / n


for step in (0.5, 2.0, 8.0):
    chain, rate = metropolis(log_target, torch.tensor(0.0), 2000, step)
    burned = chain[500:]
    print(f"step={step}: acc={rate:.3f} mean={burned.mean():.4f} std={burned.std():.4f}",
          f"P(x>0)={(burned > 0).float().mean():.3f}")


def banana(z, b=0.1):
    x, y = z[..., 0], z[..., 1]
    return -0.5 * (x ** 2 / 4 + (y + b * x ** 2 - 4 * b) ** 2)


n_chains, n_steps = 4, 1500
z = torch.randn(n_chains, 2) * 3
lp = banana(z)
samples, accepted = [], torch.zeros(n_chains)
for t in range(n_steps):
    prop = z + 0.8 * torch.randn_like(z)
    lp_prop = banana(prop)
    accept = torch.log(torch.rand(n_chains)) < lp_prop - lp
    z = torch.where(accept.unsqueeze(-1), prop, z)
    lp = torch.where(accept, lp_prop, lp)
    accepted += accept.float()
    samples.append(z.clone())
S = torch.stack(samples)[500:]
print("acceptance", accepted / n_steps)
print("means", S.mean(dim=(0, 1)), "per chain", S[..., 0].mean(0))
chain_means = S[..., 0].mean(0)
W = S[..., 0].var(0).mean()
B = len(S) * chain_means.var()
rhat = torch.sqrt(((len(S) - 1) / len(S) * W + B / len(S)) / W)
print("R-hat", rhat.item())
x = S[:, 0, 0] - S[:, 0, 0].mean()
acf = torch.stack([(x[:-k] * x[k:]).mean() / x.var(unbiased=False) if k else torch.tensor(1.0) for k in range(0, 30, 5)])
print("acf", acf)
rho = 0.8
xg, yg = torch.tensor(0.0), torch.tensor(0.0)
gs = []
for i in range(3000):
    xg = rho * yg + math.sqrt(1 - rho ** 2) * torch.randn(())
    yg = rho * xg + math.sqrt(1 - rho ** 2) * torch.randn(())
    gs.append(torch.stack([xg, yg]))
G = torch.stack(gs)[200:]
print("gibbs", G.mean(0), torch.corrcoef(G.T)[0, 1].item())
