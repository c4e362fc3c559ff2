# Classification metrics from tensors: accuracy, confusion matrix via bincount(num_classes * t + p),
# per-class precision/recall/F1 (macro, micro, weighted), ROC-AUC by sorting scores and cumsum of TPR/FPR
# with trapezoid, average precision, rank-based AUC (Mann-Whitney), and top-k accuracy.
import torch

torch.manual_seed(11)
C = 4
target = torch.randint(0, C, (50,))
logits = torch.randn(50, C) + 1.5 * torch.nn.functional.one_hot(target, C)
pred = logits.argmax(1)
print("acc", (pred == target).float().mean().item(), (pred == target).sum().item())
cm = torch.bincount(C * target + pred, minlength=C * C).reshape(C, C)
print(cm)
tp = cm.diag().float()
fp = cm.sum(0).float() - tp
fn = cm.sum(1).float() - tp
precision = tp / (tp + fp).clamp(min=1)
recall = tp / (tp + fn).clamp(min=1)
f1 = torch.where(precision + recall > 0, 2 * precision * recall / (precision + recall), torch.zeros(C))
support = cm.sum(1).float()
print(precision, recall, f1)
print("macro", f1.mean().item(), "weighted", (f1 * support).sum().item() / support.sum().item())
micro = tp.sum() / (tp.sum() + fp.sum())
print("micro", micro.item())
top3 = logits.topk(3, dim=1).indices
print("top3", (top3 == target.unsqueeze(1)).any(1).float().mean().item())
y = (target == 1).long()
s = torch.softmax(logits, 1)[:, 1]


def roc_auc(scores, labels):
    order = torch.argsort(scores, descending=True)
    l = labels[order].float()
    tps = torch.cumsum(l, 0)
    fps = torch.cumsum(1 - l, 0)
    tpr = torch.cat([torch.zeros(1), tps / tps[-1]])
    fpr = torch.cat([torch.zeros(1), fps / fps[-1]])
    return torch.trapz(tpr, fpr), tpr, fpr


auc, tpr, fpr = roc_auc(s, y)
print("auc", f"{auc.item():.6f}", tpr[:6], fpr[:6])
print(torch.trapezoid(tpr, fpr), torch.trapezoid(tpr, x=fpr))
ranks = torch.empty(50)
ranks[torch.argsort(s)] = torch.arange(1, 51).float()
n_pos = y.sum()
n_neg = 50 - n_pos
mw = (ranks[y == 1].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)
print("mann-whitney", f"{mw.item():.6f}")
order = torch.argsort(s, descending=True)
hits = y[order].float()
prec_at_k = torch.cumsum(hits, 0) / torch.arange(1, 51)
ap = (prec_at_k * hits).sum() / hits.sum()
print("AP", f"{ap.item():.6f}", prec_at_k[:5])
thr = torch.linspace(0, 1, 6)
pb = s.unsqueeze(0) >= thr.unsqueeze(1)
tp_t = (pb & (y == 1)).sum(1)
fp_t = (pb & (y == 0)).sum(1)
print(thr, tp_t, fp_t)
ml_t = (torch.rand(10, 3) > 0.5)
ml_p = torch.sigmoid(torch.randn(10, 3)) > 0.5
print("hamming", (ml_t != ml_p).float().mean().item(), "exact", (ml_t == ml_p).all(1).float().mean().item())
inter = (ml_t & ml_p).sum(1).float()
union = (ml_t | ml_p).sum(1).float()
print("jaccard", torch.nan_to_num(inter / union, nan=1.0))
