# K-dimensional loss inputs and higher-order gradients: cross_entropy on (N, C, L) and (N, C, H, W) with
# probability targets, weights, ignore_index and label_smoothing; nll_loss with reduction='none' maps;
# gradient-penalty style double backward through several losses via autograd.grad(create_graph=True).
import torch
import torch.nn.functional as F

torch.manual_seed(15)
x3 = torch.randn(2, 4, 5, requires_grad=True)
t3 = torch.randint(0, 4, (2, 5))
t3[1, 3] = 1
w = torch.tensor([0.5, 1.0, 2.0, 1.5])
for ls in [0.0, 0.2]:
    for ignore in [-100, 1]:
        x3.grad = None
        loss = F.cross_entropy(x3, t3, weight=w, ignore_index=ignore, label_smoothing=ls)
        loss.backward()
        print("ce3", ls, ignore, f"{loss.item():.6f}", x3.grad[1, :, 3], x3.grad[0, :, 0])
x4 = torch.randn(2, 3, 2, 2, requires_grad=True)
p4 = F.softmax(torch.randn(2, 3, 2, 2), dim=1)
for ls in [0.0, 0.1]:
    for weight in [None, torch.tensor([1.0, 3.0, 0.5])]:
        for red in ["mean", "sum", "none"]:
            x4.grad = None
            out = F.cross_entropy(x4, p4, weight=weight, label_smoothing=ls, reduction=red)
            out.sum().backward()
            print("ce4p", ls, weight is not None, red, f"{out.sum().item():.6f}", x4.grad[0, :, 1, 0])
print(F.nll_loss(F.log_softmax(x3, 1), t3, reduction="none", ignore_index=2))
print(F.kl_div(F.log_softmax(x3, 1), F.softmax(x3.detach() * 2, 1), reduction="batchmean"))
a = torch.randn(4, 3, requires_grad=True)
t = torch.randn(4, 3)
cls = torch.tensor([0, 2, 1, 2])
fns = {
    "mse": lambda z: F.mse_loss(z, t),
    "huber": lambda z: F.huber_loss(z, t, delta=0.7),
    "smoothl1": lambda z: F.smooth_l1_loss(z, t, beta=0.4),
    "ce": lambda z: F.cross_entropy(z, cls, label_smoothing=0.1),
    "bcelogits": lambda z: F.binary_cross_entropy_with_logits(z, (t > 0).float(), pos_weight=torch.tensor([2.0, 1.0, 1.0])),
    "kl": lambda z: F.kl_div(F.log_softmax(z, 1), F.softmax(t, 1), reduction="batchmean"),
    "softmargin": lambda z: F.soft_margin_loss(z, torch.sign(t)),
    "mlsm": lambda z: F.multilabel_soft_margin_loss(z, (t > 0).float()),
    "poisson": lambda z: F.poisson_nll_loss(z, t.abs().round()),
    "gnll": lambda z: F.gaussian_nll_loss(z, t, torch.ones(4, 3) * 0.5),
}
for name, fn in fns.items():
    a.grad = None
    loss = fn(a)
    (g,) = torch.autograd.grad(loss, a, create_graph=True)
    pen = g.pow(2).sum()
    pen.backward()
    print(name, f"{loss.item():.6f}", f"{pen.item():.6f}", a.grad[0])
