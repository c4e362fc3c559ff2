# Group-relative policy gradients on a toy sequence "policy" (a logits table, no transformer): RLOO
# leave-one-out baselines, GRPO per-group mean/std advantages via view/mean/std(keepdim), token log-probs via
# log_softmax + gather, clipped ratio objective with a masked per-sequence mean, the k3 KL estimator to a
# frozen reference, and the Gumbel-max trick for sampling.
import torch
import torch.nn.functional as F

torch.manual_seed(0)
V, L, G, P = 5, 4, 4, 3
table = torch.zeros(L, V, requires_grad=True)
ref = table.detach().clone() + 0.1 * torch.randn(L, V)
opt = torch.optim.AdamW([table], lr=0.1, weight_decay=0.0)


def gumbel_max(logits):
    u = torch.rand_like(logits).clamp_(1e-10, 1.0)
    return (logits - torch.log(-torch.log(u))).argmax(-1)


for it in range(6):
    with torch.no_grad():
        seqs = gumbel_max(table.detach().expand(P * G, L, V))
        old_lp = F.log_softmax(table, -1).expand(P * G, L, V).gather(2, seqs.unsqueeze(-1)).squeeze(-1)
    lens = torch.randint(2, L + 1, (P * G,))
    mask = (torch.arange(L).unsqueeze(0) < lens.unsqueeze(1)).float()
    reward = ((seqs == 2).float() * mask).sum(1) / lens
    grouped = reward.view(P, G)
    adv_grpo = ((grouped - grouped.mean(1, keepdim=True)) / (grouped.std(1, keepdim=True) + 1e-4)).view(-1)
    adv_rloo = (grouped - (grouped.sum(1, keepdim=True) - grouped) / (G - 1)).view(-1)
    for epoch in range(2):
        lp = F.log_softmax(table, -1).expand(P * G, L, V).gather(2, seqs.unsqueeze(-1)).squeeze(-1)
        ratio = torch.exp(lp - old_lp)
        surr = torch.min(ratio * adv_grpo[:, None], ratio.clamp(0.8, 1.2) * adv_grpo[:, None])
        ref_lp = F.log_softmax(ref, -1).expand(P * G, L, V).gather(2, seqs.unsqueeze(-1)).squeeze(-1)
        kl = torch.exp(ref_lp - lp) - (ref_lp - lp) - 1
        per_tok = -(surr - 0.04 * kl)
        loss = ((per_tok * mask).sum(1) / mask.sum(1)).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
    print(it, f"{reward.mean().item():.4f} {loss.item():.6f} {kl.mean().item():.6f}", adv_rloo[:4])
print(F.softmax(table, -1)[:, 2])
