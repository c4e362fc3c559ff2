# Imbalance-aware losses: multi-class focal loss (log_softmax + gather, alpha per class), binary focal loss
# from BCE-with-logits, soft Dice and Tversky losses on sigmoid/softmax outputs, trained briefly with SGD.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(6)


def focal_multiclass(logits, target, gamma=2.0, alpha=None):
    logp = F.log_softmax(logits, dim=-1).gather(1, target.unsqueeze(1)).squeeze(1)
    pt = logp.exp()
    loss = -((1 - pt) ** gamma) * logp
    if alpha is not None:
        loss = loss * alpha[target]
    return loss.mean()


def focal_binary(logits, target, gamma=2.0, alpha=0.25):
    bce = F.binary_cross_entropy_with_logits(logits, target, reduction="none")
    p = torch.sigmoid(logits)
    pt = p * target + (1 - p) * (1 - target)
    a = alpha * target + (1 - alpha) * (1 - target)
    return (a * (1 - pt).pow(gamma) * bce).sum() / target.sum().clamp(min=1)


def dice_loss(probs, onehot, eps=1.0):
    dims = (0, 2)
    inter = (probs * onehot).sum(dims)
    card = probs.sum(dims) + onehot.sum(dims)
    return 1 - ((2 * inter + eps) / (card + eps)).mean()


def tversky(p, t, a=0.7, b=0.3, eps=1e-6):
    tp = (p * t).sum()
    fp = (p * (1 - t)).sum()
    fn = ((1 - p) * t).sum()
    return 1 - (tp + eps) / (tp + a * fp + b * fn + eps)


logits = torch.randn(8, 3, requires_grad=True)
target = torch.tensor([0, 0, 0, 0, 0, 1, 2, 1])
alpha = torch.tensor([0.25, 1.0, 1.0])
for gamma in [0.0, 1.0, 2.0, 5.0]:
    logits.grad = None
    loss = focal_multiclass(logits, target, gamma, alpha)
    loss.backward()
    print("focal", gamma, f"{loss.item():.6f}", logits.grad[0], logits.grad[6])
print(focal_multiclass(logits, target, 0.0), F.cross_entropy(logits, target))
bl = torch.randn(4, 5, requires_grad=True)
bt = (torch.rand(4, 5) > 0.7).float()
fb = focal_binary(bl, bt)
fb.backward()
print("focal_bin", f"{fb.item():.6f}", bl.grad[0])
seg = torch.randn(2, 3, 16, requires_grad=True)
lab = torch.randint(0, 3, (2, 16))
onehot = F.one_hot(lab, 3).permute(0, 2, 1).float()
d = dice_loss(seg.softmax(1), onehot)
d.backward()
print("dice", f"{d.item():.6f}", seg.grad[0, :, 0])
tv = tversky(torch.sigmoid(bl), bt)
print("tversky", f"{tv.item():.6f}")
model = nn.Sequential(nn.Linear(4, 8), nn.Tanh(), nn.Linear(8, 3))
opt = torch.optim.SGD(model.parameters(), lr=0.5, momentum=0.9)
X = torch.randn(40, 4)
Y = (X[:, 0] > 0.8).long() + (X[:, 1] > 1.0).long()
for epoch in range(20):
    out = model(X)
    loss = focal_multiclass(out, Y, 2.0) + dice_loss(out.softmax(1).t().unsqueeze(0), F.one_hot(Y, 3).t().unsqueeze(0).float())
    opt.zero_grad()
    loss.backward()
    opt.step()
    if epoch % 5 == 4:
        print(epoch, f"{loss.item():.6f}", (out.argmax(1) == Y).float().mean().item())
