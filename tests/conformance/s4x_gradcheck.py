# gradcheck / gradgradcheck on float64 custom functions and builtins.
import torch
from torch.autograd import gradcheck, gradgradcheck


class SoftPlus(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, beta):
        ctx.save_for_backward(x)
        ctx.beta = beta
        return torch.log1p(torch.exp(beta * x)) / beta

    @staticmethod
    def backward(ctx, g):
        (x,) = ctx.saved_tensors
        return g * torch.sigmoid(ctx.beta * x), None


class BadGrad(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x ** 2

    @staticmethod
    def backward(ctx, g):
        (x,) = ctx.saved_tensors
        return g * 3 * x


class MatFn(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a, b):
        ctx.save_for_backward(a, b)
        return a @ b

    @staticmethod
    def backward(ctx, g):
        a, b = ctx.saved_tensors
        return g @ b.t(), a.t() @ g


torch.manual_seed(0)
x = torch.randn(5, dtype=torch.float64, requires_grad=True)
print(gradcheck(SoftPlus.apply, (x, 2.0), eps=1e-6, atol=1e-4))
print(gradcheck(BadGrad.apply, (x,), raise_exception=False))
try:
    gradcheck(BadGrad.apply, (x,))
except Exception as e:
    print(type(e).__name__)
a = torch.randn(3, 4, dtype=torch.float64, requires_grad=True)
b = torch.randn(4, 2, dtype=torch.float64, requires_grad=True)
print(gradcheck(MatFn.apply, (a, b)))
print(gradgradcheck(lambda t: (t.sin() * t).sum(), (x,)))
print(gradcheck(torch.nn.functional.log_softmax, (a, 1)))
print(gradcheck(lambda m: torch.linalg.inv(m @ m.t() + torch.eye(3, dtype=torch.float64)), (a,)))
print(gradgradcheck(lambda m: (m ** 3).sum(dim=0), (a,)))
print(gradcheck(lambda t: torch.cumprod(t, 0), (x,)))
print(gradcheck(lambda t: t.norm(), (x,), fast_mode=True))
print(gradcheck(torch.logsumexp, (a, 0)))
