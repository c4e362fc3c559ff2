# Positional encodings as written in "The Annotated Transformer" and the PyTorch word_language_model example:
# sinusoidal table registered as a buffer (persistent=False too), learned nn.Embedding positions, RoPE-style
# rotation with torch.polar-free real arithmetic; values, buffers in state_dict, and dropout in eval.
import math

import torch
import torch.nn as nn


class PositionalEncoding(nn.Module):
    def __init__(self, d_model, dropout=0.1, max_len=5000):
        super().__init__()
        self.dropout = nn.Dropout(p=dropout)
        pe = torch.zeros(max_len, d_model)
        position = torch.arange(0, max_len, dtype=torch.float).unsqueeze(1)
        div_term = torch.exp(torch.arange(0, d_model, 2).float() * (-math.log(10000.0) / d_model))
        pe[:, 0::2] = torch.sin(position * div_term)
        pe[:, 1::2] = torch.cos(position * div_term)
        pe = pe.unsqueeze(0).transpose(0, 1)
        self.register_buffer("pe", pe)

    def forward(self, x):
        x = x + self.pe[:x.size(0), :]
        return self.dropout(x)


pos = PositionalEncoding(16, max_len=100)
print(pos, pos.pe.shape, list(pos.state_dict().keys()))
print(pos.pe[:3, 0, :6])
print(pos.pe[99, 0, -4:])
pos.eval()
x = torch.zeros(10, 2, 16)
y = pos(x)
print(torch.equal(y[:, 0], y[:, 1]), y[5, 0, :4])
print((pos.pe[:, 0] @ pos.pe[:, 0].T)[0, :5])


class PE2(nn.Module):
    def __init__(self, d, max_len=50):
        super().__init__()
        pe = torch.zeros(max_len, d)
        pos = torch.arange(max_len).unsqueeze(1)
        i = torch.arange(d // 2)
        angle = pos / torch.pow(10000, 2 * i / d)
        pe[:, 0::2] = angle.sin()
        pe[:, 1::2] = angle.cos()
        self.register_buffer("pe", pe, persistent=False)

    def forward(self, x):
        return x + self.pe[: x.size(1)]


p2 = PE2(8)
print(p2.pe.dtype, list(p2.state_dict().keys()), [n for n, _ in p2.named_buffers()])
print((p2.pe[:20] - pos.pe[:20, 0, :8]).abs().max().item() < 1e-4 if False else p2.pe[7])

torch.manual_seed(0)
learned = nn.Embedding(32, 8)
tok = nn.Embedding(100, 8)
ids = torch.randint(0, 100, (2, 6))
positions = torch.arange(ids.size(1)).unsqueeze(0).expand_as(ids)
h = tok(ids) + learned(positions)
print(positions, h.shape, h[1, 5])


def rope(x, base=10000.0):
    b, t, d = x.shape
    inv = 1.0 / (base ** (torch.arange(0, d, 2).float() / d))
    ang = torch.outer(torch.arange(t).float(), inv)
    cos, sin = ang.cos(), ang.sin()
    x1, x2 = x[..., 0::2], x[..., 1::2]
    out = torch.stack([x1 * cos - x2 * sin, x1 * sin + x2 * cos], dim=-1)
    return out.flatten(-2)


x = torch.randn(2, 5, 8)
r = rope(x)
print(r.shape, r[0, 3], torch.allclose(r.norm(dim=-1), x.norm(dim=-1), atol=1e-5))
qd = rope(torch.ones(1, 6, 4))
print((qd[0] @ qd[0].T).diagonal(1))
