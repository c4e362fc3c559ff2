# Losses with every reduction / weight / ignore_index / label_smoothing / pos_weight option, module and functional.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
logits = torch.randn(6, 4, requires_grad=True)
target = torch.tensor([0, 3, 1, 1, 2, 3])
w = torch.tensor([1.0, 2.0, 0.5, 1.5])
for red in ["none", "mean", "sum"]:
    for kw in [{}, {"weight": w}, {"ignore_index": 1}, {"label_smoothing": 0.2},
               {"weight": w, "ignore_index": 3, "label_smoothing": 0.1}]:
        loss = nn.CrossEntropyLoss(reduction=red, **kw)(logits, target)
        g, = torch.autograd.grad(loss.sum(), logits)
        print("CE", red, sorted(kw), loss.detach(), g[1])
probs_t = F.softmax(torch.randn(6, 4), dim=1)
print("CE soft", F.cross_entropy(logits, probs_t).item(), F.cross_entropy(logits, probs_t, label_smoothing=0.3).item(),
      F.cross_entropy(logits, probs_t, weight=w, reduction="sum").item())
img = torch.randn(2, 3, 4, 4)
tgt = torch.randint(0, 3, (2, 4, 4))
tgt[0, 0, 0] = -100
print("CE 2d", F.cross_entropy(img, tgt).item(), F.cross_entropy(img, tgt, reduction="none").shape,
      F.nll_loss(F.log_softmax(img, 1), tgt, weight=torch.tensor([0.2, 0.3, 0.5])).item())

x = torch.randn(5, 3, requires_grad=True)
yb = torch.randint(0, 2, (5, 3)).float()
pw = torch.tensor([1.0, 3.0, 0.5])
bw = torch.rand(5, 3)
for red in ["none", "mean", "sum"]:
    l1 = F.binary_cross_entropy_with_logits(x, yb, pos_weight=pw, reduction=red)
    l2 = F.binary_cross_entropy_with_logits(x, yb, weight=bw, reduction=red)
    l3 = F.binary_cross_entropy(torch.sigmoid(x), yb, weight=bw, reduction=red)
    g, = torch.autograd.grad(l1.sum() + l2.sum() + l3.sum(), x)
    print("BCE", red, l1.detach(), l2.detach(), l3.detach(), g[0])

a = torch.randn(4, 3, requires_grad=True)
b = torch.randn(4, 3)
for red in ["none", "mean", "sum"]:
    vals = [nn.MSELoss(reduction=red)(a, b), nn.L1Loss(reduction=red)(a, b),
            nn.SmoothL1Loss(reduction=red, beta=0.5)(a, b), nn.HuberLoss(reduction=red, delta=0.7)(a, b),
            nn.SoftMarginLoss(reduction=red)(a, torch.sign(b)),
            nn.GaussianNLLLoss(reduction=red)(a, b, torch.ones(4, 3) * 0.5),
            nn.PoissonNLLLoss(reduction=red)(a, b.abs()),
            nn.KLDivLoss(reduction=red if red != "mean" else "batchmean")(F.log_softmax(a, 1), F.softmax(b, 1)),
            nn.KLDivLoss(reduction=red, log_target=True)(F.log_softmax(a, 1), F.log_softmax(b, 1)),
            nn.MultiLabelSoftMarginLoss(reduction=red)(a, (b > 0).float()),
            nn.MultiMarginLoss(reduction=red, margin=0.5)(a, torch.tensor([0, 2, 1, 1])),
            nn.MultiLabelMarginLoss(reduction=red)(a, torch.tensor([[0, 2, -1], [1, -1, 0], [2, 1, 0], [0, -1, 1]])),
            nn.CosineEmbeddingLoss(reduction=red, margin=0.1)(a, b, torch.tensor([1, -1, 1, -1])),
            nn.HingeEmbeddingLoss(reduction=red)(a, torch.sign(b)),
            nn.MarginRankingLoss(reduction=red, margin=0.2)(a[:, 0], a[:, 1], torch.tensor([1.0, -1.0, 1.0, 1.0])),
            nn.TripletMarginLoss(reduction=red, margin=0.5, p=2)(a, b, b.flip(0))]
    g, = torch.autograd.grad(sum(v.sum() for v in vals), a)
    for v in vals:
        print(red, v.detach() if v.dim() else round(v.item(), 6))
    print("grad", g)

log_probs = torch.randn(7, 2, 5).log_softmax(2).detach().requires_grad_()
targets = torch.tensor([[1, 2, 2], [3, 4, 0]])
in_len = torch.tensor([7, 6])
tg_len = torch.tensor([3, 2])
for red in ["none", "mean", "sum"]:
    c = F.ctc_loss(log_probs, targets, in_len, tg_len, reduction=red, zero_infinity=True)
    print("CTC", red, c.detach())
