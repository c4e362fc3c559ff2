# Collect predictions over an eval loop with .detach().cpu().numpy(), np.concatenate, and compute
# accuracy / confusion matrix / precision / recall / F1 / ROC-AUC by hand with numpy and torch.
import numpy as np
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
X = torch.randn(90, 4)
Y = (X[:, 0] * 2 + X[:, 1] > 0).long() + (X[:, 2] > 1).long()
model = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 3))
opt = torch.optim.Adam(model.parameters(), lr=0.03)
for _ in range(40):
    opt.zero_grad()
    nn.functional.cross_entropy(model(X), Y).backward()
    opt.step()
loader = DataLoader(TensorDataset(X, Y), batch_size=32)
all_preds, all_labels, all_probs, losses = [], [], [], []
model.eval()
with torch.no_grad():
    for xb, yb in loader:
        logits = model(xb)
        losses.append(nn.functional.cross_entropy(logits, yb, reduction="sum").item())
        all_probs.append(torch.softmax(logits, dim=1).cpu().numpy())
        all_preds.extend(logits.argmax(dim=1).cpu().numpy().tolist())
        all_labels.append(yb.detach().cpu().numpy())
y_true = np.concatenate(all_labels)
y_pred = np.array(all_preds)
probs = np.concatenate(all_probs, axis=0)
print(y_true.dtype, y_pred.dtype, probs.dtype, probs.shape, f"{sum(losses) / len(y_true):.5f}")
print("acc", (y_true == y_pred).mean(), np.mean(y_true == y_pred).round(4))
cm = np.zeros((3, 3), dtype=np.int64)
for t, p in zip(y_true, y_pred):
    cm[t, p] += 1
print(cm)
cm_t = torch.bincount(torch.from_numpy(y_true) * 3 + torch.tensor(y_pred), minlength=9).reshape(3, 3)
print(torch.equal(cm_t, torch.from_numpy(cm)))
tp = np.diag(cm).astype(np.float64)
precision = tp / np.maximum(cm.sum(0), 1)
recall = tp / np.maximum(cm.sum(1), 1)
f1 = np.where(precision + recall > 0, 2 * precision * recall / np.maximum(precision + recall, 1e-12), 0.0)
print(precision.round(4), recall.round(4), f1.round(4), f"macro F1 {f1.mean():.4f}")
scores = probs[:, 1]
pos = (y_true == 1)
order = np.argsort(-scores, kind="stable")
tps = np.cumsum(pos[order])
fps = np.cumsum(~pos[order])
tpr = np.concatenate([[0], tps / pos.sum()])
fpr = np.concatenate([[0], fps / (~pos).sum()])
print(f"auc {np.trapezoid(tpr, fpr):.4f}")
w = model[0].weight
try:
    w.numpy()
except RuntimeError as e:
    print("RuntimeError:", e)
print(w.detach().cpu().numpy().shape, type(w.detach().numpy()).__name__, w.data.numpy().dtype)
print(torch.from_numpy(probs[:2]).dtype, torch.tensor(y_pred[:5]), torch.as_tensor(y_true[:5], dtype=torch.float32))
