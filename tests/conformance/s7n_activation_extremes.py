# sigmoid/tanh/exp/log1p/expm1 and friends at extreme arguments, with gradients there.
import torch
import torch.nn.functional as F

x = torch.tensor([-1000.0, -100.0, -20.0, -1e-8, 0.0, 1e-8, 20.0, 88.7, 100.0, 1000.0], requires_grad=True)
for name in ["sigmoid", "tanh", "exp", "expm1", "erf", "erfc", "atan"]:
    y = getattr(torch, name)(x)
    (g,) = torch.autograd.grad(y.sum(), x)
    print(name, y, g)
for fn in [F.silu, F.gelu, F.elu, F.selu, F.softsign, F.mish, F.hardswish, F.logsigmoid]:
    y = fn(x)
    (g,) = torch.autograd.grad(y.sum(), x)
    print(fn.__name__, y, g)
u = torch.tensor([-1.0, -0.999999, -1e-10, 0.0, 1e-10, 1e30], requires_grad=True)
y = torch.log1p(u)
(g,) = torch.autograd.grad(y.sum(), u)
print(y, g)
print(torch.exp(torch.tensor([709.0, 710.0], dtype=torch.float64)), torch.exp2(torch.tensor([127.0, 128.0, -149.0, -150.0])))
print(torch.log(torch.tensor([1e-45, 1e-38])), torch.log2(torch.tensor([0.0, 1.0, 1024.0])), torch.log10(torch.tensor([1e-30, 1e30])))
print(torch.sigmoid(torch.tensor([-88.0, -89.0, -104.0])), torch.special.expit(torch.tensor([40.0])))
print(torch.logit(torch.tensor([0.0, 1.0, 0.5])), torch.logit(torch.tensor([0.0, 1.0]), eps=1e-6))
print(torch.special.log_ndtr(torch.tensor([-40.0, 0.0, 10.0])), torch.special.ndtr(torch.tensor([-40.0, 40.0])))
print(torch.cosh(torch.tensor([90.0, 89.0])), torch.sinh(torch.tensor([-90.0])), torch.asinh(torch.tensor([1e20])))
print(torch.special.xlogy(torch.tensor([0.0, 0.0, 1.0]), torch.tensor([0.0, float("nan"), 0.0])), torch.special.xlog1py(torch.tensor([0.0]), torch.tensor([-1.0])))
print(torch.special.entr(torch.tensor([0.0, -1.0, 0.5])), torch.special.sinc(torch.tensor([0.0, 1e-20, 1.0])))
