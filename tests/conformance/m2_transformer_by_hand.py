# A tiny Transformer encoder layer by hand around nn.MultiheadAttention, with causal and padding masks.
# conformance: rtol=1e-3 atol=1e-4
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class PositionalEncoding(nn.Module):
    def __init__(self, d_model, max_len=50):
        super().__init__()
        pe = torch.zeros(max_len, d_model)
        position = torch.arange(0, max_len, dtype=torch.float).unsqueeze(1)
        div_term = torch.exp(torch.arange(0, d_model, 2).float() * (-math.log(10000.0) / d_model))
        pe[:, 0::2] = torch.sin(position * div_term)
        pe[:, 1::2] = torch.cos(position * div_term)
        self.register_buffer("pe", pe.unsqueeze(0))

    def forward(self, x):
        return x + self.pe[:, : x.size(1)]


class EncoderLayer(nn.Module):
    def __init__(self, d, h, ff):
        super().__init__()
        self.attn = nn.MultiheadAttention(d, h, batch_first=True, dropout=0.0)
        self.ff = nn.Sequential(nn.Linear(d, ff), nn.GELU(), nn.Linear(ff, d))
        self.n1 = nn.LayerNorm(d)
        self.n2 = nn.LayerNorm(d)

    def forward(self, x, mask=None, pad=None):
        a, w = self.attn(x, x, x, attn_mask=mask, key_padding_mask=pad, need_weights=True)
        x = self.n1(x + a)
        return self.n2(x + self.ff(x)), w


class TinyLM(nn.Module):
    def __init__(self, V=20, d=16, h=4):
        super().__init__()
        self.emb = nn.Embedding(V, d)
        self.pos = PositionalEncoding(d)
        self.layers = nn.ModuleList([EncoderLayer(d, h, 32) for _ in range(2)])
        self.out = nn.Linear(d, V)

    def forward(self, idx, pad=None):
        T = idx.size(1)
        mask = torch.triu(torch.ones(T, T, dtype=torch.bool), diagonal=1)
        x = self.pos(self.emb(idx) * math.sqrt(self.emb.embedding_dim))
        ws = []
        for layer in self.layers:
            x, w = layer(x, mask, pad)
            ws.append(w)
        return self.out(x), ws


model = TinyLM()
print(model)
print(sum(p.numel() for p in model.parameters()))
print([k for k in model.state_dict().keys()][:8])
print("pe" in dict(model.named_buffers()))
idx = torch.randint(0, 20, (3, 7))
logits, ws = model(idx)
print(logits.shape, ws[0].shape, ws[0][0].sum(-1))
print(ws[0][0, 0], ws[1][1, 3])
opt = torch.optim.Adam(model.parameters(), lr=3e-3)
for step in range(6):
    logits, _ = model(idx[:, :-1])
    loss = F.cross_entropy(logits.reshape(-1, 20), idx[:, 1:].reshape(-1))
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(step, f"{loss.item():.4f}")
pad = torch.zeros(3, 7, dtype=torch.bool)
pad[0, 5:] = True
logits, ws = model(idx, pad)
print(ws[0][0, 6], logits[0, 0, :4])
mha = nn.MultiheadAttention(8, 2)
q = torch.randn(4, 2, 8)
o, w = mha(q, q, q, average_attn_weights=False)
print(o.shape, w.shape, w.sum(-1))
o2, w2 = mha(q, q, q, need_weights=False)
print(w2, torch.allclose(o, o2, atol=1e-6))
print(F.scaled_dot_product_attention(q, q, q, is_causal=True)[0, 0])
