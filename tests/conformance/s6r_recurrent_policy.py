# Recurrent policy for a memory task (cue shown at t=0, answer at the last step): nn.GRU / GRUCell hidden state
# carried across steps and reset with (1 - done) masks, Bernoulli and Categorical heads, truncated BPTT with
# hidden.detach(), and REINFORCE with a learned baseline.
import torch
import torch.nn as nn
from torch.distributions import Bernoulli, Categorical

torch.manual_seed(0)


class RecurrentPolicy(nn.Module):
    def __init__(self, hidden=16):
        super().__init__()
        self.cell = nn.GRUCell(3, hidden)
        self.pi = nn.Linear(hidden, 2)
        self.v = nn.Linear(hidden, 1)

    def forward(self, x, h):
        h = self.cell(x, h)
        return self.pi(h), self.v(h).squeeze(-1), h


net = RecurrentPolicy()
opt = torch.optim.Adam(net.parameters(), lr=1e-2)
B, T = 16, 4
for it in range(15):
    cue = torch.randint(0, 2, (B,))
    h = torch.zeros(B, 16)
    logps, vals = [], []
    for t in range(T):
        x = torch.zeros(B, 3)
        if t == 0:
            x[torch.arange(B), cue] = 1.0
        if t == T - 1:
            x[:, 2] = 1.0
        logits, v, h = net(x, h)
        if t == T - 1:
            d = Categorical(logits=logits)
            a = d.sample()
            logps.append(d.log_prob(a))
            vals.append(v)
    r = (a == cue).float()
    adv = r - vals[-1]
    loss = -(logps[-1] * adv.detach()).mean() + adv.pow(2).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
    if it % 3 == 0:
        print(it, f"{loss.item():.5f}", r.mean().item())

gru = nn.GRU(3, 8, batch_first=True)
x = torch.randn(2, 6, 3)
dones = torch.tensor([[0, 0, 1, 0, 0, 0], [0, 0, 0, 0, 1, 0]], dtype=torch.float32)
h = torch.zeros(1, 2, 8)
outs = []
for t in range(6):
    o, h = gru(x[:, t:t + 1], h)
    outs.append(o)
    h = h * (1 - dones[:, t]).view(1, -1, 1)
    if t == 2:
        h = h.detach()
out = torch.cat(outs, 1)
out.sum().backward()
print(out[:, -1], gru.weight_hh_l0.grad.norm())
full, _ = gru(x)
print(torch.allclose(full[:, :3], out[:, :3], atol=1e-6))
b = Bernoulli(logits=torch.tensor([0.0, 2.0, -1.0]))
s = b.sample((5,))
print(s, b.log_prob(s).sum(0), b.entropy(), b.probs)
