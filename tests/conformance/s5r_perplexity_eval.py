# Language-model evaluation the way the word_language_model example and HF-style scripts do it: token-level
# NLL with ignore_index for padding, reduction='none' + masks, perplexity = exp(mean NLL), bits per character,
# label smoothing, and a per-sequence breakdown.
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
V, PAD = 11, 0
seqs = [torch.randint(1, V, (n,)) for n in (7, 4, 6)]
batch = nn.utils.rnn.pad_sequence(seqs, batch_first=True, padding_value=PAD)
inputs, targets = batch[:, :-1], batch[:, 1:]
model = nn.Sequential(nn.Embedding(V, 8, padding_idx=PAD), nn.GRU(8, 16, batch_first=True))
head = nn.Linear(16, V)
out, _ = model(inputs)
logits = head(out)
print(logits.shape, targets)
loss = F.cross_entropy(logits.reshape(-1, V), targets.reshape(-1), ignore_index=PAD)
print("mean nll", loss.item(), "ppl", math.exp(loss.item()), "ppl tensor", torch.exp(loss))
nll = F.cross_entropy(logits.transpose(1, 2), targets, reduction="none")
mask = (targets != PAD).float()
print(nll.shape, (nll * mask).sum().item() / mask.sum().item())
per_seq = (nll * mask).sum(1) / mask.sum(1)
print(per_seq, per_seq.exp())
print("bpc", (loss / math.log(2)).item())
crit = nn.CrossEntropyLoss(ignore_index=PAD, label_smoothing=0.1)
print(crit, crit(logits.reshape(-1, V), targets.reshape(-1)))
nll_loss = nn.NLLLoss(ignore_index=PAD, reduction="sum")
print(nll_loss(F.log_softmax(logits, -1).permute(0, 2, 1), targets).item() / mask.sum().item())
uniform = torch.zeros(1, V)
print(math.exp(F.cross_entropy(uniform, torch.tensor([3])).item()))
logp = F.log_softmax(logits, dim=-1)
tok_lp = logp.gather(-1, targets.unsqueeze(-1)).squeeze(-1)
print(torch.allclose(-tok_lp * mask, nll * mask, atol=1e-6), tok_lp[2])
loss.backward()
print(head.weight.grad.abs().sum().item(), model[0].weight.grad[PAD])
total_loss, total_tokens = 0.0, 0
with torch.no_grad():
    for s in seqs:
        o, _ = model(s[:-1].unsqueeze(0))
        lp = head(o).squeeze(0)
        total_loss += F.cross_entropy(lp, s[1:], reduction="sum").item()
        total_tokens += s.numel() - 1
print(f"corpus ppl {math.exp(total_loss / total_tokens):.4f}")
