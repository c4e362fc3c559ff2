# Self-attention written by hand (the way blog posts derive it) checked against
# F.scaled_dot_product_attention and nn.MultiheadAttention, with causal masks and a training step.
import math
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
B, T, C = 2, 5, 8
x = torch.randn(B, T, C)
head_size = 4
key = nn.Linear(C, head_size, bias=False)
query = nn.Linear(C, head_size, bias=False)
value = nn.Linear(C, head_size, bias=False)
k, q, v = key(x), query(x), value(x)
wei = q @ k.transpose(-2, -1) * head_size ** -0.5
tril = torch.tril(torch.ones(T, T))
wei = wei.masked_fill(tril == 0, float("-inf"))
print(wei[0])
wei = F.softmax(wei, dim=-1)
out = wei @ v
print(wei[0], out.shape)
ref = F.scaled_dot_product_attention(q, k, v, is_causal=True)
print(torch.allclose(out, ref, atol=1e-6), (out - ref).abs().max().item() < 1e-5)
mask = torch.ones(T, T, dtype=torch.bool).tril()
print(torch.allclose(F.scaled_dot_product_attention(q, k, v, attn_mask=mask), ref, atol=1e-6))
add_mask = torch.zeros(T, T).masked_fill(~mask, float("-inf"))
print(torch.allclose(F.scaled_dot_product_attention(q, k, v, attn_mask=add_mask), ref, atol=1e-6))
print(F.scaled_dot_product_attention(q, k, v, scale=0.1)[1, -1])


class Head(nn.Module):
    def __init__(self, n_embd, head_size, block_size):
        super().__init__()
        self.key = nn.Linear(n_embd, head_size, bias=False)
        self.query = nn.Linear(n_embd, head_size, bias=False)
        self.value = nn.Linear(n_embd, head_size, bias=False)
        self.register_buffer("tril", torch.tril(torch.ones(block_size, block_size)))
        self.dropout = nn.Dropout(0.0)

    def forward(self, x):
        B, T, C = x.shape
        k, q = self.key(x), self.query(x)
        wei = q @ k.transpose(-2, -1) * k.shape[-1] ** -0.5
        wei = wei.masked_fill(self.tril[:T, :T] == 0, float("-inf"))
        wei = self.dropout(F.softmax(wei, dim=-1))
        return wei @ self.value(x)


class MultiHead(nn.Module):
    def __init__(self, n_embd, n_head, block_size):
        super().__init__()
        self.heads = nn.ModuleList([Head(n_embd, n_embd // n_head, block_size) for _ in range(n_head)])
        self.proj = nn.Linear(n_embd, n_embd)

    def forward(self, x):
        return self.proj(torch.cat([h(x) for h in self.heads], dim=-1))


class Block(nn.Module):
    def __init__(self, n_embd, n_head, block_size):
        super().__init__()
        self.sa = MultiHead(n_embd, n_head, block_size)
        self.ffwd = nn.Sequential(nn.Linear(n_embd, 4 * n_embd), nn.GELU(), nn.Linear(4 * n_embd, n_embd))
        self.ln1, self.ln2 = nn.LayerNorm(n_embd), nn.LayerNorm(n_embd)

    def forward(self, x):
        x = x + self.sa(self.ln1(x))
        return x + self.ffwd(self.ln2(x))


class TinyGPT(nn.Module):
    def __init__(self, vocab=11, n_embd=16, block_size=6):
        super().__init__()
        self.tok = nn.Embedding(vocab, n_embd)
        self.pos = nn.Embedding(block_size, n_embd)
        self.blocks = nn.Sequential(Block(n_embd, 2, block_size), Block(n_embd, 2, block_size))
        self.ln_f = nn.LayerNorm(n_embd)
        self.lm_head = nn.Linear(n_embd, vocab)

    def forward(self, idx, targets=None):
        B, T = idx.shape
        x = self.tok(idx) + self.pos(torch.arange(T))
        logits = self.lm_head(self.ln_f(self.blocks(x)))
        if targets is None:
            return logits, None
        B, T, C = logits.shape
        return logits, F.cross_entropy(logits.view(B * T, C), targets.view(B * T))

    @torch.no_grad()
    def generate(self, idx, n):
        for _ in range(n):
            logits, _ = self(idx[:, -6:])
            probs = F.softmax(logits[:, -1, :], dim=-1)
            idx = torch.cat((idx, torch.multinomial(probs, num_samples=1)), dim=1)
        return idx


model = TinyGPT()
print(sum(p.numel() for p in model.parameters()) / 1e3, "K parameters")
data = torch.tensor([i % 11 for i in range(60)])
opt = torch.optim.AdamW(model.parameters(), lr=1e-2)
for it in range(15):
    ix = torch.randint(len(data) - 6, (4,))
    xb = torch.stack([data[i:i + 6] for i in ix])
    yb = torch.stack([data[i + 1:i + 7] for i in ix])
    logits, loss = model(xb, yb)
    opt.zero_grad(set_to_none=True)
    loss.backward()
    opt.step()
    if it % 5 == 0:
        print(f"step {it}: loss {loss.item():.4f}")
print(model.generate(torch.zeros((1, 1), dtype=torch.long), 8))
mha = nn.MultiheadAttention(C, 2, batch_first=True, bias=False)
o1, w1 = mha(x, x, x, attn_mask=~mask, is_causal=False)
print(o1[0, -1], w1[0])
print(math.isclose(w1.sum().item(), B * T, rel_tol=1e-5))
