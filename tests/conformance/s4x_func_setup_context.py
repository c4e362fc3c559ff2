# autograd.Function in the setup_context style, needs_input_grad, once_differentiable, materialize grads.
import torch
from torch.autograd.function import once_differentiable


class Cube(torch.autograd.Function):
    @staticmethod
    def forward(x):
        return x ** 3

    @staticmethod
    def setup_context(ctx, inputs, output):
        (x,) = inputs
        ctx.save_for_backward(x)

    @staticmethod
    def backward(ctx, g):
        (x,) = ctx.saved_tensors
        return 3 * x ** 2 * g


class LinearFn(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, w, b):
        ctx.save_for_backward(x, w)
        return x @ w.t() + b

    @staticmethod
    def backward(ctx, g):
        x, w = ctx.saved_tensors
        print("needs", ctx.needs_input_grad)
        gx = g @ w if ctx.needs_input_grad[0] else None
        gw = g.t() @ x if ctx.needs_input_grad[1] else None
        gb = g.sum(0) if ctx.needs_input_grad[2] else None
        return gx, gw, gb


class OnceSq(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x * x

    @staticmethod
    @once_differentiable
    def backward(ctx, g):
        (x,) = ctx.saved_tensors
        return 2 * x * g


class TwoOut(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.set_materialize_grads(True)
        return x * 2, x * 3

    @staticmethod
    def backward(ctx, g1, g2):
        print("g2 is", g2)
        return g1 * 2 + g2 * 3


class TwoOutNoMat(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.set_materialize_grads(False)
        return x * 2, x * 3

    @staticmethod
    def backward(ctx, g1, g2):
        print("g2 None:", g2 is None)
        out = g1 * 2
        if g2 is not None:
            out = out + g2 * 3
        return out


torch.manual_seed(0)
x = torch.randn(4, dtype=torch.float64, requires_grad=True)
y = Cube.apply(x)
print(y)
(gx,) = torch.autograd.grad(y.sum(), x, create_graph=True)
print(gx)
(ggx,) = torch.autograd.grad(gx.sum(), x)
print(ggx, torch.allclose(ggx, 6 * x.detach()))
print(torch.autograd.gradcheck(Cube.apply, (x,)))

xi = torch.randn(5, 3, requires_grad=True)
w = torch.randn(2, 3, requires_grad=True)
b = torch.randn(2)
out = LinearFn.apply(xi, w, b)
out.pow(2).mean().backward()
print(xi.grad.sum(), w.grad, b.grad)
w.grad = None
b.requires_grad_(True)
LinearFn.apply(xi.detach(), w, b).sum().backward()
print(w.grad, b.grad)

z = torch.tensor([1.0, -2.0, 0.5], requires_grad=True)
s = OnceSq.apply(z)
s.sum().backward()
print(z.grad)
g, = torch.autograd.grad(OnceSq.apply(z).sum(), z, create_graph=True)
print(g.requires_grad)
try:
    g.sum().backward()
except RuntimeError as e:
    print("RuntimeError", "once_differentiable" in str(e) or "differentiable" in str(e))

z.grad = None
a, bb = TwoOut.apply(z)
a.sum().backward()
print(z.grad)
z.grad = None
a, bb = TwoOutNoMat.apply(z)
a.sum().backward()
print(z.grad)
