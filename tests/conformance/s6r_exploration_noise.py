# Exploration schemes: linear/exponential epsilon schedules, vectorised epsilon-greedy with torch.where over
# a batch, Boltzmann exploration via softmax temperature and multinomial, UCB1 and Thompson sampling
# (Beta posteriors) on a Bernoulli bandit, NoisyNet factorised Gaussian noise (sign * sqrt(abs)) in a custom
# linear layer with reset_noise(), and parameter-space noise via a perturbed deepcopy.
import copy
import math

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.distributions import Beta, Normal

torch.manual_seed(0)


def linear_schedule(start_e, end_e, duration, t):
    slope = (end_e - start_e) / duration
    return max(slope * t + start_e, end_e)


print([round(linear_schedule(1.0, 0.05, 50, t), 4) for t in (0, 10, 49, 50, 100)])
q = torch.randn(6, 4)
eps = 0.3
rand_a = torch.randint(0, 4, (6,))
explore = torch.rand(6) < eps
a = torch.where(explore, rand_a, q.argmax(1))
print(a, explore)
for tau in (0.1, 1.0, 10.0):
    p = F.softmax(q / tau, dim=-1)
    print(tau, p[0], torch.multinomial(p, 1).squeeze(1))

true_p = torch.tensor([0.2, 0.5, 0.7])
counts, values = torch.zeros(3), torch.zeros(3)
for t in range(1, 61):
    if t <= 3:
        arm = t - 1
    else:
        ucb = values + torch.sqrt(2 * math.log(t) / counts)
        arm = int(ucb.argmax())
    r = float(torch.rand(()) < true_p[arm])
    counts[arm] += 1
    values[arm] += (r - values[arm]) / counts[arm]
print("ucb", counts, values)
alpha, beta = torch.ones(3), torch.ones(3)
for t in range(60):
    theta = Beta(alpha, beta).sample()
    arm = int(theta.argmax())
    r = float(torch.rand(()) < true_p[arm])
    alpha[arm] += r
    beta[arm] += 1 - r
print("thompson", alpha, beta, Beta(alpha, beta).mean)


class NoisyLinear(nn.Module):
    def __init__(self, i, o, std_init=0.5):
        super().__init__()
        self.i, self.o = i, o
        self.weight_mu = nn.Parameter(torch.empty(o, i))
        self.weight_sigma = nn.Parameter(torch.empty(o, i))
        self.register_buffer("weight_epsilon", torch.empty(o, i))
        self.bias_mu = nn.Parameter(torch.empty(o))
        self.bias_sigma = nn.Parameter(torch.empty(o))
        self.register_buffer("bias_epsilon", torch.empty(o))
        r = 1 / math.sqrt(i)
        self.weight_mu.data.uniform_(-r, r)
        self.weight_sigma.data.fill_(std_init / math.sqrt(i))
        self.bias_mu.data.uniform_(-r, r)
        self.bias_sigma.data.fill_(std_init / math.sqrt(o))
        self.reset_noise()

    @staticmethod
    def _scale_noise(size):
        x = torch.randn(size)
        return x.sign().mul_(x.abs().sqrt_())

    def reset_noise(self):
        ei, eo = self._scale_noise(self.i), self._scale_noise(self.o)
        self.weight_epsilon.copy_(eo.outer(ei))
        self.bias_epsilon.copy_(eo)

    def forward(self, x):
        if self.training:
            return F.linear(x, self.weight_mu + self.weight_sigma * self.weight_epsilon,
                            self.bias_mu + self.bias_sigma * self.bias_epsilon)
        return F.linear(x, self.weight_mu, self.bias_mu)


net = nn.Sequential(nn.Linear(3, 8), nn.ReLU(), NoisyLinear(8, 2))
opt = torch.optim.Adam(net.parameters(), lr=1e-2)
x = torch.randn(10, 3)
for it in range(4):
    net[2].reset_noise()
    loss = (net(x) - 1).pow(2).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(it, f"{loss.item():.5f}", net[2].weight_sigma.grad.abs().sum())
net.eval()
print(net(x[:2]), sorted(net.state_dict().keys()))
perturbed = copy.deepcopy(net)
with torch.no_grad():
    for p in perturbed.parameters():
        p.add_(Normal(0.0, 0.05).sample(p.shape))
print(F.mse_loss(perturbed(x), net(x)))
