# DQN on a pure-Python chain MDP: Python deque replay buffer sampled with random.Random(seed).sample,
# epsilon-greedy with torch.rand and argmax, Q-value gather by action, target network kept by
# load_state_dict every N steps, Huber loss (F.smooth_l1_loss and nn.HuberLoss), Adam and grad clipping.
import random
from collections import deque, namedtuple

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
rng = random.Random(0)
Transition = namedtuple("Transition", ("state", "action", "next_state", "reward", "done"))


class ReplayMemory:
    def __init__(self, capacity):
        self.memory = deque([], maxlen=capacity)

    def push(self, *args):
        self.memory.append(Transition(*args))

    def sample(self, batch_size):
        return rng.sample(self.memory, batch_size)

    def __len__(self):
        return len(self.memory)


N = 5


def one_hot(s):
    v = torch.zeros(N)
    v[s] = 1.0
    return v


def step(s, a):
    s2 = min(N - 1, s + 1) if a == 1 else max(0, s - 1)
    done = s2 == N - 1
    return s2, (1.0 if done else -0.1), done


policy_net = nn.Sequential(nn.Linear(N, 32), nn.ReLU(), nn.Linear(32, 2))
target_net = nn.Sequential(nn.Linear(N, 32), nn.ReLU(), nn.Linear(32, 2))
target_net.load_state_dict(policy_net.state_dict())
target_net.eval()
opt = torch.optim.Adam(policy_net.parameters(), lr=1e-3, amsgrad=True)
memory = ReplayMemory(200)
gamma, batch_size = 0.9, 16
huber = nn.HuberLoss(delta=1.0)
steps = 0
s = 0
losses = []
for t in range(150):
    eps = 0.05 + 0.9 * torch.exp(torch.tensor(-steps / 60.0)).item()
    steps += 1
    if torch.rand(1).item() < eps:
        a = int(torch.randint(0, 2, (1,)).item())
    else:
        with torch.no_grad():
            a = policy_net(one_hot(s)).argmax().item()
    s2, r, done = step(s, a)
    memory.push(one_hot(s), torch.tensor([[a]]), one_hot(s2), torch.tensor([r]), torch.tensor([float(done)]))
    s = 0 if done else s2
    if len(memory) < batch_size:
        continue
    batch = Transition(*zip(*memory.sample(batch_size)))
    state_b = torch.stack(batch.state)
    action_b = torch.cat(batch.action)
    reward_b = torch.cat(batch.reward)
    next_b = torch.stack(batch.next_state)
    done_b = torch.cat(batch.done)
    q = policy_net(state_b).gather(1, action_b).squeeze(1)
    with torch.no_grad():
        next_q = target_net(next_b).max(1).values
    target = reward_b + gamma * next_q * (1 - done_b)
    loss = F.smooth_l1_loss(q, target)
    loss2 = huber(q, target)
    opt.zero_grad()
    loss.backward()
    torch.nn.utils.clip_grad_value_(policy_net.parameters(), 100)
    opt.step()
    losses.append(loss.item())
    assert abs(loss.item() - loss2.item()) < 1e-6
    if t % 25 == 0:
        target_net.load_state_dict(policy_net.state_dict())
        print(t, f"{loss.item():.6f}", f"{eps:.4f}", len(memory))
with torch.no_grad():
    Q = policy_net(torch.eye(N))
print(Q)
print(Q.argmax(1), Q.max(1))
print(sum(losses) / len(losses))
# argmax ties pick the first index
print(torch.tensor([[1.0, 1.0, 0.0], [0.0, 2.0, 2.0]]).argmax(1), torch.tensor([3.0, 3.0]).argmax())
print(torch.tensor([[1.0, 1.0, 0.0], [0.0, 2.0, 2.0]]).max(dim=1))
