# KLDivLoss with log_target and reduction='batchmean', BCELoss with per-element weight, BCEWithLogitsLoss
# pos_weight per class, SoftMarginLoss and MultiLabelSoftMarginLoss with weight; values and gradients.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(1)
logits = torch.randn(4, 5, requires_grad=True)
q = F.softmax(torch.randn(4, 5), dim=1)
for red in ["batchmean", "sum", "mean", "none"]:
    for log_target in [False, True]:
        logits.grad = None
        tgt = q.log() if log_target else q
        out = nn.KLDivLoss(reduction=red, log_target=log_target)(F.log_softmax(logits, 1), tgt)
        out.sum().backward()
        print("kl", red, log_target, f"{out.sum().item():.6f}", logits.grad[0])
p = torch.rand(6, 3).clamp(0.05, 0.95).requires_grad_()
t = torch.randint(0, 2, (6, 3)).float()
w = torch.rand(6, 3)
for weight in [None, w, torch.tensor([1.0, 2.0, 0.5])]:
    p.grad = None
    loss = nn.BCELoss(weight=weight)(p, t)
    loss.backward()
    print("bce", f"{loss.item():.6f}", p.grad[0])
z = torch.randn(6, 3, requires_grad=True)
for pw in [None, torch.tensor([1.0, 3.0, 0.5])]:
    for red in ["mean", "sum"]:
        z.grad = None
        loss = nn.BCEWithLogitsLoss(pos_weight=pw, reduction=red)(z, t)
        loss.backward()
        print("bcelogits", red, f"{loss.item():.6f}", z.grad[1])
print(F.binary_cross_entropy_with_logits(z, t, weight=w, pos_weight=torch.tensor([2.0, 1.0, 1.0]), reduction="none"))
pm = t * 2 - 1
z.grad = None
loss = nn.SoftMarginLoss()(z, pm)
loss.backward()
print("softmargin", f"{loss.item():.6f}", z.grad[2])
for weight in [None, torch.tensor([0.2, 1.0, 2.0])]:
    z.grad = None
    loss = nn.MultiLabelSoftMarginLoss(weight=weight)(z, t)
    loss.backward()
    print("mlsm", f"{loss.item():.6f}", z.grad[3])
print(nn.MultiLabelSoftMarginLoss(reduction="none")(z, t))
