# Grouped-query attention (LLaMA repeat_kv): n_kv_heads < n_heads, repeat_kv via expand+reshape and via
# repeat_interleave(dim=1), equality of both, SDPA over the repeated heads, multi-query (1 kv head),
# parameter counts of the q/k/v projections and gradients flowing back to the shared kv heads.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


def repeat_kv(x, n_rep):
    bs, slen, n_kv_heads, head_dim = x.shape
    if n_rep == 1:
        return x
    return (x[:, :, :, None, :].expand(bs, slen, n_kv_heads, n_rep, head_dim)
            .reshape(bs, slen, n_kv_heads * n_rep, head_dim))


class GQA(nn.Module):
    def __init__(self, dim, n_heads, n_kv_heads):
        super().__init__()
        self.n_heads, self.n_kv = n_heads, n_kv_heads
        self.hd = dim // n_heads
        self.wq = nn.Linear(dim, n_heads * self.hd, bias=False)
        self.wk = nn.Linear(dim, n_kv_heads * self.hd, bias=False)
        self.wv = nn.Linear(dim, n_kv_heads * self.hd, bias=False)
        self.wo = nn.Linear(n_heads * self.hd, dim, bias=False)

    def forward(self, x, use_interleave=False):
        B, T, _ = x.shape
        q = self.wq(x).view(B, T, self.n_heads, self.hd)
        k = self.wk(x).view(B, T, self.n_kv, self.hd)
        v = self.wv(x).view(B, T, self.n_kv, self.hd)
        q = q.transpose(1, 2)
        rep = self.n_heads // self.n_kv
        if use_interleave:
            k = k.transpose(1, 2).repeat_interleave(rep, dim=1)
            v = v.transpose(1, 2).repeat_interleave(rep, dim=1)
        else:
            k = repeat_kv(k, rep).transpose(1, 2)
            v = repeat_kv(v, rep).transpose(1, 2)
        out = F.scaled_dot_product_attention(q, k, v, is_causal=True)
        return self.wo(out.transpose(1, 2).contiguous().view(B, T, -1))


x = torch.randn(2, 5, 32)
for n_kv in (8, 2, 1):
    m = GQA(32, 8, n_kv)
    a = m(x)
    b = m(x, use_interleave=True)
    print(n_kv, sum(p.numel() for p in m.parameters()), a.shape, (a - b).abs().max().item() < 1e-6)
    a.sum().backward()
    print(m.wk.weight.grad.shape, m.wk.weight.grad.abs().sum().item(), a[1, 4, :3])
t = torch.arange(12.0).view(1, 2, 3, 2)
print(t.repeat_interleave(2, dim=1)[0, :, 0], repeat_kv(t.transpose(1, 2), 2).transpose(1, 2)[0, :, 0])
print(torch.repeat_interleave(torch.tensor([1, 2, 3]), torch.tensor([2, 0, 1])))
y = torch.randn(2, 1, 3, requires_grad=True)
z = y.expand(2, 4, 3)
(z * torch.arange(24.0).view(2, 4, 3)).sum().backward()
print(y.grad)
