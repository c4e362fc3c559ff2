# KV-cache incremental decoding vs full causal recompute: a tiny decoder layer that appends k/v with
# torch.cat along the sequence dim, runs one token at a time under torch.no_grad(), and compares the
# per-step logits with the full-sequence forward; greedy argmax generation both ways.
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class Attn(nn.Module):
    def __init__(self, d, h):
        super().__init__()
        self.h, self.hd = h, d // h
        self.qkv = nn.Linear(d, 3 * d)
        self.o = nn.Linear(d, d)

    def forward(self, x, cache=None):
        B, T, C = x.shape
        q, k, v = self.qkv(x).split(C, dim=2)
        q = q.view(B, T, self.h, self.hd).transpose(1, 2)
        k = k.view(B, T, self.h, self.hd).transpose(1, 2)
        v = v.view(B, T, self.h, self.hd).transpose(1, 2)
        if cache is not None:
            if cache[0] is not None:
                k = torch.cat([cache[0], k], dim=2)
                v = torch.cat([cache[1], v], dim=2)
            cache[0], cache[1] = k, v
        S = k.size(2)
        att = (q @ k.transpose(-2, -1)) / math.sqrt(self.hd)
        mask = torch.ones(T, S, dtype=torch.bool).tril(diagonal=S - T)
        att = att.masked_fill(~mask, float("-inf"))
        y = F.softmax(att, dim=-1) @ v
        return self.o(y.transpose(1, 2).contiguous().view(B, T, C))


class LM(nn.Module):
    def __init__(self, V=20, d=16, h=4, L=2):
        super().__init__()
        self.emb = nn.Embedding(V, d)
        self.pos = nn.Embedding(32, d)
        self.layers = nn.ModuleList([Attn(d, h) for _ in range(L)])
        self.ln = nn.LayerNorm(d)
        self.head = nn.Linear(d, V, bias=False)

    def forward(self, idx, start=0, caches=None):
        T = idx.size(1)
        x = self.emb(idx) + self.pos(torch.arange(start, start + T))
        for i, layer in enumerate(self.layers):
            x = x + layer(x, None if caches is None else caches[i])
        return self.head(self.ln(x))


model = LM().eval()
idx = torch.randint(0, 20, (2, 9))
with torch.no_grad():
    full = model(idx)
    caches = [[None, None] for _ in model.layers]
    steps = [model(idx[:, t:t + 1], start=t, caches=caches) for t in range(idx.size(1))]
    inc = torch.cat(steps, dim=1)
    print(full.shape, inc.shape, (full - inc).abs().max().item() < 1e-5)
    print(caches[0][0].shape, full[1, -1, :5])
    caches = [[None, None] for _ in model.layers]
    pre = model(idx[:, :4], caches=caches)
    tok = pre[:, -1].argmax(-1, keepdim=True)
    out_cached = [tok]
    for t in range(4, 10):
        logits = model(tok, start=t, caches=caches)
        tok = logits[:, -1].argmax(-1, keepdim=True)
        out_cached.append(tok)
    seq = idx[:, :4]
    out_full = []
    for t in range(7):
        logits = model(seq)
        nxt = logits[:, -1].argmax(-1, keepdim=True)
        out_full.append(nxt)
        seq = torch.cat([seq, nxt], dim=1)
    print(torch.cat(out_cached, 1))
    print(torch.equal(torch.cat(out_cached, 1), torch.cat(out_full, 1)), seq.shape)
