# Degenerate reductions: empty tensors, single-element std/var, all-ignored losses, zero-size dims and their errors.
import warnings

import torch
import torch.nn.functional as F

warnings.simplefilter("ignore")
e = torch.empty(0)
print(e.sum(), e.prod(), e.mean(), e.nansum(), e.std(), e.var(), e.norm(), e.logsumexp(0), e.cumsum(0), e.all(), e.any())
for name in ["max", "min", "argmax", "amax", "median"]:
    try:
        print(name, getattr(e, name)())
    except Exception as ex:
        print(name, type(ex).__name__, ex)
z = torch.zeros(3, 0)
print(z.sum(dim=1), z.sum(dim=0), z.mean(dim=1), z.prod(dim=1), z.amax(dim=0), z.logsumexp(dim=1))
try:
    print(z.amax(dim=1))
except Exception as ex:
    print(type(ex).__name__, ex)
try:
    print(z.max(dim=1))
except Exception as ex:
    print(type(ex).__name__, ex)
one = torch.tensor([3.0])
print(one.std(), one.var(), one.std(correction=0), one.var(unbiased=False), torch.std_mean(one), torch.var_mean(one, correction=0))
print(torch.tensor([[1.0, 2.0]]).std(dim=0), torch.tensor([5.0, 5.0, 5.0]).std(), torch.tensor([1.0, 2.0]).var(correction=2))
logits = torch.randn(3, 4)
print(F.cross_entropy(logits, torch.tensor([-100, -100, -100])), F.nll_loss(logits, torch.tensor([1, 1, 1]), ignore_index=1))
print(F.cross_entropy(logits, torch.tensor([-100, -100, -100]), reduction="sum"), F.cross_entropy(logits, torch.tensor([-100, 2, -100]), reduction="none"))
print(F.mse_loss(torch.empty(0), torch.empty(0)), F.l1_loss(torch.empty(0, 3), torch.empty(0, 3), reduction="sum"))
print(F.mse_loss(torch.tensor([float("inf")]), torch.tensor([float("inf")])), F.l1_loss(torch.tensor([float("nan"), 1.0]), torch.tensor([0.0, 0.0])))
print(F.softmax(torch.empty(2, 0), dim=1), F.log_softmax(torch.empty(0, 3), dim=1).shape, torch.empty(0, 3).argmax(dim=1))
print(torch.cat([torch.empty(0), torch.tensor([1.0])]), torch.stack([torch.empty(0), torch.empty(0)]).shape, torch.empty(2, 0).T.shape)
print(torch.empty(0).max(dim=0) if False else "skip", torch.tensor([]).dtype, torch.tensor([[]]).shape, torch.tensor([]).numel())
print(torch.quantile(torch.tensor([1.0]), 0.3), torch.tensor([2.0]).median(), torch.tensor([float("nan")]).nanmean(), torch.mean(torch.tensor([], dtype=torch.float64)))
print(torch.corrcoef(torch.tensor([[1.0, 2.0, 3.0], [4.0, 4.0, 4.0]])), torch.cov(torch.tensor([[1.0, 2.0]]), correction=2))
print(F.normalize(torch.zeros(2, 3), dim=1), F.cosine_similarity(torch.zeros(1, 3), torch.ones(1, 3)), F.layer_norm(torch.ones(2, 4), (4,)))
print(F.batch_norm(torch.ones(4, 2), None, None, training=True), F.instance_norm(torch.ones(1, 2, 3)), F.group_norm(torch.full((1, 4, 2), 7.0), 2))
x = torch.tensor([2.0, 2.0, 2.0], requires_grad=True)
x.std().backward()
print(x.grad)
x.grad = None
F.layer_norm(x, (3,)).sum().backward()
print(x.grad)
y = torch.tensor([4.0], requires_grad=True)
y.std().backward()
print(y.grad)
