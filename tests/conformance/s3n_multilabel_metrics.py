# Multi-label classification with BCEWithLogitsLoss(pos_weight) computed from label frequencies,
# thresholding, per-class precision / recall / F1, micro/macro averages, and Hamming loss.
import torch
import torch.nn as nn

torch.manual_seed(5)
N, D, K = 80, 6, 4
X = torch.randn(N, D)
W = torch.randn(D, K)
Y = ((X @ W + torch.tensor([0.0, -1.0, -2.0, 0.5])) > 0).float()
print(Y.sum(0), Y.mean().item())
pos = Y.sum(0)
neg = N - pos
pos_weight = neg / pos.clamp(min=1)
print(pos_weight)
model = nn.Sequential(nn.Linear(D, 16), nn.ReLU(), nn.Linear(16, K))
criterion = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
opt = torch.optim.Adam(model.parameters(), lr=0.02)
for epoch in range(60):
    logits = model(X)
    loss = criterion(logits, Y)
    opt.zero_grad()
    loss.backward()
    opt.step()
    if epoch % 15 == 0:
        print(epoch, round(loss.item(), 5))
with torch.no_grad():
    probs = torch.sigmoid(model(X))
for thr in (0.3, 0.5, 0.7):
    pred = (probs > thr).float()
    tp = (pred * Y).sum(0)
    fp = (pred * (1 - Y)).sum(0)
    fn = ((1 - pred) * Y).sum(0)
    precision = tp / (tp + fp).clamp(min=1e-8)
    recall = tp / (tp + fn).clamp(min=1e-8)
    f1 = 2 * precision * recall / (precision + recall).clamp(min=1e-8)
    micro_p = tp.sum() / (tp.sum() + fp.sum())
    micro_r = tp.sum() / (tp.sum() + fn.sum())
    print(f"thr={thr}")
    print("  precision", precision)
    print("  recall   ", recall)
    print("  f1       ", f1, "macro", round(f1.mean().item(), 4))
    print("  micro f1", round((2 * micro_p * micro_r / (micro_p + micro_r)).item(), 4))
    print("  hamming", (pred != Y).float().mean().item(), "exact", (pred == Y).all(dim=1).float().mean().item())
sorted_p, order = probs[:, 0].sort(descending=True)
ys = Y[order, 0]
tps = ys.cumsum(0)
fps = (1 - ys).cumsum(0)
tpr = tps / ys.sum()
fpr = fps / (1 - ys).sum()
auc = torch.trapezoid(tpr, fpr)
print("AUC class0", round(auc.item(), 4), sorted_p[:3])
unweighted = nn.BCEWithLogitsLoss(reduction="none")(model(X), Y)
print(unweighted.shape, unweighted.mean(0))
smooth = Y * 0.9 + 0.05
print(nn.functional.binary_cross_entropy_with_logits(model(X), smooth).item())
print(nn.MultiLabelSoftMarginLoss()(model(X), Y).item())
