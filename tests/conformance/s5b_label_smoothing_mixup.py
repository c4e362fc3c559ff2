# Label smoothing (built-in vs hand-written), mixup with torch.distributions.Beta and numpy's beta,
# cutmix-style box mixing; losses printed per step.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class LabelSmoothingCrossEntropy(nn.Module):
    def __init__(self, smoothing=0.1):
        super().__init__()
        self.smoothing = smoothing
        self.confidence = 1.0 - smoothing

    def forward(self, x, target):
        logprobs = F.log_softmax(x, dim=-1)
        nll_loss = -logprobs.gather(dim=-1, index=target.unsqueeze(1)).squeeze(1)
        smooth_loss = -logprobs.mean(dim=-1)
        loss = self.confidence * nll_loss + self.smoothing * smooth_loss
        return loss.mean()


logits = torch.randn(8, 5, requires_grad=True)
target = torch.randint(0, 5, (8,))
for eps in (0.0, 0.1, 0.3):
    a = nn.CrossEntropyLoss(label_smoothing=eps)(logits, target)
    b = LabelSmoothingCrossEntropy(eps)(logits, target)
    print(eps, f"{a.item():.6f} {b.item():.6f}", torch.allclose(a, b, atol=1e-6))
soft = F.one_hot(target, 5).float() * 0.9 + 0.1 / 5
print(f"{F.cross_entropy(logits, soft).item():.6f}")
F.cross_entropy(logits, target, label_smoothing=0.2).backward()
print(logits.grad[0])


def mixup_data(x, y, alpha=1.0):
    lam = torch.distributions.Beta(alpha, alpha).sample().item() if alpha > 0 else 1.0
    index = torch.randperm(x.size(0))
    return lam * x + (1 - lam) * x[index], y, y[index], lam


def mixup_criterion(criterion, pred, y_a, y_b, lam):
    return lam * criterion(pred, y_a) + (1 - lam) * criterion(pred, y_b)


model = nn.Sequential(nn.Linear(6, 16), nn.ReLU(), nn.Linear(16, 4))
opt = torch.optim.SGD(model.parameters(), lr=0.1)
crit = nn.CrossEntropyLoss()
X = torch.randn(32, 6)
Y = torch.randint(0, 4, (32,))
for step in range(4):
    xm, ya, yb, lam = mixup_data(X, Y, alpha=0.4)
    opt.zero_grad()
    loss = mixup_criterion(crit, model(xm), ya, yb, lam)
    loss.backward()
    opt.step()
    print(f"step {step} lam {lam:.4f} loss {loss.item():.5f}")
np.random.seed(0)
lam_np = np.random.beta(0.2, 0.2)
print(f"{lam_np:.6f}", type(lam_np).__name__)
beta = torch.distributions.Beta(torch.tensor([0.2]), torch.tensor([0.2]))
print(beta.sample((3,)).shape, beta.mean, f"{beta.log_prob(torch.tensor([0.3])).item():.5f}")
imgs = torch.randn(4, 3, 8, 8)
lam = 0.7
cut = int(8 * (1 - lam) ** 0.5)
cx, cy = 3, 4
x1, x2 = max(cx - cut // 2, 0), min(cx + cut // 2, 8)
y1, y2 = max(cy - cut // 2, 0), min(cy + cut // 2, 8)
idx = torch.tensor([1, 0, 3, 2])
imgs[:, :, y1:y2, x1:x2] = imgs[idx, :, y1:y2, x1:x2]
lam_adj = 1 - ((x2 - x1) * (y2 - y1) / 64)
print(cut, (x1, x2, y1, y2), lam_adj, imgs.sum().item() != 0)
