# Custom autograd.Function: ctx.needs_input_grad to skip work, non-tensor args, mark_non_differentiable,
# once_differentiable (double backward error), set_materialize_grads, save_for_backward of outputs.
import torch
from torch.autograd import Function
from torch.autograd.function import once_differentiable


class ScaledMatmul(Function):
    @staticmethod
    def forward(ctx, a, b, scale):
        ctx.save_for_backward(a, b)
        ctx.scale = scale
        return a @ b * scale

    @staticmethod
    def backward(ctx, grad):
        a, b = ctx.saved_tensors
        print("  needs_input_grad", ctx.needs_input_grad)
        ga = gb = None
        if ctx.needs_input_grad[0]:
            ga = grad @ b.t() * ctx.scale
        if ctx.needs_input_grad[1]:
            gb = a.t() @ grad * ctx.scale
        return ga, gb, None


torch.manual_seed(0)
A = torch.randn(2, 3, requires_grad=True)
B = torch.randn(3, 2)
out = ScaledMatmul.apply(A, B, 0.5)
out.sum().backward()
print("A.grad", A.grad.numpy().round(5))
print("check", torch.allclose(A.grad, torch.ones(2, 2) @ B.t() * 0.5))
B.requires_grad_()
ScaledMatmul.apply(A, B, 2.0).sum().backward()
print("B.grad", B.grad.numpy().round(5))


class Exp(Function):
    @staticmethod
    def forward(ctx, x):
        y = x.exp()
        ctx.save_for_backward(y)
        return y

    @staticmethod
    @once_differentiable
    def backward(ctx, grad):
        (y,) = ctx.saved_tensors
        return grad * y


x = torch.tensor([0.0, 1.0], requires_grad=True)
y = Exp.apply(x)
(g,) = torch.autograd.grad(y.sum(), x, create_graph=True)
print("once_differentiable grad", g, g.requires_grad)
try:
    g.sum().backward()
except RuntimeError as e:
    print("RuntimeError:", e)


class SortWithIdx(Function):
    @staticmethod
    def forward(ctx, x):
        vals, idx = x.sort()
        ctx.mark_non_differentiable(idx)
        ctx.save_for_backward(idx)
        return vals, idx

    @staticmethod
    def backward(ctx, gvals, gidx):
        (idx,) = ctx.saved_tensors
        print("  gidx", gidx)
        out = torch.zeros_like(gvals)
        out[idx] = gvals
        return out


x = torch.tensor([3.0, 1.0, 2.0], requires_grad=True)
vals, idx = SortWithIdx.apply(x)
print(vals, idx, idx.requires_grad)
(vals * torch.tensor([1.0, 10.0, 100.0])).sum().backward()
print("sort grad", x.grad)


class TwoOut(Function):
    @staticmethod
    def forward(ctx, x):
        ctx.set_materialize_grads(False)
        return x * 2, x * 3

    @staticmethod
    def backward(ctx, g1, g2):
        print("  g1 is None:", g1 is None, "g2 is None:", g2 is None)
        total = torch.zeros(2)
        if g1 is not None:
            total = total + 2 * g1
        if g2 is not None:
            total = total + 3 * g2
        return total


x = torch.tensor([1.0, 1.0], requires_grad=True)
p, q = TwoOut.apply(x)
q.sum().backward()
print("materialize off", x.grad)


class BadGrads(Function):
    @staticmethod
    def forward(ctx, x):
        return x.clone()

    @staticmethod
    def backward(ctx, g):
        return g, g


try:
    BadGrads.apply(torch.ones(2, requires_grad=True)).sum().backward()
except RuntimeError as e:
    print("RuntimeError:", e)
print(ScaledMatmul.apply(A.detach(), B.detach(), 1.0).requires_grad)


class GradForK(Function):
    @staticmethod
    def forward(ctx, x, k):
        ctx.k = k
        return x * k

    @staticmethod
    def backward(ctx, g):
        return g * ctx.k, torch.tensor(1.0)


class ReturnsNumber(Function):
    @staticmethod
    def forward(ctx, x):
        return x * 2

    @staticmethod
    def backward(ctx, g):
        return 2


class InplaceDouble(Function):
    @staticmethod
    def forward(ctx, x):
        x.mul_(2)
        ctx.mark_dirty(x)
        return x

    @staticmethod
    def backward(ctx, g):
        return g * 2


for fn in [lambda: GradForK.apply(torch.ones(2, requires_grad=True), 3.0).sum().backward(),
           lambda: ReturnsNumber.apply(torch.ones(2, requires_grad=True)).sum().backward(),
           lambda: InplaceDouble.apply(torch.ones(2, requires_grad=True))]:
    try:
        fn()
    except RuntimeError as e:
        print("RuntimeError:", e)
leaf = torch.ones(2, requires_grad=True)
y = InplaceDouble.apply(leaf.clone())
y.sum().backward()
print("mark_dirty on a clone", y, leaf.grad)
