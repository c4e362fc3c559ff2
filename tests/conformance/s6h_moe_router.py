# Mixture-of-experts feed-forward (Mixtral style): router logits, softmax then topk(2) with renormalized
# weights, per-expert dispatch via torch.where(selected == i) and index_add_, load-balancing auxiliary loss
# from one_hot counts, compared with a dense all-experts reference; gradients to router and experts.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
D, E, K, N = 8, 4, 2, 10


class Expert(nn.Module):
    def __init__(self):
        super().__init__()
        self.w1 = nn.Linear(D, 16, bias=False)
        self.w2 = nn.Linear(16, D, bias=False)
        self.w3 = nn.Linear(D, 16, bias=False)

    def forward(self, x):
        return self.w2(F.silu(self.w1(x)) * self.w3(x))


class MoE(nn.Module):
    def __init__(self):
        super().__init__()
        self.gate = nn.Linear(D, E, bias=False)
        self.experts = nn.ModuleList([Expert() for _ in range(E)])

    def forward(self, x):
        logits = self.gate(x)
        probs = F.softmax(logits, dim=1, dtype=torch.float)
        weights, selected = torch.topk(probs, K, dim=-1)
        weights = weights / weights.sum(dim=-1, keepdim=True)
        out = torch.zeros_like(x)
        for i, expert in enumerate(self.experts):
            idx, nth = torch.where(selected == i)
            if idx.numel() == 0:
                continue
            out.index_add_(0, idx, weights[idx, nth, None] * expert(x[idx]))
        mask = F.one_hot(selected, num_classes=E).sum(1).float()
        aux = E * (mask.mean(0) / K * probs.mean(0)).sum()
        return out, aux, selected, weights


moe = MoE()
x = torch.randn(N, D, requires_grad=True)
out, aux, sel, w = moe(x)
print(sel.tolist(), w[0])
print(out.shape, round(aux.item(), 6))
dense = torch.stack([e(x) for e in moe.experts], dim=1)
gw = torch.zeros(N, E).scatter(1, sel, w)
ref = (gw.unsqueeze(-1) * dense).sum(1)
print((out - ref).abs().max().item() < 1e-6)
(out.pow(2).sum() + 0.01 * aux).backward()
print(moe.gate.weight.grad[0], moe.experts[1].w2.weight.grad.abs().sum().item(), x.grad[3])
counts = torch.bincount(sel.flatten(), minlength=E)
print(counts, torch.unique(sel, return_counts=True))
