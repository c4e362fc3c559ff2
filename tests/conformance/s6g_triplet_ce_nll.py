# TripletMarginLoss with p and swap, TripletMarginWithDistanceLoss with a custom distance, NLLLoss with
# ignore_index on 4-D input and class weights, CrossEntropyLoss with probability targets and label_smoothing.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(3)
anc = torch.randn(5, 8, requires_grad=True)
pos = torch.randn(5, 8, requires_grad=True)
neg = torch.randn(5, 8, requires_grad=True)
for p in [1.0, 2.0, 3.0]:
    for swap in [False, True]:
        anc.grad = pos.grad = neg.grad = None
        out = nn.TripletMarginLoss(margin=1.0, p=p, swap=swap)(anc, pos, neg)
        out.backward()
        print("triplet", p, swap, f"{out.item():.6f}", anc.grad[0, :3], neg.grad[1, :3])
print(nn.TripletMarginLoss(reduction="none")(anc, pos, neg))


def cos_dist(u, v):
    return 1.0 - F.cosine_similarity(u, v)


for dist in [None, cos_dist, nn.PairwiseDistance(p=1.0)]:
    for swap in [False, True]:
        anc.grad = None
        crit = nn.TripletMarginWithDistanceLoss(distance_function=dist, margin=0.5, swap=swap)
        out = crit(anc, pos, neg)
        out.backward()
        print("twd", swap, f"{out.item():.6f}", anc.grad[2, :4])
logits = torch.randn(2, 4, 3, 3, requires_grad=True)
tgt = torch.randint(0, 4, (2, 3, 3))
tgt[0, 0] = -100
tgt[1, 2, 1] = 2
w = torch.tensor([1.0, 0.5, 2.0, 1.5])
for ignore in [-100, 2]:
    for weight in [None, w]:
        for red in ["mean", "sum"]:
            logits.grad = None
            t = tgt.clone()
            if ignore == 2:
                t[t == -100] = 2
            out = nn.NLLLoss(weight=weight, ignore_index=ignore, reduction=red)(F.log_softmax(logits, 1), t)
            out.backward()
            print("nll", ignore, weight is not None, red, f"{out.item():.6f}", logits.grad[0, :, 1, 1])
print(F.nll_loss(F.log_softmax(logits, 1), tgt, reduction="none")[0])
z = torch.randn(6, 5, requires_grad=True)
probs = F.softmax(torch.randn(6, 5) * 2, dim=1)
hard = torch.tensor([0, 4, 2, 1, 3, 3])
for target in [probs, hard]:
    for ls in [0.0, 0.1, 0.3]:
        for weight in [None, torch.tensor([1.0, 2.0, 1.0, 0.5, 1.0])]:
            z.grad = None
            out = nn.CrossEntropyLoss(weight=weight, label_smoothing=ls)(z, target)
            out.backward()
            print("ce", target.dtype, ls, weight is not None, f"{out.item():.6f}", z.grad[0])
print(F.cross_entropy(z, probs, reduction="none", label_smoothing=0.2))
print(F.cross_entropy(z, hard, reduction="sum", ignore_index=3, label_smoothing=0.1))
