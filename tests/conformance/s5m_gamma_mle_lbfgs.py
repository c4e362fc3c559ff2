# Maximum-likelihood fitting of distribution parameters by optimisation on unconstrained
# (log / softplus) parameters: Gamma with LBFGS, Weibull and Student-t with Adam, plus method-of-moments.
import torch
from torch.distributions import Gamma, StudentT, Weibull

torch.manual_seed(303)
data = Gamma(torch.tensor(3.0), torch.tensor(1.5)).sample((500,))
m, v = data.mean(), data.var()
print("moments", (m ** 2 / v).item(), (m / v).item())
log_a = torch.tensor(0.0, requires_grad=True)
log_b = torch.tensor(0.0, requires_grad=True)
opt = torch.optim.LBFGS([log_a, log_b], lr=1, max_iter=50, line_search_fn="strong_wolfe")


def closure():
    opt.zero_grad()
    nll = -Gamma(log_a.exp(), log_b.exp()).log_prob(data).mean()
    nll.backward()
    return nll


for i in range(3):
    loss = opt.step(closure)
    print("lbfgs", i, loss.item())
a_hat, b_hat = log_a.exp().item(), log_b.exp().item()
print("gamma mle", round(a_hat, 4), round(b_hat, 4), a_hat / b_hat, m.item())
s = torch.log(m) - torch.log(data).mean()
k = (3 - s + ((s - 3) ** 2 + 24 * s).sqrt()) / (12 * s)
for _ in range(5):
    k = k - (torch.log(k) - torch.digamma(k) - s) / (1 / k - torch.polygamma(1, k))
print("newton shape", k.item())
wd = Weibull(torch.tensor(2.0), torch.tensor(1.5)).sample((400,))
raw_scale = torch.tensor(0.0, requires_grad=True)
raw_conc = torch.tensor(0.0, requires_grad=True)
opt = torch.optim.Adam([raw_scale, raw_conc], lr=0.05)
for it in range(100):
    opt.zero_grad()
    dist = Weibull(torch.nn.functional.softplus(raw_scale), torch.nn.functional.softplus(raw_conc))
    nll = -dist.log_prob(wd).mean()
    nll.backward()
    opt.step()
    if it % 25 == 0:
        print(it, nll.item())
print("weibull", torch.nn.functional.softplus(raw_scale).item(), torch.nn.functional.softplus(raw_conc).item())
td = StudentT(4.0, 1.0, 2.0).sample((300,))
params = torch.zeros(3, requires_grad=True)
opt = torch.optim.Adam([params], lr=0.05)
for it in range(100):
    opt.zero_grad()
    df, loc, scale = params[0].exp() + 1, params[1], params[2].exp()
    nll = -StudentT(df, loc, scale).log_prob(td).mean()
    nll.backward()
    opt.step()
print("student-t", (params[0].exp() + 1).item(), params[1].item(), params[2].exp().item(), nll.item())
