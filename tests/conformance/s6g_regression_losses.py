# Regression-style losses over their options: MSE/L1 reductions, HuberLoss delta, SmoothL1Loss beta,
# PoissonNLLLoss log_input/full, GaussianNLLLoss full/eps with scalar and per-feature variance; values and grads.
import torch
import torch.nn as nn

torch.manual_seed(0)
x = torch.randn(4, 3, requires_grad=True)
y = torch.randn(4, 3)
for red in ["mean", "sum", "none"]:
    for mod in [nn.MSELoss(reduction=red), nn.L1Loss(reduction=red)]:
        out = mod(x, y)
        print(mod, red, out if red == "none" else f"{out.item():.6f}")
for delta in [0.5, 1.0, 2.0]:
    x.grad = None
    loss = nn.HuberLoss(delta=delta)(x, y)
    loss.backward()
    print("huber", delta, f"{loss.item():.6f}", x.grad[0])
for beta in [0.0, 0.3, 1.0]:
    x.grad = None
    loss = nn.SmoothL1Loss(beta=beta, reduction="sum")(x, y)
    loss.backward()
    print("smoothl1", beta, f"{loss.item():.6f}", x.grad[1])
counts = torch.poisson(torch.full((4, 3), 3.0))
for log_input in [True, False]:
    for full in [False, True]:
        inp = (x.abs() + 0.1).detach().requires_grad_() if not log_input else x.detach().clone().requires_grad_()
        loss = nn.PoissonNLLLoss(log_input=log_input, full=full)(inp, counts)
        loss.backward()
        print("poisson", log_input, full, f"{loss.item():.6f}", inp.grad[2])
mu = torch.randn(5, 2, requires_grad=True)
target = torch.randn(5, 2)
for var_shape in [(5, 2), (5, 1)]:
    var = (torch.rand(var_shape) * 0.5).requires_grad_()
    for full in [False, True]:
        for eps in [1e-6, 0.1]:
            mu.grad = None
            var.grad = None
            loss = nn.GaussianNLLLoss(full=full, eps=eps)(mu, target, var)
            loss.backward()
            print("gnll", var_shape, full, eps, f"{loss.item():.6f}", mu.grad[0], var.grad[0])
print(nn.GaussianNLLLoss(reduction="none")(mu, target, torch.ones(5, 2)))
