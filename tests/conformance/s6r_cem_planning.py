# Cross-entropy method: a policy search over linear controllers for a pure-Python point-mass, and CEM
# trajectory planning (MPC) with torch.normal / topk elites / mean+std refits and clamped actions.
import torch

torch.manual_seed(0)


def rollout(K, x0=(1.0, 0.0), steps=20, dt=0.1):
    pos, vel = x0
    cost = 0.0
    for _ in range(steps):
        u = max(-2.0, min(2.0, -(K[0] * pos + K[1] * vel)))
        vel += dt * u
        pos += dt * vel
        cost += pos * pos + 0.1 * vel * vel + 0.01 * u * u
    return cost


mean, std = torch.zeros(2), torch.ones(2) * 2.0
n, n_elite = 30, 6
for it in range(8):
    samples = mean + std * torch.randn(n, 2)
    costs = torch.tensor([rollout(s.tolist()) for s in samples])
    elite_idx = torch.topk(-costs, n_elite).indices
    elites = samples[elite_idx]
    mean, std = elites.mean(0), elites.std(0) + 1e-3
    print(it, f"{costs.min().item():.5f}", f"{costs[elite_idx].mean().item():.5f}", mean, std)
print(rollout(mean.tolist()))


def dynamics(state, u, dt=0.1):
    pos, vel = state[..., 0], state[..., 1]
    vel = vel + dt * u
    return torch.stack([pos + dt * vel, vel], -1)


H, pop = 8, 64
state = torch.tensor([1.0, 0.5])
mu, sd = torch.zeros(H), torch.ones(H)
traj = []
for t in range(5):
    for i in range(4):
        plans = torch.normal(mu.expand(pop, H), sd.expand(pop, H)).clamp(-1, 1)
        s = state.expand(pop, 2)
        cost = torch.zeros(pop)
        for h in range(H):
            s = dynamics(s, plans[:, h])
            cost = cost + (s ** 2).sum(-1) + 0.01 * plans[:, h] ** 2
        _, idx = cost.sort()
        elite = plans[idx[:8]]
        mu, sd = elite.mean(0), elite.std(0, unbiased=False)
    u = mu[0].item()
    state = dynamics(state, torch.tensor(u))
    traj.append(state.tolist())
    mu = torch.cat([mu[1:], torch.zeros(1)])
    sd = torch.ones(H)
for s in traj:
    print([round(v, 5) for v in s])
