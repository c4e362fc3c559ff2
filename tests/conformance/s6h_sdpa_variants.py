# F.scaled_dot_product_attention against the manual formula: is_causal, boolean and additive float
# attn_mask, scale=, dropout_p=0.0, GQA-like broadcast of batch dims, and gradients of q/k/v.
import math

import torch
import torch.nn.functional as F

torch.manual_seed(0)
B, H, T, S, D = 2, 3, 4, 6, 8
q = torch.randn(B, H, T, D, requires_grad=True)
k = torch.randn(B, H, S, D, requires_grad=True)
v = torch.randn(B, H, S, D, requires_grad=True)


def manual(q, k, v, mask=None, scale=None):
    s = q @ k.transpose(-2, -1) * (scale if scale is not None else 1 / math.sqrt(q.size(-1)))
    if mask is not None:
        s = s.masked_fill(~mask, float("-inf")) if mask.dtype == torch.bool else s + mask
    return s.softmax(-1) @ v


o1 = F.scaled_dot_product_attention(q, k, v)
print(o1.shape, (o1 - manual(q, k, v)).abs().max().item() < 1e-5)
qs, ks, vs = q[:, :, :4], k[:, :, :4], v[:, :, :4]
o2 = F.scaled_dot_product_attention(qs, ks, vs, is_causal=True, dropout_p=0.0)
cm = torch.ones(4, 4, dtype=torch.bool).tril()
print((o2 - manual(qs, ks, vs, cm)).abs().max().item() < 1e-5, o2[0, 0, 0])
bm = torch.rand(B, 1, T, S) > 0.3
bm[..., 0] = True
o3 = F.scaled_dot_product_attention(q, k, v, attn_mask=bm)
print((o3 - manual(q, k, v, bm)).abs().max().item() < 1e-5)
fm = torch.randn(T, S)
o4 = F.scaled_dot_product_attention(q, k, v, attn_mask=fm, scale=0.5)
print((o4 - manual(q, k, v, fm, 0.5)).abs().max().item() < 1e-5, o4[1, 2, 3, :3])
g = torch.randn_like(o1)
((o1 + o2.sum() * 0.1 + o3 + o4) * g).sum().backward()
print(q.grad[0, 1, 2], k.grad[1, 0, 5], v.grad[0, 2, 1])
q2 = torch.randn(T, D)
print(F.scaled_dot_product_attention(q2, torch.randn(S, D), torch.randn(S, D)).shape)
