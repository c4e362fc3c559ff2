# Losses people use: label smoothing, class weights, ignore_index, BCEWithLogits multi-label + pos_weight,
# F.one_hot, KLDiv knowledge distillation with temperature.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(13)
logits = torch.randn(8, 5, requires_grad=True)
target = torch.randint(0, 5, (8,))
oh = F.one_hot(target, num_classes=5)
print(oh, oh.dtype, F.one_hot(torch.tensor([0, 2, 1])))
for ls in (0.0, 0.1, 0.3):
    print(ls, F.cross_entropy(logits, target, label_smoothing=ls).item())
w = torch.tensor([1.0, 2.0, 0.5, 1.0, 3.0])
print(nn.CrossEntropyLoss(weight=w)(logits, target).item())
print(nn.CrossEntropyLoss(weight=w, label_smoothing=0.2)(logits, target).item())
t2 = target.clone()
t2[:3] = -100
print(F.cross_entropy(logits, t2).item(), F.cross_entropy(logits, t2, reduction="none"))
print(F.cross_entropy(logits, oh.float() * 0.9 + 0.02).item())
loss = F.cross_entropy(logits, target, weight=w, label_smoothing=0.1, reduction="sum")
loss.backward()
print(loss.item(), logits.grad[0])
print(F.nll_loss(F.log_softmax(logits, 1), target, weight=w).item())
ml_logits = torch.randn(6, 4, requires_grad=True)
ml_target = (torch.rand(6, 4) > 0.5).float()
crit = nn.BCEWithLogitsLoss(pos_weight=torch.tensor([1.0, 2.0, 3.0, 0.5]))
l = crit(ml_logits, ml_target)
l.backward()
print(l.item(), ml_logits.grad[1])
probs = torch.sigmoid(ml_logits)
preds = (probs > 0.5).float()
print(preds, (preds == ml_target).float().mean().item())
tp = (preds * ml_target).sum(0)
print(tp / preds.sum(0).clamp(min=1), tp / ml_target.sum(0).clamp(min=1))
print(F.binary_cross_entropy(probs, ml_target, weight=torch.tensor([1.0, 1.0, 2.0, 2.0])).item())
print(F.binary_cross_entropy_with_logits(ml_logits, ml_target, reduction="none").mean(1))
teacher = nn.Linear(5, 5)
student = nn.Linear(5, 5)
x = torch.randn(8, 5)
T, alpha = 4.0, 0.7
with torch.no_grad():
    t_logits = teacher(x)
s_logits = student(x)
soft = nn.KLDivLoss(reduction="batchmean")(F.log_softmax(s_logits / T, dim=1), F.softmax(t_logits / T, dim=1)) * T * T
hard = F.cross_entropy(s_logits, target)
kd = alpha * soft + (1 - alpha) * hard
kd.backward()
print(soft.item(), hard.item(), kd.item(), student.weight.grad.norm().item())
print(F.kl_div(F.log_softmax(s_logits, 1), F.log_softmax(t_logits, 1), reduction="sum", log_target=True).item())
print(F.kl_div(F.log_softmax(s_logits, 1), F.softmax(t_logits, 1), reduction="mean").item())
print(nn.MultiLabelSoftMarginLoss()(ml_logits, ml_target).item())
print(nn.SmoothL1Loss(beta=0.5)(x, t_logits).item(), nn.HuberLoss(delta=0.5)(x, t_logits).item())
print(nn.MarginRankingLoss(margin=0.1)(x[:, 0], x[:, 1], torch.sign(x[:, 2])).item())
print(nn.CosineEmbeddingLoss()(x, t_logits, torch.tensor([1, -1] * 4)).item())
print(nn.TripletMarginLoss(margin=1.0)(x[:4], x[4:], t_logits[:4]).item())
print(nn.PoissonNLLLoss()(x, x.abs()).item(), nn.GaussianNLLLoss()(x, t_logits, torch.ones(8, 5)).item())
print(nn.MultiMarginLoss()(logits.detach(), target).item(), nn.SoftMarginLoss()(x, torch.sign(t_logits)).item())
