# LLaMA-style preallocated KV cache: cache_k/cache_v zeros of (max_batch, max_seq, n_kv, hd) written with
# slice assignment at [:bsz, start_pos:start_pos+seqlen], read back [:bsz, :start_pos+seqlen], causal
# mask built with torch.full(-inf).triu(1) and hstack with zeros for the cached prefix; compares
# prompt+step decoding with a single full pass, under torch.inference_mode().
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
dim, n_heads, n_kv, max_bs, max_seq = 16, 4, 2, 2, 12
hd = dim // n_heads


class Attention(nn.Module):
    def __init__(self):
        super().__init__()
        self.wq = nn.Linear(dim, n_heads * hd, bias=False)
        self.wk = nn.Linear(dim, n_kv * hd, bias=False)
        self.wv = nn.Linear(dim, n_kv * hd, bias=False)
        self.wo = nn.Linear(n_heads * hd, dim, bias=False)
        self.cache_k = torch.zeros((max_bs, max_seq, n_kv, hd))
        self.cache_v = torch.zeros((max_bs, max_seq, n_kv, hd))

    def forward(self, x, start_pos, mask):
        bsz, seqlen, _ = x.shape
        xq = self.wq(x).view(bsz, seqlen, n_heads, hd)
        xk = self.wk(x).view(bsz, seqlen, n_kv, hd)
        xv = self.wv(x).view(bsz, seqlen, n_kv, hd)
        self.cache_k = self.cache_k.to(xq)
        self.cache_v = self.cache_v.to(xq)
        self.cache_k[:bsz, start_pos: start_pos + seqlen] = xk
        self.cache_v[:bsz, start_pos: start_pos + seqlen] = xv
        keys = self.cache_k[:bsz, : start_pos + seqlen]
        values = self.cache_v[:bsz, : start_pos + seqlen]
        keys = torch.repeat_interleave(keys, dim=2, repeats=n_heads // n_kv)
        values = torch.repeat_interleave(values, dim=2, repeats=n_heads // n_kv)
        xq, keys, values = xq.transpose(1, 2), keys.transpose(1, 2), values.transpose(1, 2)
        scores = torch.matmul(xq, keys.transpose(2, 3)) / math.sqrt(hd)
        if mask is not None:
            scores = scores + mask
        scores = F.softmax(scores.float(), dim=-1).type_as(xq)
        output = torch.matmul(scores, values)
        output = output.transpose(1, 2).contiguous().view(bsz, seqlen, -1)
        return self.wo(output)


def make_mask(seqlen, start_pos):
    if seqlen == 1:
        return None
    mask = torch.full((seqlen, seqlen), float("-inf"))
    mask = torch.triu(mask, diagonal=1)
    return torch.hstack([torch.zeros((seqlen, start_pos)), mask]).type_as(mask)


attn = Attention()
x = torch.randn(2, 7, dim)
with torch.inference_mode():
    full = attn(x, 0, make_mask(7, 0))
    print(make_mask(3, 2))
    a = attn(x[:, :4], 0, make_mask(4, 0))
    outs = [a]
    for t in range(4, 7):
        outs.append(attn(x[:, t:t + 1], t, make_mask(1, t)))
    inc = torch.cat(outs, 1)
    print(full.shape, (full - inc).abs().max().item() < 1e-5, inc[1, 6, :4])
    b = attn(x[:, 4:6], 4, make_mask(2, 4))
    print((b - full[:, 4:6]).abs().max().item() < 1e-5)
    print(attn.cache_k[0, :7].abs().sum().item() > 0, attn.cache_k[:, 7:].abs().sum().item(), full.requires_grad)
    print(torch.is_inference_mode_enabled(), attn.cache_v.shape)
