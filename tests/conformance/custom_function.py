# Custom autograd.Function: forward/backward, save_for_backward, needs_input_grad, mark_non_differentiable.
import torch


class MyExp(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        y = x.exp()
        ctx.save_for_backward(y)
        return y

    @staticmethod
    def backward(ctx, grad):
        (y,) = ctx.saved_tensors
        return grad * y


class ScaledMul(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a, b, scale):
        ctx.save_for_backward(a, b)
        ctx.scale = scale
        return a * b * scale

    @staticmethod
    def backward(ctx, g):
        a, b = ctx.saved_tensors
        ga = g * b * ctx.scale if ctx.needs_input_grad[0] else None
        gb = g * a * ctx.scale if ctx.needs_input_grad[1] else None
        return ga, gb, None


class Clip(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.mask = (x.abs() < 1)
        return x.clamp(-1, 1)

    @staticmethod
    def backward(ctx, g):
        return g * ctx.mask


x = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
y = MyExp.apply(x)
print(y)
y.sum().backward()
print(x.grad, torch.allclose(x.grad, x.exp()))

a = torch.randn(3, requires_grad=True)
b = torch.randn(3)
out = ScaledMul.apply(a, b, 2.0)
out.sum().backward()
print(a.grad, b.grad, out.requires_grad)

z = torch.linspace(-2, 2, 5, requires_grad=True)
Clip.apply(z).pow(2).sum().backward()
print(z.grad)
print(torch.autograd.grad(MyExp.apply(z).sum(), z))
with torch.no_grad():
    print(MyExp.apply(z).requires_grad)
