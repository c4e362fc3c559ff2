# End-to-end mini LLaMA on a character corpus: RMSNorm pre-norm, rotary embeddings with cos/sin buffers
# (persistent=False), grouped-query SDPA with is_causal, SwiGLU, tied embeddings, normal_(0.02) init,
# AdamW param groups, warmup+cosine LambdaLR, clip_grad_norm_, then top-k sampling with a seed.
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
text = "to be or not to be that is the question whether tis nobler in the mind to suffer " * 4
chars = sorted(set(text))
stoi = {c: i for i, c in enumerate(chars)}
data = torch.tensor([stoi[c] for c in text], dtype=torch.long)
V, D, H, KV, L, T = len(chars), 32, 4, 2, 2, 16
hd = D // H


def rotate_half(x):
    x1, x2 = x.chunk(2, dim=-1)
    return torch.cat((-x2, x1), dim=-1)


class Attention(nn.Module):
    def __init__(self):
        super().__init__()
        self.wq = nn.Linear(D, H * hd, bias=False)
        self.wkv = nn.Linear(D, 2 * KV * hd, bias=False)
        self.wo = nn.Linear(D, D, bias=False)

    def forward(self, x, cos, sin):
        B, S, _ = x.shape
        q = self.wq(x).view(B, S, H, hd).transpose(1, 2)
        k, v = self.wkv(x).view(B, S, 2, KV, hd).permute(2, 0, 3, 1, 4).unbind(0)
        q = q * cos + rotate_half(q) * sin
        k = k * cos + rotate_half(k) * sin
        k = k.repeat_interleave(H // KV, dim=1)
        v = v.repeat_interleave(H // KV, dim=1)
        y = F.scaled_dot_product_attention(q, k, v, is_causal=True)
        return self.wo(y.transpose(1, 2).reshape(B, S, D))


class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.attn_norm = nn.RMSNorm(D, eps=1e-5)
        self.attn = Attention()
        self.ffn_norm = nn.RMSNorm(D, eps=1e-5)
        self.w1 = nn.Linear(D, 64, bias=False)
        self.w3 = nn.Linear(D, 64, bias=False)
        self.w2 = nn.Linear(64, D, bias=False)

    def forward(self, x, cos, sin):
        x = x + self.attn(self.attn_norm(x), cos, sin)
        h = self.ffn_norm(x)
        return x + self.w2(F.silu(self.w1(h)) * self.w3(h))


class Llama(nn.Module):
    def __init__(self):
        super().__init__()
        self.tok = nn.Embedding(V, D)
        self.layers = nn.ModuleList(Block() for _ in range(L))
        self.norm = nn.RMSNorm(D, eps=1e-5)
        self.out = nn.Linear(D, V, bias=False)
        self.out.weight = self.tok.weight
        inv = 1.0 / (10000 ** (torch.arange(0, hd, 2).float() / hd))
        f = torch.outer(torch.arange(T).float(), inv)
        emb = torch.cat([f, f], dim=-1)
        self.register_buffer("cos", emb.cos(), persistent=False)
        self.register_buffer("sin", emb.sin(), persistent=False)
        for name, p in self.named_parameters():
            if p.dim() == 2:
                nn.init.normal_(p, 0.0, 0.02 / math.sqrt(2 * L) if name.endswith(("wo.weight", "w2.weight")) else 0.02)

    def forward(self, idx, targets=None):
        S = idx.size(1)
        x = self.tok(idx)
        for layer in self.layers:
            x = layer(x, self.cos[:S], self.sin[:S])
        logits = self.out(self.norm(x))
        if targets is None:
            return logits, None
        return logits, F.cross_entropy(logits.view(-1, V), targets.view(-1))


model = Llama()
print(sum(p.numel() for p in model.parameters()), list(model.state_dict().keys())[:3], len(model.state_dict()))
decay = [p for p in model.parameters() if p.dim() >= 2]
no_decay = [p for p in model.parameters() if p.dim() < 2]
opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.1}, {"params": no_decay, "weight_decay": 0.0}],
                        lr=3e-3, betas=(0.9, 0.95))
steps, warm = 12, 3
sched = torch.optim.lr_scheduler.LambdaLR(
    opt, lambda s: (s + 1) / warm if s < warm else 0.5 * (1 + math.cos(math.pi * (s - warm) / (steps - warm))))
for step in range(steps):
    ix = torch.randint(len(data) - T - 1, (4,))
    xb = torch.stack([data[i:i + T] for i in ix])
    yb = torch.stack([data[i + 1:i + T + 1] for i in ix])
    _, loss = model(xb, yb)
    opt.zero_grad(set_to_none=True)
    loss.backward()
    norm = nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    opt.step()
    sched.step()
    print(step, f"{loss.item():.5f}", f"{norm.item():.5f}", f"{sched.get_last_lr()[0]:.6f}")
model.eval()
torch.manual_seed(123)
idx = torch.tensor([[stoi["t"], stoi["o"]]])
with torch.no_grad():
    for _ in range(10):
        logits, _ = model(idx[:, -T:])
        logits = logits[:, -1, :] / 0.8
        v, _ = torch.topk(logits, 5)
        logits[logits < v[:, [-1]]] = -float("inf")
        idx = torch.cat([idx, torch.multinomial(F.softmax(logits, dim=-1), 1)], dim=1)
print(idx.tolist(), repr("".join(chars[i] for i in idx[0].tolist())))
