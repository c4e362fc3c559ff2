# gradcheck / gradgradcheck on small double-precision functions, a custom Function with a wrong backward
# caught by gradcheck (raise_exception=False and the exception text), and float32 warnings.
import torch
from torch.autograd import Function, gradcheck, gradgradcheck

torch.manual_seed(0)
x = torch.randn(3, 2, dtype=torch.double, requires_grad=True)
w = torch.randn(2, 4, dtype=torch.double, requires_grad=True)
print("matmul+tanh", gradcheck(lambda a, b: torch.tanh(a @ b), (x, w), eps=1e-6, atol=1e-4))
print("softmax", gradcheck(lambda a: torch.softmax(a, dim=1), (x,)))
print("gradgrad", gradgradcheck(lambda a, b: (a @ b).sigmoid(), (x, w)))
print("multi-out", gradcheck(lambda a: (a.sin(), a.cos().sum()), (x,)))


class GoodCube(Function):
    @staticmethod
    def forward(ctx, t):
        ctx.save_for_backward(t)
        return t ** 3

    @staticmethod
    def backward(ctx, g):
        (t,) = ctx.saved_tensors
        return 3 * t ** 2 * g


class BadCube(Function):
    @staticmethod
    def forward(ctx, t):
        ctx.save_for_backward(t)
        return t ** 3

    @staticmethod
    def backward(ctx, g):
        (t,) = ctx.saved_tensors
        return 2 * t ** 2 * g


t = torch.tensor([0.5, -1.5, 2.0], dtype=torch.double, requires_grad=True)
print("good", gradcheck(GoodCube.apply, (t,)))
print("good gradgrad", gradgradcheck(GoodCube.apply, (t,)))
print("bad quiet", gradcheck(BadCube.apply, (t,), raise_exception=False))
try:
    gradcheck(BadCube.apply, (t,))
except RuntimeError as e:
    print("RuntimeError:", str(e).splitlines()[0])

nn_in = torch.randn(2, 3, dtype=torch.double, requires_grad=True)
lin = torch.nn.Linear(3, 2).double()
print("module", gradcheck(lin, (nn_in,)))
print("fast_mode", gradcheck(lambda a: (a ** 2).exp(), (nn_in,), fast_mode=True))
print("non-tensor arg", gradcheck(lambda a, k: a.pow(k), (nn_in, 3)))


class TwoOutputs(Function):
    @staticmethod
    def forward(ctx, t):
        ctx.save_for_backward(t)
        return t * 2, t ** 2

    @staticmethod
    def backward(ctx, g1, g2):
        (t,) = ctx.saved_tensors
        return g1 * 2 + g2 * t  # the second term should be 2 * t * g2


try:
    gradcheck(TwoOutputs.apply, (t,))
except RuntimeError as e:
    print("RuntimeError:", str(e).splitlines()[0])
try:
    gradcheck(lambda a, b: a * b.detach(), (t, t.detach().clone().requires_grad_()))
except RuntimeError as e:
    print("RuntimeError:", str(e).splitlines()[0])
try:
    gradcheck(lambda a: a.detach() * 2, (t,))
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    gradcheck(lambda a: a * 2, (t.detach(),))
except ValueError as e:
    print("ValueError:", e)
