# nn.MultiheadAttention as used in practice: self-attention (seq, batch, embed) and batch_first, need_weights /
# average_attn_weights, bool and float attn_mask (2-D and 3-D), key_padding_mask, kdim/vdim, add_bias_kv,
# add_zero_attn, reprs, parameter names, and common shape errors.
import torch
import torch.nn as nn

torch.manual_seed(0)
embed_dim, num_heads = 8, 2
mha = nn.MultiheadAttention(embed_dim, num_heads)
print(mha)
print([(n, tuple(p.shape)) for n, p in mha.named_parameters()])
q = torch.randn(4, 3, embed_dim)
out, w = mha(q, q, q)
print(out.shape, w.shape, w.sum(-1))
print(out[0, 0])
out2, w2 = mha(q, q, q, average_attn_weights=False)
print(w2.shape, torch.allclose(w2.mean(1), w, atol=1e-6))
o3, none = mha(q, q, q, need_weights=False)
print(none, torch.allclose(o3, out, atol=1e-6))

causal = torch.triu(torch.ones(4, 4, dtype=torch.bool), diagonal=1)
o, w = mha(q, q, q, attn_mask=causal)
print(w[0])
float_mask = torch.zeros(4, 4).masked_fill(causal, float("-inf"))
o_f, w_f = mha(q, q, q, attn_mask=float_mask)
print(torch.allclose(o, o_f, atol=1e-6), torch.allclose(w, w_f, atol=1e-6))
kpm = torch.tensor([[False, False, True, True], [False, False, False, True], [False] * 4])
o, w = mha(q, q, q, key_padding_mask=kpm)
print(w[0], w[1, :, 3])
mask3 = torch.zeros(3 * num_heads, 4, 4)
mask3[:, :, 0] = -1e9
o, w = mha(q, q, q, attn_mask=mask3)
print(w[:, :, 0].abs().max().item(), o.shape)

bf = nn.MultiheadAttention(6, 3, batch_first=True, kdim=5, vdim=4, bias=False)
print(bf, [n for n, _ in bf.named_parameters()])
query = torch.randn(2, 3, 6)
key = torch.randn(2, 7, 5)
value = torch.randn(2, 7, 4)
o, w = bf(query, key, value)
print(o.shape, w.shape, o[1, 2])
kv = nn.MultiheadAttention(4, 2, add_bias_kv=True, add_zero_attn=True)
print([(n, tuple(p.shape)) for n, p in kv.named_parameters()])
x = torch.randn(3, 2, 4)
o, w = kv(x, x, x)
print(o.shape, w.shape, w[0, 0])
o.sum().backward()
print(kv.bias_k.grad.shape, kv.in_proj_weight.grad.abs().sum().item())
try:
    nn.MultiheadAttention(10, 3)
except AssertionError as e:
    print("AssertionError:", e)
try:
    mha(q, q, q, attn_mask=torch.zeros(5, 5))
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    mha(torch.randn(4, 3, 7), q, q)
except AssertionError as e:
    print("AssertionError:", e)
