# Margin-based losses: MarginRankingLoss, HingeEmbeddingLoss, CosineEmbeddingLoss, MultiMarginLoss with p,
# margin and class weight, MultiLabelMarginLoss with -1 terminated targets; reductions, values and gradients.
import torch
import torch.nn as nn

torch.manual_seed(2)
a = torch.randn(6, requires_grad=True)
b = torch.randn(6, requires_grad=True)
y = torch.tensor([1.0, -1.0, 1.0, 1.0, -1.0, -1.0])
for margin in [0.0, 0.5]:
    for red in ["mean", "sum", "none"]:
        a.grad = b.grad = None
        out = nn.MarginRankingLoss(margin=margin, reduction=red)(a, b, y)
        out.sum().backward()
        print("rank", margin, red, out.detach() if red == "none" else f"{out.item():.6f}", a.grad, b.grad)
d = torch.rand(6, requires_grad=True)
for margin in [0.5, 1.0]:
    d.grad = None
    out = nn.HingeEmbeddingLoss(margin=margin)(d, y)
    out.backward()
    print("hinge", margin, f"{out.item():.6f}", d.grad)
x1 = torch.randn(6, 4, requires_grad=True)
x2 = torch.randn(6, 4, requires_grad=True)
for margin in [0.0, 0.2]:
    x1.grad = x2.grad = None
    out = nn.CosineEmbeddingLoss(margin=margin)(x1, x2, y)
    out.backward()
    print("cosemb", margin, f"{out.item():.6f}", x1.grad[0], x2.grad[1])
print(nn.CosineEmbeddingLoss(reduction="none")(x1, x2, y))
scores = torch.randn(5, 4, requires_grad=True)
cls = torch.tensor([0, 3, 1, 2, 3])
for p in [1, 2]:
    for margin in [1.0, 0.5]:
        for weight in [None, torch.tensor([1.0, 2.0, 0.5, 1.5])]:
            scores.grad = None
            out = nn.MultiMarginLoss(p=p, margin=margin, weight=weight)(scores, cls)
            out.backward()
            print("multimargin", p, margin, weight is not None, f"{out.item():.6f}", scores.grad[1])
print(nn.MultiMarginLoss(reduction="none")(scores, cls))
ml_t = torch.tensor([[3, 0, -1, 1], [1, 2, 3, -1], [0, -1, 2, 2], [2, 1, 0, 3], [-1, 0, 1, 2]])
scores.grad = None
out = nn.MultiLabelMarginLoss()(scores, ml_t)
out.backward()
print("mlmargin", f"{out.item():.6f}", scores.grad)
print(nn.MultiLabelMarginLoss(reduction="none")(scores, ml_t))
print(nn.MultiLabelMarginLoss()(scores[0], ml_t[0]))
