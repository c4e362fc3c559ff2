# The NumPy glue RL code is full of: gym-like envs that return float64 numpy observations, torch.FloatTensor /
# LongTensor / Tensor constructors, torch.as_tensor on lists of arrays, from_numpy(...).float(), np.int64
# actions, .cpu().numpy() / .detach().numpy() round trips, f-string formatting of 0-d tensors, float()/int()
# and comparisons with Python numbers, and np.random-seeded environments feeding an agent.
import numpy as np
import torch
import torch.nn as nn


class NumpyPendulumish:
    def __init__(self, seed):
        self.rng = np.random.default_rng(seed)

    def reset(self):
        self.state = self.rng.uniform(-1, 1, size=3)
        return self.state.copy()

    def step(self, action):
        a = float(np.clip(action, -2.0, 2.0)[0])
        self.state = np.tanh(self.state * 0.9 + np.array([a, -a, 0.5 * a]) * 0.1)
        reward = -float(np.square(self.state).sum())
        return self.state.copy(), reward, bool(abs(self.state[0]) > 0.95), {}


torch.manual_seed(0)
env = NumpyPendulumish(0)
policy = nn.Sequential(nn.Linear(3, 16), nn.Tanh(), nn.Linear(16, 1))
obs = env.reset()
obs_buf, act_buf, rew_buf = [], [], []
for t in range(10):
    obs_t = torch.as_tensor(obs, dtype=torch.float32)
    with torch.no_grad():
        act = policy(obs_t) + 0.1 * torch.randn(1)
    act_np = act.cpu().numpy()
    obs2, r, done, _ = env.step(act_np)
    obs_buf.append(obs)
    act_buf.append(act_np)
    rew_buf.append(r)
    obs = env.reset() if done else obs2
O = torch.FloatTensor(np.array(obs_buf))
A = torch.as_tensor(np.array(act_buf))
R = torch.tensor(rew_buf)
print(O.dtype, A.dtype, R.dtype, O.shape, A.shape)
print(O, A.squeeze(1), R)
O64 = torch.from_numpy(np.array(obs_buf))
print(O64.dtype, O64.float().dtype, torch.tensor(obs_buf).dtype, torch.as_tensor(obs_buf, dtype=torch.float32).shape)
L = torch.LongTensor([[np.int64(1)], [2]])
print(L, L.dtype, torch.Tensor([1, 2]).dtype, torch.tensor([np.int64(3), np.int64(4)]).dtype)
print(torch.tensor(np.float32(2.5)), torch.tensor([np.float64(1.5)]).dtype, torch.tensor(np.bool_(True)))
v = R.mean()
print(f"{v:.4f} {float(v):.4f} {v.item():.3e} {int(R.argmin())} {bool(v < 0)} {v > -1.0}")
print(round(v.item(), 3), abs(v), -v, 2 ** torch.tensor(3.0), max(R.tolist()) == R.max().item())
x = R.detach().numpy()
print(type(x).__name__, x.dtype, abs(np.mean(x) - R.mean().item()) < 1e-6, np.asarray(O).shape)
print(np.array(torch.tensor([1.0, 2.0])) * 2, torch.tensor([1.0, 2.0]).numpy().sum())
w = np.array([0.2, 0.3, 0.5], dtype=np.float32)
print(torch.from_numpy(w).multinomial(2, replacement=False).shape, torch.tensor(w) @ torch.tensor(w))
print(torch.tensor([[1, 2], [3, 4]]).float().mean(0), torch.zeros(2, dtype=torch.int64) + np.float64(1.5))
print(torch.tensor(3.0) * np.float32(2.0), (np.float64(2.0) * torch.tensor([1.0])).dtype)
