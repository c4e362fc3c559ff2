# Built-in modules configured the modern way: nn.TransformerDecoderLayer / EncoderLayer with
# norm_first=True, activation='gelu', bias=False, batch_first, a causal tgt_mask with tgt_is_causal,
# nn.MultiheadAttention(bias=False) with is_causal and need_weights=False, SDPA with enable_gqa and a
# non-square is_causal (top-left aligned); forward values and a training step.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
d, T = 16, 5
enc = nn.TransformerEncoderLayer(d, 4, 32, dropout=0.0, activation="gelu", batch_first=True,
                                 norm_first=True, bias=False)
print(sum(p.numel() for p in enc.parameters()), [n for n, _ in enc.named_parameters()][:6])
x = torch.randn(2, T, d)
mask = nn.Transformer.generate_square_subsequent_mask(T)
y = enc(x, src_mask=mask, is_causal=True)
print(y[0, 0, :4], y.shape)
dec = nn.TransformerDecoderLayer(d, 2, 32, dropout=0.0, activation=F.gelu, batch_first=True, norm_first=True)
mem = torch.randn(2, 3, d)
z = dec(x, mem, tgt_mask=mask, tgt_is_causal=True)
print(z[1, 4, :4])
opt = torch.optim.AdamW(list(enc.parameters()) + list(dec.parameters()), lr=1e-3)
for step in range(3):
    loss = dec(enc(x, src_mask=mask, is_causal=True), mem, tgt_mask=mask).pow(2).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(step, round(loss.item(), 6))
mha = nn.MultiheadAttention(d, 4, bias=False, batch_first=True)
o, w = mha(x, x, x, attn_mask=mask, is_causal=True, need_weights=False)
print(w, o[0, 1, :4], mha.in_proj_bias)
o2, w2 = mha(x, x, x, attn_mask=mask, average_attn_weights=False)
print(w2.shape, w2[0, 0, 1], (o - o2).abs().max().item() < 1e-5)
q = torch.randn(1, 4, 3, 8)
k = torch.randn(1, 2, 5, 8)
v = torch.randn(1, 2, 5, 8)
g = F.scaled_dot_product_attention(q, k, v, enable_gqa=True)
g2 = F.scaled_dot_product_attention(q, k.repeat_interleave(2, 1), v.repeat_interleave(2, 1))
print(g.shape, (g - g2).abs().max().item() < 1e-6)
c = F.scaled_dot_product_attention(q, k, v, is_causal=True, enable_gqa=True)
print(c[0, 1, 0], c[0, 3, 2])
