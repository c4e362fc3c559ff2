# Evaluation code for image classifiers: predictions via argmax, accuracy, a confusion matrix built with
# torch.bincount(num_classes * target + pred), per-class precision / recall / F1 with zero-division
# handling, F.one_hot for targets, macro/micro averages, balanced accuracy, and per-class counts via
# unique(return_counts=True) and scatter_add_.
import torch
import torch.nn.functional as F

torch.manual_seed(0)
num_classes = 4
logits = torch.randn(50, num_classes)
target = torch.randint(0, num_classes, (50,))
logits[torch.arange(50), target] += 1.0
pred = logits.argmax(dim=1)
acc = (pred == target).float().mean()
print(f"accuracy {acc.item():.4f}", (pred == target).sum().item(), pred.dtype)
cm = torch.bincount(num_classes * target + pred, minlength=num_classes ** 2).reshape(num_classes, num_classes)
print(cm, cm.dtype, cm.sum().item())
tp = cm.diag().float()
precision = tp / cm.sum(dim=0).clamp(min=1)
recall = tp / cm.sum(dim=1).clamp(min=1)
f1 = torch.where(precision + recall > 0, 2 * precision * recall / (precision + recall), torch.zeros_like(tp))
print(precision, recall, f1)
print(f"macro-F1 {f1.mean().item():.4f} micro-acc {(tp.sum() / cm.sum()).item():.4f} "
      f"balanced {recall.mean().item():.4f}")
oh = F.one_hot(target, num_classes=num_classes)
print(oh[:3], oh.dtype, oh.shape, oh.sum(0))
ohp = F.one_hot(pred, num_classes)
cm2 = oh.t() @ ohp
print(torch.equal(cm, cm2))
print(F.one_hot(torch.tensor([[0, 2], [1, 0]])), F.one_hot(torch.arange(3)).float())
vals, counts = torch.unique(target, return_counts=True)
print(vals, counts, torch.bincount(target))
per_class_loss = torch.zeros(num_classes).scatter_add_(0, target, F.cross_entropy(logits, target, reduction="none"))
print(per_class_loss / counts)
probs = F.softmax(logits, dim=1)
conf, _ = probs.max(dim=1)
bins = torch.linspace(0, 1, 6)
idx = torch.bucketize(conf, bins[1:-1])
ece = torch.zeros(())
for b in range(5):
    m = idx == b
    if m.any():
        ece += m.float().mean() * (conf[m].mean() - (pred[m] == target[m]).float().mean()).abs()
print(f"ECE {ece.item():.5f}", torch.bincount(idx, minlength=5))
w = torch.tensor([1.0, 2.0, 0.5, 1.0])
print(torch.bincount(target, weights=w[target]), torch.histc(conf, bins=5, min=0, max=1))
try:
    F.one_hot(torch.tensor([0, 5]), num_classes=4)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    F.one_hot(torch.tensor([0.0, 1.0]))
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    torch.bincount(torch.tensor([-1, 2]))
except RuntimeError as e:
    print("RuntimeError:", e)
