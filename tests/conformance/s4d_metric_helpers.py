# d2l-style helper classes without plotting: Accumulator, a fake Timer (records given durations), an
# Animator-free MetricLogger that averages per epoch, evaluate_loss/accuracy helpers, confusion matrix,
# precision/recall/F1 and top-k accuracy from logits.
import torch
from torch import nn


class Accumulator:
    def __init__(self, n):
        self.data = [0.0] * n

    def add(self, *args):
        self.data = [a + float(b) for a, b in zip(self.data, args)]

    def reset(self):
        self.data = [0.0] * len(self.data)

    def __getitem__(self, idx):
        return self.data[idx]


class Timer:
    def __init__(self):
        self.times = []

    def record(self, t):
        self.times.append(t)

    def avg(self):
        return sum(self.times) / len(self.times)

    def sum(self):
        return sum(self.times)

    def cumsum(self):
        return torch.tensor(self.times).cumsum(0).tolist()


class MetricLogger:
    def __init__(self, *names):
        self.names = names
        self.history = {n: [] for n in names}

    def log(self, **kw):
        for k, v in kw.items():
            self.history[k].append(float(v))

    def summary(self):
        return {k: round(sum(v) / len(v), 5) for k, v in self.history.items() if v}


def accuracy(y_hat, y):
    if len(y_hat.shape) > 1 and y_hat.shape[1] > 1:
        y_hat = y_hat.argmax(axis=1)
    cmp = y_hat.type(y.dtype) == y
    return float(cmp.type(y.dtype).sum())


def confusion(preds, y, k):
    cm = torch.zeros(k, k, dtype=torch.long)
    cm.index_put_((y, preds), torch.ones_like(y), accumulate=True)
    return cm


torch.manual_seed(0)
t = Timer()
for v in (0.5, 0.25, 1.0):
    t.record(v)
print(t.avg(), t.sum(), t.cumsum())
X = torch.randn(200, 6)
y = (X[:, 0] + X[:, 1] * X[:, 2] > 0).long() + (X[:, 3] > 1).long()
net = nn.Sequential(nn.Linear(6, 16), nn.Tanh(), nn.Linear(16, 3))
opt = torch.optim.Adam(net.parameters(), lr=0.02)
loss = nn.CrossEntropyLoss()
logger = MetricLogger("loss", "acc")
loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(X, y), batch_size=40, shuffle=True)
for epoch in range(6):
    metric = Accumulator(3)
    for xb, yb in loader:
        out = net(xb)
        l = loss(out, yb)
        opt.zero_grad()
        l.backward()
        opt.step()
        metric.add(l.item() * yb.numel(), accuracy(out, yb), yb.numel())
    logger.log(loss=metric[0] / metric[2], acc=metric[1] / metric[2])
    print(epoch, f"{metric[0] / metric[2]:.5f}", f"{metric[1] / metric[2]:.4f}")
print(logger.summary())
with torch.no_grad():
    logits = net(X)
preds = logits.argmax(1)
cm = confusion(preds, y, 3)
print(cm, cm.sum(), torch.bincount(y, minlength=3), torch.bincount(preds, minlength=3))
tp = cm.diag().float()
precision = tp / cm.sum(0).clamp(min=1)
recall = tp / cm.sum(1).clamp(min=1)
f1 = 2 * precision * recall / (precision + recall).clamp(min=1e-12)
print(precision, recall, f1, f1.mean())
top2 = logits.topk(2, dim=1).indices
print((top2 == y.unsqueeze(1)).any(dim=1).float().mean())
probs = logits.softmax(-1)
print(probs.max(1).values.mean(), (-(probs * probs.log()).sum(1)).mean())
print(torch.unique(preds, return_counts=True), torch.unique(y, sorted=True))
hist = torch.histc(probs[:, 0], bins=5, min=0, max=1)
print(hist)
