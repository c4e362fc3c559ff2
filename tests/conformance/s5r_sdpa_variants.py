# F.scaled_dot_product_attention against the textbook softmax(QK^T/sqrt(d))V: is_causal, bool and float
# attn_mask, broadcast masks, custom scale, enable_gqa, gradients through q/k/v, and fully-masked rows.
import math

import torch
import torch.nn.functional as F

torch.manual_seed(0)
B, H, L, S, E = 2, 3, 4, 5, 8
q = torch.randn(B, H, L, E, requires_grad=True)
k = torch.randn(B, H, S, E, requires_grad=True)
v = torch.randn(B, H, S, E, requires_grad=True)


def manual(q, k, v, mask=None, scale=None):
    s = q @ k.transpose(-2, -1) * (scale if scale is not None else 1 / math.sqrt(q.size(-1)))
    if mask is not None:
        s = s.masked_fill(~mask, float("-inf")) if mask.dtype == torch.bool else s + mask
    return s.softmax(-1) @ v


out = F.scaled_dot_product_attention(q, k, v)
ref = manual(q, k, v)
print(out.shape, (out - ref).abs().max().item() < 1e-5)
out.sum().backward()
gq = q.grad.clone()
q.grad = None
ref.sum().backward()
print((gq - q.grad).abs().max().item() < 1e-5, k.grad.shape)

qq = torch.randn(1, 2, 4, 8)
causal = F.scaled_dot_product_attention(qq, qq, qq, is_causal=True)
tri = torch.ones(4, 4, dtype=torch.bool).tril()
print(torch.allclose(causal, manual(qq, qq, qq, tri), atol=1e-6), causal[0, 0, 0])
bmask = torch.rand(B, 1, L, S) > 0.3
bmask[..., 0] = True
print(torch.allclose(F.scaled_dot_product_attention(q, k, v, attn_mask=bmask), manual(q, k, v, bmask), atol=1e-5))
fmask = torch.randn(L, S)
print(torch.allclose(F.scaled_dot_product_attention(q, k, v, attn_mask=fmask), manual(q, k, v, fmask), atol=1e-5))
o = F.scaled_dot_product_attention(q, k, v, scale=0.5)
print(torch.allclose(o, manual(q, k, v, scale=0.5), atol=1e-5), o[1, 2, 3, :3])
kv_heads = torch.randn(1, 1, 5, 8)
gq = F.scaled_dot_product_attention(torch.randn(1, 2, 4, 8), kv_heads, kv_heads, enable_gqa=True)
print(gq.shape)
x3 = torch.randn(6, 4, 8)
print(F.scaled_dot_product_attention(x3, x3, x3).shape)
allmask = torch.zeros(1, 1, 2, 3, dtype=torch.bool)
allmask[0, 0, 1] = True
res = F.scaled_dot_product_attention(torch.randn(1, 1, 2, 4), torch.randn(1, 1, 3, 4), torch.randn(1, 1, 3, 4),
                                     attn_mask=allmask)
print(res[0, 0, 0], res[0, 0, 1].isnan().any().item())
