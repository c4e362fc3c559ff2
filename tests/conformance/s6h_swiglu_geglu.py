# LLaMA FeedForward (SwiGLU with w1/w2/w3, hidden = multiple_of rounding) and a GeGLU MLP with a fused
# up projection split by chunk(2, dim=-1); a few SGD steps and the gradients of the gates.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class FeedForward(nn.Module):
    def __init__(self, dim, hidden_dim, multiple_of):
        super().__init__()
        hidden_dim = int(2 * hidden_dim / 3)
        hidden_dim = multiple_of * ((hidden_dim + multiple_of - 1) // multiple_of)
        self.w1 = nn.Linear(dim, hidden_dim, bias=False)
        self.w2 = nn.Linear(hidden_dim, dim, bias=False)
        self.w3 = nn.Linear(dim, hidden_dim, bias=False)

    def forward(self, x):
        return self.w2(F.silu(self.w1(x)) * self.w3(x))


class GEGLU(nn.Module):
    def __init__(self, dim, hidden):
        super().__init__()
        self.proj = nn.Linear(dim, hidden * 2)
        self.out = nn.Linear(hidden, dim)

    def forward(self, x):
        h, gate = self.proj(x).chunk(2, dim=-1)
        return self.out(h * F.gelu(gate))


ff = FeedForward(16, 4 * 16, multiple_of=8)
print(ff, ff.w1.weight.shape)
gg = GEGLU(16, 24)
x = torch.randn(3, 7, 16)
y = torch.randn(3, 7, 16)
for name, m in [("swiglu", ff), ("geglu", gg)]:
    opt = torch.optim.SGD(m.parameters(), lr=0.05, momentum=0.9)
    for step in range(5):
        opt.zero_grad()
        loss = F.mse_loss(m(x), y)
        loss.backward()
        opt.step()
        print(name, step, round(loss.item(), 6))
    print(name, sum(p.numel() for p in m.parameters()))
h = torch.randn(4, 6, requires_grad=True)
gate = torch.randn(4, 6, requires_grad=True)
out = (F.silu(gate) * h).sum() + (F.gelu(gate, approximate="tanh") * h).pow(2).sum()
out.backward()
print(h.grad[0], gate.grad[1])
