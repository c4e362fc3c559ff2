# LLM sampling: temperature scaling, top-k via torch.topk and masking below v[:, [-1]] with -inf,
# nucleus (top-p) via sort/cumsum/scatter, torch.multinomial under manual_seed, greedy argmax, and a
# generate() loop with a crop to block_size; prints sampled token ids.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
V = 12
logits = torch.randn(3, V) * 2


def top_k_filter(logits, k):
    v, _ = torch.topk(logits, min(k, logits.size(-1)))
    out = logits.clone()
    out[out < v[:, [-1]]] = -float("Inf")
    return out


def top_p_filter(logits, top_p):
    sorted_logits, sorted_indices = torch.sort(logits, descending=True)
    cumulative_probs = torch.cumsum(F.softmax(sorted_logits, dim=-1), dim=-1)
    sorted_indices_to_remove = cumulative_probs > top_p
    sorted_indices_to_remove[..., 1:] = sorted_indices_to_remove[..., :-1].clone()
    sorted_indices_to_remove[..., 0] = 0
    indices_to_remove = sorted_indices_to_remove.scatter(1, sorted_indices, sorted_indices_to_remove)
    return logits.masked_fill(indices_to_remove, float("-inf"))


for temp in (0.5, 1.0, 2.0):
    p = F.softmax(logits / temp, dim=-1)
    print(temp, p[0].max().item(), -(p * p.log()).sum(-1))
fk = top_k_filter(logits, 3)
print(fk[0], torch.isinf(fk).sum(-1))
fp = top_p_filter(logits, 0.8)
print(torch.isfinite(fp).sum(-1), F.softmax(fp, -1)[1])
torch.manual_seed(42)
print(torch.multinomial(F.softmax(fk, -1), num_samples=1).view(-1))
print(torch.multinomial(F.softmax(fp, -1), num_samples=5, replacement=True))
print(torch.multinomial(F.softmax(logits, -1), num_samples=4))
print(logits.argmax(dim=-1), torch.topk(logits, 2, dim=-1).indices)

block_size = 4
model = nn.Sequential(nn.Embedding(V, 8), nn.Flatten(), nn.Linear(8 * block_size, V))


@torch.no_grad()
def generate(idx, max_new_tokens, temperature=1.0, top_k=None):
    for _ in range(max_new_tokens):
        idx_cond = idx if idx.size(1) <= block_size else idx[:, -block_size:]
        if idx_cond.size(1) < block_size:
            idx_cond = F.pad(idx_cond, (block_size - idx_cond.size(1), 0))
        lg = model(idx_cond) / temperature
        if top_k is not None:
            lg = top_k_filter(lg, top_k)
        idx_next = torch.multinomial(F.softmax(lg, dim=-1), num_samples=1)
        idx = torch.cat((idx, idx_next), dim=1)
    return idx


torch.manual_seed(7)
print(generate(torch.zeros((2, 1), dtype=torch.long), 8, temperature=0.8, top_k=5))
print(generate(torch.tensor([[3, 4, 5, 6, 7]]), 6).tolist())
