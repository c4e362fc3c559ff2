# Rotary position embeddings without complex numbers (HF style): inv_freq, outer product via einsum,
# cos/sin caches built with cat((freqs, freqs)), rotate_half, and the check that q.k depends only on the
# relative offset; gradients through the rotation.
import torch

torch.manual_seed(0)
dim, seq, base = 8, 10, 10000.0
inv_freq = 1.0 / (base ** (torch.arange(0, dim, 2).float() / dim))
t = torch.arange(seq, dtype=inv_freq.dtype)
freqs = torch.einsum("i,j->ij", t, inv_freq)
emb = torch.cat((freqs, freqs), dim=-1)
cos_cached, sin_cached = emb.cos()[None, None, :, :], emb.sin()[None, None, :, :]
print(inv_freq, cos_cached.shape)


def rotate_half(x):
    x1 = x[..., : x.shape[-1] // 2]
    x2 = x[..., x.shape[-1] // 2:]
    return torch.cat((-x2, x1), dim=-1)


def apply_rotary_pos_emb(q, k, cos, sin, position_ids=None):
    if position_ids is not None:
        cos = cos[:, :, position_ids]
        sin = sin[:, :, position_ids]
    return (q * cos) + (rotate_half(q) * sin), (k * cos) + (rotate_half(k) * sin)


q = torch.randn(2, 3, seq, dim, requires_grad=True)
k = torch.randn(2, 3, seq, dim, requires_grad=True)
qr, kr = apply_rotary_pos_emb(q, k, cos_cached, sin_cached)
print(qr[0, 0, 1], (qr.norm(dim=-1) - q.norm(dim=-1)).abs().max().item() < 1e-5)
vq, vk = torch.randn(dim), torch.randn(dim)
Q = vq.expand(1, 1, seq, dim)
K = vk.expand(1, 1, seq, dim)
rq, rk = apply_rotary_pos_emb(Q, K, cos_cached, sin_cached)
s1 = (rq[0, 0, 5] * rk[0, 0, 3]).sum()
s2 = (rq[0, 0, 7] * rk[0, 0, 5]).sum()
print(round(s1.item(), 5), round(s2.item(), 5), abs(s1 - s2).item() < 1e-4)
(qr.pow(2).sum() + (qr * kr).sum()).backward()
print(q.grad[1, 2, 4], k.grad[0, 1, 9])
pos = torch.tensor([4, 5, 6])
q2, k2 = apply_rotary_pos_emb(q[:, :, :3], k[:, :, :3], cos_cached, sin_cached, pos)
print(q2.shape, q2[1, 0, 2, :4])
x = torch.randn(2, seq, 2, dim).transpose(1, 2)
rx = x * cos_cached + rotate_half(x) * sin_cached
print(rx.is_contiguous(), rx[0, 1, 3])
