# Markov chains: stationary distribution by power iteration, by solving (P^T - I) pi = 0 with a
# normalisation row (lstsq), and by matrix_power; absorbing-chain fundamental matrix; simulation.
import torch

torch.manual_seed(66)
P = torch.tensor([[0.5, 0.3, 0.2, 0.0],
                  [0.2, 0.5, 0.2, 0.1],
                  [0.1, 0.2, 0.6, 0.1],
                  [0.0, 0.1, 0.3, 0.6]], dtype=torch.float64)
print(P.sum(1))
pi = torch.full((4,), 0.25, dtype=torch.float64)
for k in range(200):
    new = pi @ P
    if (new - pi).abs().max() < 1e-13:
        break
    pi = new
print("power iteration", k, pi)
A = torch.cat([P.T - torch.eye(4, dtype=torch.float64), torch.ones(1, 4, dtype=torch.float64)])
b = torch.cat([torch.zeros(4, dtype=torch.float64), torch.ones(1, dtype=torch.float64)])
pi2 = torch.linalg.lstsq(A, b.unsqueeze(1)).solution.squeeze(1)
print("lstsq", pi2)
print("P^50 rows", torch.linalg.matrix_power(P, 50))
print("detailed balance", torch.allclose(pi[:, None] * P, (pi[:, None] * P).T))
print("entropy rate", -(pi[:, None] * torch.special.xlogy(P, P)).sum().item())
Q = torch.tensor([[0.0, 0.5, 0.0], [0.5, 0.0, 0.5], [0.0, 0.5, 0.0]], dtype=torch.float64)
R = torch.tensor([[0.5, 0.0], [0.0, 0.0], [0.0, 0.5]], dtype=torch.float64)
N = torch.linalg.inv(torch.eye(3, dtype=torch.float64) - Q)
print("fundamental", N, "\nsteps", N.sum(1), "\nabsorb", N @ R)
Pf = P.float()
state = torch.zeros(1000, dtype=torch.long)
visits = torch.zeros(4)
for t in range(300):
    state = torch.multinomial(Pf[state], 1).squeeze(1)
    if t >= 100:
        visits += torch.bincount(state, minlength=4).float()
print("simulated", visits / visits.sum())
traj = [0]
for t in range(2000):
    traj.append(torch.multinomial(Pf[traj[-1]], 1).item())
traj = torch.tensor(traj)
trans = torch.zeros(4, 4)
trans.index_put_((traj[:-1], traj[1:]), torch.ones(2000), accumulate=True)
print("estimated P", trans / trans.sum(1, keepdim=True))
print(torch.distributions.Categorical(probs=Pf).entropy())
