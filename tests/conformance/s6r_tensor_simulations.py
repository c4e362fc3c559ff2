# Small simulations written with tensor ops: Conway's Game of Life by conv2d with circular padding, a boids /
# particle step with torch.cdist, topk nearest neighbours and masked self-distances, a spring-mass system
# integrated with semi-implicit Euler under no_grad, and a MADDPG-style centralised critic over all agents.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
board = (torch.rand(1, 1, 8, 8) < 0.35).float()
kernel = torch.ones(1, 1, 3, 3)
kernel[0, 0, 1, 1] = 0
for step in range(4):
    n = F.conv2d(F.pad(board, (1, 1, 1, 1), mode="circular"), kernel)
    board = ((n == 3) | ((board == 1) & (n == 2))).float()
    print(step, int(board.sum()))
print(board[0, 0].int())

pos = torch.rand(12, 2) * 10
vel = torch.randn(12, 2)
for step in range(3):
    d = torch.cdist(pos, pos)
    d.fill_diagonal_(float("inf"))
    dist, nbr = d.topk(3, largest=False)
    align = vel[nbr].mean(1)
    cohesion = pos[nbr].mean(1) - pos
    close = (d < 1.0).float().unsqueeze(-1)
    sep = ((pos.unsqueeze(1) - pos.unsqueeze(0)) * close).sum(1)
    vel = vel + 0.1 * (align - vel) + 0.01 * cohesion + 0.05 * sep
    speed = vel.norm(dim=1, keepdim=True).clamp(min=1e-6)
    vel = vel / speed * speed.clamp(max=2.0)
    pos = (pos + 0.1 * vel) % 10
    print(step, dist[:2], pos.mean(0), vel.norm(dim=1).max())

k = torch.tensor([4.0, 2.0])
x = torch.tensor([1.0, 0.0, -0.5])
v = torch.zeros(3)
with torch.no_grad():
    energies = []
    for t in range(50):
        f = torch.zeros(3)
        ext = x[1:] - x[:-1]
        f[:-1] += k * ext
        f[1:] -= k * ext
        v += 0.05 * f
        x += 0.05 * v
        energies.append(0.5 * (v ** 2).sum() + 0.5 * (k * ext ** 2).sum())
print(x, torch.stack(energies)[::10])

n_agents, od, ad = 3, 4, 2
actors = nn.ModuleList([nn.Sequential(nn.Linear(od, 16), nn.ReLU(), nn.Linear(16, ad), nn.Tanh())
                        for _ in range(n_agents)])
critic = nn.Sequential(nn.Linear(n_agents * (od + ad), 32), nn.ReLU(), nn.Linear(32, 1))
obs = torch.randn(8, n_agents, od)
acts = torch.stack([actors[i](obs[:, i]) for i in range(n_agents)], 1)
q = critic(torch.cat([obs.flatten(1), acts.flatten(1)], 1))
for i in range(n_agents):
    a_i = acts.detach().clone()
    a_i[:, i] = actors[i](obs[:, i])
    loss = -critic(torch.cat([obs.flatten(1), a_i.flatten(1)], 1)).mean()
    actors[i].zero_grad()
    loss.backward()
    print(i, f"{loss.item():.6f}", actors[i][0].weight.grad.norm(), actors[(i + 1) % 3][0].weight.grad)
print(q.shape, q[:3])
