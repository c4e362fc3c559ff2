# An attention-based sequence classifier without RNNs: Embedding + positional embedding + MultiheadAttention + LayerNorm.
import torch
import torch.nn as nn
import torch.nn.functional as F


class AttnClassifier(nn.Module):
    def __init__(self, vocab=16, d=8, heads=2, n_cls=3, max_len=6):
        super().__init__()
        self.tok = nn.Embedding(vocab, d)
        self.pos = nn.Parameter(torch.zeros(1, max_len, d))
        self.attn = nn.MultiheadAttention(d, heads, batch_first=True)
        self.norm = nn.LayerNorm(d)
        self.ff = nn.Sequential(nn.Linear(d, 16), nn.GELU(), nn.Linear(16, d))
        self.head = nn.Linear(d, n_cls)

    def forward(self, ids, pad_mask=None):
        h = self.tok(ids) + self.pos[:, : ids.size(1)]
        a, w = self.attn(h, h, h, key_padding_mask=pad_mask)
        h = self.norm(h + a)
        h = h + self.ff(h)
        return self.head(h.mean(1)), w


model = AttnClassifier()
print(model)
ids = torch.randint(1, 16, (5, 6))
pad = torch.zeros(5, 6, dtype=torch.bool)
pad[:, 4:] = True
labels = torch.tensor([0, 1, 2, 1, 0])
logits, weights = model(ids, pad)
print(logits.shape, weights.shape, weights[0, 0], weights.sum(-1)[0])
opt = torch.optim.Adam(model.parameters(), lr=1e-2)
for _ in range(15):
    logits, _ = model(ids, pad)
    loss = F.cross_entropy(logits, labels)
    opt.zero_grad()
    loss.backward()
    opt.step()
print(round(loss.item(), 5))
q = torch.randn(2, 2, 4, 3)
print(F.scaled_dot_product_attention(q, q, q, is_causal=True)[0, 0])
mask = torch.tril(torch.ones(4, 4, dtype=torch.bool))
print(F.scaled_dot_product_attention(q, q, q, attn_mask=mask).shape)
causal = torch.triu(torch.full((4, 4), float("-inf")), diagonal=1)
print(causal, torch.softmax(torch.zeros(4, 4) + causal, dim=-1))
