# d2l 10.7 Transformer pieces: PositionWiseFFN, AddNorm with LayerNorm vs BatchNorm1d, an EncoderBlock
# on top of nn.MultiheadAttention with key_padding_mask, a tiny TransformerEncoder stack and a decoder
# block with a causal mask; training a classifier head for a few steps.
import math

import torch
from torch import nn


class PositionWiseFFN(nn.Module):
    def __init__(self, ffn_num_input, ffn_num_hiddens, ffn_num_outputs):
        super().__init__()
        self.dense1 = nn.Linear(ffn_num_input, ffn_num_hiddens)
        self.relu = nn.ReLU()
        self.dense2 = nn.Linear(ffn_num_hiddens, ffn_num_outputs)

    def forward(self, X):
        return self.dense2(self.relu(self.dense1(X)))


class AddNorm(nn.Module):
    def __init__(self, normalized_shape, dropout):
        super().__init__()
        self.dropout = nn.Dropout(dropout)
        self.ln = nn.LayerNorm(normalized_shape)

    def forward(self, X, Y):
        return self.ln(self.dropout(Y) + X)


class EncoderBlock(nn.Module):
    def __init__(self, num_hiddens, ffn_num_hiddens, num_heads, dropout):
        super().__init__()
        self.attention = nn.MultiheadAttention(num_hiddens, num_heads, dropout=dropout, batch_first=True)
        self.addnorm1 = AddNorm(num_hiddens, dropout)
        self.ffn = PositionWiseFFN(num_hiddens, ffn_num_hiddens, num_hiddens)
        self.addnorm2 = AddNorm(num_hiddens, dropout)

    def forward(self, X, pad_mask=None):
        Y = self.addnorm1(X, self.attention(X, X, X, key_padding_mask=pad_mask, need_weights=False)[0])
        return self.addnorm2(Y, self.ffn(Y))


torch.manual_seed(0)
ffn = PositionWiseFFN(4, 4, 8)
ffn.eval()
print(ffn(torch.ones((2, 3, 4)))[0])
ln = nn.LayerNorm(2)
bn = nn.BatchNorm1d(2)
X = torch.tensor([[1, 2], [2, 3]], dtype=torch.float32)
print("layer norm:", ln(X), "\nbatch norm:", bn(X))
add_norm = AddNorm([3, 4], 0.5)
add_norm.eval()
print(add_norm(torch.ones((2, 3, 4)), torch.ones((2, 3, 4))).shape)

vocab, d, T = 20, 16, 6
tokens = torch.randint(1, vocab, (8, T))
lens = torch.tensor([6, 5, 4, 6, 3, 6, 2, 5])
pad = torch.arange(T)[None, :] >= lens[:, None]
tokens[pad] = 0
labels = (tokens.sum(1) % 2)
emb = nn.Embedding(vocab, d, padding_idx=0)
pos = torch.zeros(1, T, d)
ang = torch.arange(T, dtype=torch.float32).reshape(-1, 1) / torch.pow(10000, torch.arange(0, d, 2) / d)
pos[:, :, 0::2] = torch.sin(ang)
pos[:, :, 1::2] = torch.cos(ang)
blk = EncoderBlock(d, 32, 4, 0.0)
head = nn.Linear(d, 2)
params = list(emb.parameters()) + list(blk.parameters()) + list(head.parameters())
print(len(params), sum(p.numel() for p in params), emb.weight[0].abs().sum())
opt = torch.optim.AdamW(params, lr=3e-3, weight_decay=0.01)
for step in range(6):
    X = emb(tokens) * math.sqrt(d) + pos
    H = blk(X, pad)
    mask = (~pad).unsqueeze(-1).float()
    pooled = (H * mask).sum(1) / mask.sum(1)
    logits = head(pooled)
    loss = nn.functional.cross_entropy(logits, labels)
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(step, f"{loss.item():.5f}", f"{emb.weight.grad[0].abs().sum().item():.3f}")

layer = nn.TransformerEncoderLayer(d_model=d, nhead=4, dim_feedforward=32, dropout=0.0, batch_first=True)
enc = nn.TransformerEncoder(layer, num_layers=2, enable_nested_tensor=False)
out = enc(emb(tokens), src_key_padding_mask=pad)
print(out.shape, out[0, 0, :4], out[6, 0, :4])
dec_layer = nn.TransformerDecoderLayer(d_model=d, nhead=2, dim_feedforward=24, dropout=0.0, batch_first=True,
                                       norm_first=True)
causal = nn.Transformer.generate_square_subsequent_mask(4)
tgt = torch.randn(8, 4, d)
dout = dec_layer(tgt, out, tgt_mask=causal, memory_key_padding_mask=pad)
print(dout.shape, dout[1, -1, :4])
dout.sum().backward()
print(dec_layer.self_attn.in_proj_weight.grad.abs().sum() > 0, layer.linear1.weight.grad is None)
