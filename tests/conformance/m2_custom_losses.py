# Custom loss modules people write: focal loss, dice loss, contrastive loss with a siamese network.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(14)


class FocalLoss(nn.Module):
    def __init__(self, alpha=None, gamma=2.0, reduction="mean"):
        super().__init__()
        self.alpha = alpha
        self.gamma = gamma
        self.reduction = reduction

    def forward(self, inputs, targets):
        logp = F.log_softmax(inputs, dim=1)
        logpt = logp.gather(1, targets.unsqueeze(1)).squeeze(1)
        pt = logpt.exp()
        loss = -((1 - pt) ** self.gamma) * logpt
        if self.alpha is not None:
            loss = loss * self.alpha[targets]
        return loss.mean() if self.reduction == "mean" else loss.sum()


class DiceLoss(nn.Module):
    def __init__(self, smooth=1.0):
        super().__init__()
        self.smooth = smooth

    def forward(self, logits, mask):
        probs = torch.sigmoid(logits).view(logits.size(0), -1)
        mask = mask.view(mask.size(0), -1)
        inter = (probs * mask).sum(1)
        dice = (2.0 * inter + self.smooth) / (probs.sum(1) + mask.sum(1) + self.smooth)
        return 1 - dice.mean()


class ContrastiveLoss(nn.Module):
    def __init__(self, margin=2.0):
        super().__init__()
        self.margin = margin

    def forward(self, o1, o2, label):
        d = F.pairwise_distance(o1, o2, keepdim=True)
        return torch.mean((1 - label) * torch.pow(d, 2) + label * torch.pow(torch.clamp(self.margin - d, min=0.0), 2))


logits = torch.randn(10, 4, requires_grad=True)
targets = torch.randint(0, 4, (10,))
fl = FocalLoss(alpha=torch.tensor([0.25, 0.75, 0.5, 0.5]))
loss = fl(logits, targets)
loss.backward()
print(loss.item(), logits.grad[:2])
print(FocalLoss(gamma=0.0)(logits, targets).item(), F.cross_entropy(logits, targets).item())
seg = nn.Sequential(nn.Conv2d(1, 4, 3, padding=1), nn.ReLU(), nn.Conv2d(4, 1, 1))
img = torch.randn(4, 1, 8, 8)
mask = (img > 0.3).float()
opt = torch.optim.SGD(seg.parameters(), lr=0.5, momentum=0.9)
dice = DiceLoss()
for i in range(8):
    out = seg(img)
    loss = dice(out, mask) + F.binary_cross_entropy_with_logits(out, mask)
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(i, round(loss.item(), 5))
iou = ((torch.sigmoid(seg(img)) > 0.5) & (mask > 0)).sum().item() / ((torch.sigmoid(seg(img)) > 0.5) | (mask > 0)).sum().item()
print("iou", round(iou, 4))


class Siamese(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(6, 12), nn.ReLU(), nn.Linear(12, 3))

    def forward(self, a, b):
        return self.net(a), self.net(b)


sm = Siamese()
opt = torch.optim.Adam(sm.parameters(), lr=0.01)
a, b = torch.randn(16, 6), torch.randn(16, 6)
lab = torch.randint(0, 2, (16, 1)).float()
crit = ContrastiveLoss()
for i in range(5):
    o1, o2 = sm(a, b)
    loss = crit(o1, o2, lab)
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(i, round(loss.item(), 5))
print(F.triplet_margin_loss(o1[:4], o2[:4], o1[4:8], margin=0.5, p=1).item())
print(F.cosine_embedding_loss(o1, o2, lab.squeeze(1) * 2 - 1, margin=0.2).item())
print(F.hinge_embedding_loss(F.pairwise_distance(o1, o2), lab.squeeze(1) * 2 - 1).item())
