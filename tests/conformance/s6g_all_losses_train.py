# Every loss module in one small training loop: a shared MLP trunk is trained for a few steps under each
# criterion (with its target kind), printing the loss curve, gradient norm and the module's repr.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(12)
X = torch.randn(12, 5)
cls = torch.randint(0, 3, (12,))
multi = (torch.rand(12, 3) > 0.5).float()
real = torch.randn(12, 3)
pm1 = torch.where(torch.rand(12) > 0.5, 1.0, -1.0)
mlm = torch.tensor([[0, 2, -1]] * 6 + [[1, -1, 0]] * 6)
counts = torch.poisson(torch.full((12, 3), 2.0))
probs = F.softmax(torch.randn(12, 3), 1)
cases = [
    (nn.MSELoss(), lambda o: o, real),
    (nn.L1Loss(reduction="sum"), lambda o: o, real),
    (nn.HuberLoss(delta=0.5), lambda o: o, real),
    (nn.SmoothL1Loss(beta=0.5), lambda o: o, real),
    (nn.CrossEntropyLoss(label_smoothing=0.1), lambda o: o, cls),
    (nn.CrossEntropyLoss(), lambda o: o, probs),
    (nn.NLLLoss(weight=torch.tensor([1.0, 2.0, 3.0])), lambda o: F.log_softmax(o, 1), cls),
    (nn.BCELoss(), torch.sigmoid, multi),
    (nn.BCEWithLogitsLoss(pos_weight=torch.tensor([2.0, 1.0, 0.5])), lambda o: o, multi),
    (nn.KLDivLoss(reduction="batchmean"), lambda o: F.log_softmax(o, 1), probs),
    (nn.KLDivLoss(reduction="batchmean", log_target=True), lambda o: F.log_softmax(o, 1), probs.log()),
    (nn.PoissonNLLLoss(), lambda o: o, counts),
    (nn.MultiMarginLoss(p=2, margin=0.5), lambda o: o, cls),
    (nn.MultiLabelMarginLoss(), lambda o: o, mlm),
    (nn.MultiLabelSoftMarginLoss(), lambda o: o, multi),
    (nn.SoftMarginLoss(), lambda o: o[:, 0], pm1),
    (nn.HingeEmbeddingLoss(margin=2.0), lambda o: o[:, 0].abs(), pm1),
]
for crit, head, tgt in cases:
    torch.manual_seed(0)
    net = nn.Sequential(nn.Linear(5, 8), nn.Tanh(), nn.Linear(8, 3))
    opt = torch.optim.SGD(net.parameters(), lr=0.1)
    hist = []
    for step in range(6):
        loss = crit(head(net(X)), tgt)
        opt.zero_grad()
        loss.backward()
        gn = torch.norm(torch.stack([p.grad.norm() for p in net.parameters()]))
        opt.step()
        hist.append(round(loss.item(), 5))
    print(crit, hist, f"{gn.item():.5f}")
torch.manual_seed(0)
net = nn.Linear(5, 4)
var_head = nn.Linear(5, 3)
opt = torch.optim.Adam(list(net.parameters()) + list(var_head.parameters()), lr=0.05)
g = nn.GaussianNLLLoss()
for step in range(8):
    loss = g(net(X)[:, :3], real, F.softplus(var_head(X)) + 1e-3)
    opt.zero_grad()
    loss.backward()
    opt.step()
print(g, f"{loss.item():.5f}")
for crit in [nn.MarginRankingLoss(margin=0.1), nn.CosineEmbeddingLoss(margin=0.1)]:
    torch.manual_seed(0)
    net = nn.Linear(5, 3)
    opt = torch.optim.SGD(net.parameters(), lr=0.2)
    for step in range(5):
        o = net(X)
        if isinstance(crit, nn.MarginRankingLoss):
            loss = crit(o[:, 0], o[:, 1], pm1)
        else:
            loss = crit(o, torch.roll(o, 1, 0), pm1)
        opt.zero_grad()
        loss.backward()
        opt.step()
    print(crit, f"{loss.item():.5f}", net.weight.grad[0])
