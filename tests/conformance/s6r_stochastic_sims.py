# Stochastic simulations with torch.distributions: an M/M/1 queue driven by Exponential inter-arrival and
# service times, Poisson demand in an inventory (s, S) policy sweep, Binomial epidemics (chain-binomial SIR),
# and a Geometric / Uniform sanity set; means and log-probs printed.
import torch
from torch.distributions import Binomial, Exponential, Geometric, Poisson, Uniform

torch.manual_seed(0)
arr = Exponential(torch.tensor(0.8)).sample((200,))
srv = Exponential(torch.tensor(1.0)).sample((200,))
t_arr = torch.cumsum(arr, 0)
finish = torch.zeros(200)
prev = 0.0
for i in range(200):
    start = max(t_arr[i].item(), prev)
    prev = start + srv[i].item()
    finish[i] = prev
wait = finish - t_arr - srv
print(f"{wait.mean().item():.5f} {wait.max().item():.5f} {(wait > 0).float().mean().item():.4f}")
print(Exponential(torch.tensor([0.5, 2.0])).log_prob(torch.tensor(1.0)), Exponential(2.0).mean)

demand = Poisson(torch.tensor(3.0)).sample((60,))
print(demand[:10], demand.mean())
for s, S in ((2, 8), (4, 10)):
    inv, cost = S, 0.0
    for d in demand.tolist():
        inv -= d
        cost += 2.0 * max(-inv, 0) + 0.1 * max(inv, 0)
        inv = max(inv, 0)
        if inv < s:
            cost += 5.0
            inv = S
    print(s, S, round(cost, 3))
print(Poisson(torch.tensor([1.0, 4.0])).log_prob(torch.tensor([2.0, 2.0])))

N = 100.0
S_, I, R = torch.tensor(95.0), torch.tensor(5.0), torch.tensor(0.0)
hist = []
for t in range(15):
    p_inf = 1 - torch.exp(-0.3 * I / N)
    new_i = Binomial(total_count=S_, probs=p_inf).sample()
    new_r = Binomial(total_count=I, probs=torch.tensor(0.1)).sample()
    S_, I, R = S_ - new_i, I + new_i - new_r, R + new_r
    hist.append([S_.item(), I.item(), R.item()])
print(torch.tensor(hist)[::3])
print(Binomial(10, torch.tensor(0.3)).log_prob(torch.tensor(3.0)), Binomial(10, torch.tensor(0.3)).mean)
g = Geometric(probs=torch.tensor(0.25))
print(g.sample((8,)), g.mean, g.log_prob(torch.tensor(2.0)))
u = Uniform(torch.tensor([0.0, -1.0]), torch.tensor([1.0, 1.0]))
print(u.sample((3,)), u.log_prob(torch.tensor([0.5, 0.0])), u.entropy())
