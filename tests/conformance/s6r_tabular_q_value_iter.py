# Tabular methods with tensors: value iteration and policy iteration on a random MDP using einsum,
# policy evaluation by torch.linalg.solve, Q-learning on a FrozenLake-like 4x4 grid with a Q-table,
# epsilon-greedy by torch.rand and random.Random, and SARSA for comparison.
import random

import torch

torch.manual_seed(0)
S, A, gamma = 6, 3, 0.9
P = torch.rand(S, A, S, dtype=torch.float64)
P = P / P.sum(-1, keepdim=True)
R = torch.randn(S, A).double()
V = torch.zeros(S, dtype=torch.float64)
for it in range(200):
    Q = R + gamma * torch.einsum("sat,t->sa", P, V)
    V_new = Q.max(1).values
    delta = (V_new - V).abs().max()
    V = V_new
    if delta < 1e-8:
        break
print(it, V, Q.argmax(1))

pi = torch.zeros(S, dtype=torch.long)
print(V.dtype, Q.dtype, delta.item() < 1e-8)
for k in range(20):
    P_pi = P[torch.arange(S), pi]
    R_pi = R[torch.arange(S), pi]
    V_pi = torch.linalg.solve(torch.eye(S) - gamma * P_pi, R_pi)
    new_pi = (R + gamma * P @ V_pi).argmax(1)
    if torch.equal(new_pi, pi):
        break
    pi = new_pi
print(k, pi, V_pi, torch.allclose(V_pi, V, atol=1e-4))

grid = ["SFFF", "FHFF", "FFFF", "HFFG"]
moves = [(0, -1), (1, 0), (0, 1), (-1, 0)]


def step(s, a):
    r, c = divmod(s, 4)
    dr, dc = moves[a]
    r, c = min(3, max(0, r + dr)), min(3, max(0, c + dc))
    cell = grid[r][c]
    return r * 4 + c, float(cell == "G"), cell in "GH"


rng = random.Random(0)
for name in ("q", "sarsa"):
    Qt = torch.zeros(16, 4)
    alpha, eps = 0.5, 0.2
    successes = 0

    def act(s):
        if torch.rand(()).item() < eps:
            return rng.randrange(4)
        best = (Qt[s] == Qt[s].max()).nonzero().flatten().tolist()
        return rng.choice(best)

    for ep in range(300):
        s, done, a = 0, False, act(0)
        for _ in range(30):
            s2, r, done = step(s, a)
            a2 = act(s2)
            nxt = Qt[s2].max() if name == "q" else Qt[s2, a2]
            target = r + (0.0 if done else 0.95 * nxt)
            Qt[s, a] += alpha * (target - Qt[s, a])
            s, a = s2, a2
            if done:
                successes += int(r > 0)
                break
    print(name, successes, Qt.max(1).values.reshape(4, 4), Qt.argmax(1).reshape(4, 4))
