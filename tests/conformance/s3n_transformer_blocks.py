# nn.Transformer pieces: MultiheadAttention with masks, encoder/decoder layers, full nn.Transformer,
# causal masks, positional encoding, and a tiny training loop of a sequence classifier.
import math
import torch
import torch.nn as nn

torch.manual_seed(0)
mha = nn.MultiheadAttention(embed_dim=8, num_heads=2, batch_first=True)
q = torch.randn(2, 4, 8)
kv = torch.randn(2, 6, 8)
out, attn = mha(q, kv, kv)
print(out.shape, attn.shape, attn.sum(-1))
out2, attn2 = mha(q, kv, kv, average_attn_weights=False)
print(attn2.shape, torch.allclose(attn2.mean(1), attn, atol=1e-6))
pad = torch.tensor([[False] * 6, [False] * 4 + [True] * 2])
out3, attn3 = mha(q, kv, kv, key_padding_mask=pad)
print(attn3[1, :, 4:], out3[1, 0])
mask = nn.Transformer.generate_square_subsequent_mask(4)
print(mask)
o4, a4 = mha(q, q, q, attn_mask=mask)
print(a4[0])
o5, a5 = mha(q, q, q, attn_mask=torch.triu(torch.ones(4, 4, dtype=torch.bool), 1), need_weights=True)
print(torch.allclose(a4, a5, atol=1e-6), mha(q, q, q, need_weights=False)[1])
print([(n, tuple(p.shape)) for n, p in mha.named_parameters()])

enc_layer = nn.TransformerEncoderLayer(d_model=8, nhead=2, dim_feedforward=16, dropout=0.0, batch_first=True)
enc = nn.TransformerEncoder(enc_layer, num_layers=2, enable_nested_tensor=False)
src = torch.randn(3, 5, 8)
y = enc(src)
print(y.shape, y[0, 0])
y2 = enc(src, src_key_padding_mask=torch.tensor([[False] * 5, [False] * 3 + [True] * 2, [False] * 5]))
print(y2[1, :3].sum().item())
norm_first = nn.TransformerEncoderLayer(8, 2, 16, 0.0, activation="gelu", norm_first=True, batch_first=True)
print(norm_first(src)[2, 4])
dec_layer = nn.TransformerDecoderLayer(d_model=8, nhead=2, dim_feedforward=16, dropout=0.0, batch_first=True)
tgt = torch.randn(3, 4, 8)
print(dec_layer(tgt, y, tgt_mask=mask, tgt_is_causal=True)[0, -1])
tr = nn.Transformer(d_model=8, nhead=2, num_encoder_layers=1, num_decoder_layers=1, dim_feedforward=16,
                    dropout=0.0, batch_first=True)
print(tr(src, tgt, tgt_mask=mask).shape, sum(p.numel() for p in tr.parameters()))


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
        return x + self.pe[:, :x.size(1)]


class SeqClassifier(nn.Module):
    def __init__(self, vocab=12, d=16):
        super().__init__()
        self.emb = nn.Embedding(vocab, d)
        self.pos = PositionalEncoding(d)
        layer = nn.TransformerEncoderLayer(d, 4, 32, dropout=0.0, batch_first=True)
        self.enc = nn.TransformerEncoder(layer, 1, enable_nested_tensor=False)
        self.cls = nn.Linear(d, 2)

    def forward(self, x):
        h = self.enc(self.pos(self.emb(x) * math.sqrt(self.emb.embedding_dim)))
        return self.cls(h.mean(dim=1))


pe = PositionalEncoding(6, 10)
print(pe.pe[0, :3], list(dict(pe.named_buffers()).keys()))
X = torch.randint(0, 12, (24, 7))
Y = (X == 3).any(dim=1).long()
model = SeqClassifier()
opt = torch.optim.AdamW(model.parameters(), lr=3e-3)
for epoch in range(12):
    logits = model(X)
    loss = nn.functional.cross_entropy(logits, Y)
    opt.zero_grad()
    loss.backward()
    opt.step()
    if epoch % 3 == 0:
        print(epoch, round(loss.item(), 5), (logits.argmax(1) == Y).float().mean().item())
print(model)
