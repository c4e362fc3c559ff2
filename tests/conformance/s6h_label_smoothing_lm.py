# Language-model losses: F.cross_entropy with label_smoothing and ignore_index, the manual smoothed
# loss (1-eps)*nll + eps*mean(-logp), nn.CrossEntropyLoss(label_smoothing=...), reduction='none' per
# token, perplexity from exp(loss), and gradients of logits for each variant.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
B, T, V = 2, 6, 10
logits = torch.randn(B, T, V, requires_grad=True)
targets = torch.randint(0, V, (B, T))
for eps in (0.0, 0.1, 0.3):
    loss = F.cross_entropy(logits.view(-1, V), targets.view(-1), label_smoothing=eps)
    logp = logits.view(-1, V).log_softmax(-1)
    nll = -logp.gather(1, targets.view(-1, 1)).squeeze(1)
    manual = ((1 - eps) * nll - eps * logp.mean(-1)).mean()
    print(eps, round(loss.item(), 6), abs(loss.item() - manual.item()) < 1e-5, round(torch.exp(loss).item(), 4))
t2 = targets.clone()
t2[1, 3:] = -100
crit = nn.CrossEntropyLoss(label_smoothing=0.1)
l2 = crit(logits.transpose(1, 2), t2)
print(crit.label_smoothing, l2)
l2.backward()
print(logits.grad[1, 4], logits.grad[0, 0])
logits.grad = None
l3 = F.cross_entropy(logits.reshape(-1, V), t2.reshape(-1), ignore_index=-100, reduction="none",
                     label_smoothing=0.2)
print(l3.view(B, T))
l3.sum().backward()
print(logits.grad[1, 2])
l4 = F.cross_entropy(logits.reshape(-1, V), t2.reshape(-1), reduction="sum", label_smoothing=0.05)
print(l4)
w = torch.linspace(0.5, 2.0, V)
l5 = F.cross_entropy(logits.reshape(-1, V), targets.reshape(-1), weight=w, label_smoothing=0.1)
print(l5)
