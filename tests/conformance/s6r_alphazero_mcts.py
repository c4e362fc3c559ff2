# AlphaZero-style pieces on tic-tac-toe: a policy/value net over board planes, illegal moves masked with -inf
# (Categorical entropy stays finite), Dirichlet root noise from torch.distributions, a small PUCT search with
# visit counts in tensors, temperature-scaled visit distributions (pow / sum), and the combined
# soft-target cross-entropy + MSE loss with weight decay.
import math

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.distributions import Categorical, Dirichlet

torch.manual_seed(0)
LINES = [(0, 1, 2), (3, 4, 5), (6, 7, 8), (0, 3, 6), (1, 4, 7), (2, 5, 8), (0, 4, 8), (2, 4, 6)]


def winner(b):
    for i, j, k in LINES:
        if b[i] != 0 and b[i] == b[j] == b[k]:
            return b[i]
    return 0


def planes(b, player):
    t = torch.tensor(b, dtype=torch.float32) * player
    return torch.stack([(t == 1).float(), (t == -1).float(), torch.full((9,), float(player))]).view(1, 27)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(27, 64), nn.ReLU())
        self.p = nn.Linear(64, 9)
        self.v = nn.Linear(64, 1)

    def forward(self, x):
        h = self.body(x)
        return self.p(h), torch.tanh(self.v(h))


net = Net()


def mcts(board, player, sims=24, c_puct=1.5):
    with torch.no_grad():
        logits, _ = net(planes(board, player))
    legal = torch.tensor([c == 0 for c in board])
    prior = F.softmax(logits[0].masked_fill(~legal, float("-inf")), -1)
    noise = Dirichlet(torch.full((int(legal.sum()),), 0.3)).sample()
    prior = prior.clone()
    prior[legal] = 0.75 * prior[legal] + 0.25 * noise
    N = torch.zeros(9)
    W = torch.zeros(9)
    for _ in range(sims):
        Q = torch.where(N > 0, W / N.clamp(min=1), torch.zeros(9))
        U = c_puct * prior * math.sqrt(N.sum().item() + 1) / (1 + N)
        score = (Q + U).masked_fill(~legal, float("-inf"))
        a = int(score.argmax())
        b2 = list(board)
        b2[a] = player
        w = winner(b2)
        if w != 0:
            value = 1.0
        elif 0 not in b2:
            value = 0.0
        else:
            with torch.no_grad():
                value = -net(planes(b2, -player))[1].item()
        N[a] += 1
        W[a] += value
    return N, prior


opt = torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9, weight_decay=1e-4)
for game in range(3):
    board, player, hist = [0] * 9, 1, []
    while winner(board) == 0 and 0 in board:
        N, prior = mcts(board, player)
        temp = 1.0 if len(hist) < 3 else 0.25
        pi = N.pow(1 / temp)
        pi = pi / pi.sum()
        hist.append((planes(board, player), pi, player))
        a = int(Categorical(probs=pi).sample())
        board[a] = player
        player = -player
    z = winner(board)
    X = torch.cat([h[0] for h in hist])
    P = torch.stack([h[1] for h in hist])
    Z = torch.tensor([[float(z * h[2])] for h in hist])
    logits, v = net(X)
    loss = -(P * F.log_softmax(logits, -1)).sum(1).mean() + F.mse_loss(v, Z)
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(game, board, z, len(hist), f"{loss.item():.5f}")
logits = torch.tensor([[1.0, 2.0, 0.5]]).masked_fill(torch.tensor([[False, True, False]]), float("-inf"))
d = Categorical(logits=logits)
print(d.probs, d.entropy(), d.logits)
dd = Dirichlet(torch.tensor([0.5, 1.0, 2.0]))
print(dd.mean, dd.log_prob(torch.tensor([0.2, 0.3, 0.5])), dd.sample((2,)).sum(-1))
