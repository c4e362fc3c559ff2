# Evaluation metrics written with tensor ops: top-k accuracy, confusion matrix via bincount, precision/recall/F1.
import torch
import torch.nn.functional as F

torch.manual_seed(17)
C = 4
logits = torch.randn(50, C)
labels = torch.randint(0, C, (50,))
preds = logits.argmax(dim=1)
acc = (preds == labels).float().mean()
print(f"acc={acc.item():.4f}", (preds == labels).sum().item(), torch.sum(preds == labels).item())
_, top2 = logits.topk(2, dim=1, largest=True, sorted=True)
correct = top2.eq(labels.view(-1, 1).expand_as(top2))
print("top2", correct[:, :2].reshape(-1).float().sum(0, keepdim=True).mul_(100.0 / 50))
cm = torch.bincount(labels * C + preds, minlength=C * C).reshape(C, C)
print(cm)
cm2 = torch.zeros(C, C, dtype=torch.int64)
for t, p in zip(labels.view(-1), preds.view(-1)):
    cm2[t.long(), p.long()] += 1
print(torch.equal(cm, cm2))
tp = cm.diag().float()
precision = tp / cm.sum(0).clamp(min=1)
recall = tp / cm.sum(1).clamp(min=1)
f1 = 2 * precision * recall / (precision + recall + 1e-8)
print(precision, recall, f1, f1.mean())
cm3 = torch.zeros(C, C).index_put_((labels, preds), torch.ones(50), accumulate=True)
print(torch.equal(cm3.long(), cm))
probs = F.softmax(logits, dim=1)
conf, pred2 = probs.max(dim=1)
print(conf[:5], torch.equal(pred2, preds))
bins = torch.linspace(0, 1, 6)
which = torch.bucketize(conf, bins)
print(which[:10], torch.histc(conf, bins=5, min=0, max=1))
ece = torch.zeros(1)
for i in range(1, 6):
    m = which == i
    if m.any():
        ece += m.float().mean() * ((preds[m] == labels[m]).float().mean() - conf[m].mean()).abs()
print("ece", ece)
scores = torch.rand(20)
y = (torch.rand(20) > 0.5).long()
order = torch.argsort(scores, descending=True)
tps = torch.cumsum(y[order], 0)
fps = torch.cumsum(1 - y[order], 0)
print(tps, fps, (tps / tps[-1]).sum().item())
print(torch.unique(preds, return_counts=True), torch.mode(preds).values, preds.float().median())
print(F.cosine_similarity(logits[:3], logits[3:6]), torch.cdist(logits[:2], logits[2:4]))
print(torch.nn.functional.pairwise_distance(logits[:2], logits[2:4]))
rank = (logits.argsort(dim=1, descending=True) == labels[:, None]).nonzero()[:, 1]
print(rank[:10], (1.0 / (rank + 1).float()).mean())
print(torch.where(preds == labels, torch.tensor(1.0), torch.tensor(-1.0))[:8], preds.eq(labels).all().item())
print(torch.stack([(preds == k).sum() for k in range(C)]), labels.unique(sorted=True))
