# Per-pixel losses for semantic segmentation: CrossEntropyLoss on (N, C, H, W) logits with (N, H, W) targets,
# ignore_index=255 for "void" pixels, class weights from inverse frequency, label_smoothing, reduction="none"
# maps, focal loss built from log_softmax/gather, soft Dice over one-hot targets permuted to channels-first,
# BCEWithLogits with pos_weight for binary masks, mean IoU from a per-class confusion matrix, and gradients.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
N, C, H, W = 2, 4, 5, 6
logits = torch.randn(N, C, H, W, requires_grad=True)
target = torch.randint(0, C, (N, H, W))
target[0, 0, :3] = 255
print(F.cross_entropy(logits, target, ignore_index=255))
counts = torch.bincount(target[target != 255].flatten(), minlength=C).float()
weights = counts.sum() / (C * counts)
print(counts, weights)
crit = nn.CrossEntropyLoss(weight=weights, ignore_index=255, label_smoothing=0.05)
loss = crit(logits, target)
loss.backward()
print(crit, f"{loss.item():.6f}", logits.grad[0, :, 0, 0], logits.grad[0, :, 1, 0])
pix = F.cross_entropy(logits, target, ignore_index=255, reduction="none")
print(pix.shape, pix[0, 0], f"{pix.sum().item() / (target != 255).sum().item():.6f}")


def focal_loss(logits, target, gamma=2.0, alpha=None, ignore_index=255):
    logp = F.log_softmax(logits, dim=1)
    valid = target != ignore_index
    t = target.clone()
    t[~valid] = 0
    logpt = logp.gather(1, t.unsqueeze(1)).squeeze(1)
    pt = logpt.exp()
    loss = -((1 - pt) ** gamma) * logpt
    if alpha is not None:
        loss = loss * alpha[t]
    return loss[valid].mean()


logits.grad = None
fl = focal_loss(logits, target, alpha=weights)
fl.backward()
print(f"focal {fl.item():.6f}", logits.grad[1, :, 2, 3])


def soft_dice(logits, target, eps=1e-6):
    probs = F.softmax(logits, dim=1)
    oh = F.one_hot(target, C).permute(0, 3, 1, 2).float()
    inter = (probs * oh).sum(dim=(0, 2, 3))
    union = probs.sum(dim=(0, 2, 3)) + oh.sum(dim=(0, 2, 3))
    dice = (2 * inter + eps) / (union + eps)
    return 1 - dice.mean(), dice


clean_t = target.clamp(max=C - 1)
dl, per_class = soft_dice(logits, clean_t)
print(f"dice loss {dl.item():.6f}", per_class)
mask_logits = torch.randn(N, 1, H, W, requires_grad=True)
mask = (torch.rand(N, 1, H, W) > 0.8).float()
pos_weight = (mask.numel() - mask.sum()) / mask.sum()
bce = nn.BCEWithLogitsLoss(pos_weight=pos_weight.view(1))
lb = bce(mask_logits, mask)
lb.backward()
print(f"pos_weight {pos_weight.item():.4f} bce {lb.item():.6f}", mask_logits.grad[0, 0, 0])
pred = logits.argmax(1)
valid = target != 255
cm = torch.bincount(C * target[valid] + pred[valid], minlength=C * C).view(C, C)
iou = cm.diag() / (cm.sum(0) + cm.sum(1) - cm.diag()).clamp(min=1)
print(cm, iou, f"mIoU {iou.mean().item():.4f} pixel acc {(cm.diag().sum() / cm.sum()).item():.4f}")
nll = nn.NLLLoss(ignore_index=255, reduction="sum")
print(f"{nll(F.log_softmax(logits, 1), target).item():.5f}")
try:
    F.cross_entropy(logits, target)
except (IndexError, RuntimeError) as e:
    print(type(e).__name__, e)
