# mark_dirty in-place custom functions, mark_non_differentiable, non-tensor args, saved attributes.
import torch


class AddOneInplace(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        x.add_(1)
        ctx.mark_dirty(x)
        return x

    @staticmethod
    def backward(ctx, g):
        return g


class SortWithIdx(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        vals, idx = x.sort()
        ctx.mark_non_differentiable(idx)
        ctx.save_for_backward(idx)
        ctx.n = x.shape[0]
        return vals, idx

    @staticmethod
    def backward(ctx, gv, gi):
        (idx,) = ctx.saved_tensors
        out = torch.zeros(ctx.n, dtype=gv.dtype)
        out[idx] = gv
        return out


class Scale(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, k, name):
        ctx.k = k
        ctx.name = name
        return x * k

    @staticmethod
    def backward(ctx, g):
        return g * ctx.k, None, None


class Huber(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, delta=1.0):
        ctx.save_for_backward(x)
        ctx.delta = delta
        a = x.abs()
        return torch.where(a < delta, 0.5 * x * x, delta * (a - 0.5 * delta))

    @staticmethod
    def backward(ctx, g):
        (x,) = ctx.saved_tensors
        return g * x.clamp(-ctx.delta, ctx.delta), None


x = torch.randn(4, requires_grad=True)
h = x * 2
out = AddOneInplace.apply(h)
print(out is h, out, h._version > 0)
out.sum().backward()
print(x.grad)

v = torch.tensor([3.0, 1.0, 2.0, -1.0], requires_grad=True)
vals, idx = SortWithIdx.apply(v)
print(vals, idx, vals.requires_grad, idx.requires_grad)
(vals * torch.arange(4.0)).sum().backward()
print(v.grad)

y = Scale.apply(v, 3.5, "s")
print(y, y.grad_fn is not None)
y.sum().backward()
print(v.grad)

xs = torch.linspace(-3, 3, 7, dtype=torch.float64, requires_grad=True)
hub = Huber.apply(xs, 1.5)
print(hub)
hub.sum().backward()
print(xs.grad)
print(torch.autograd.gradcheck(lambda t: Huber.apply(t, 0.7), (torch.tensor([0.1, -0.3, 2.0, -1.5], dtype=torch.float64, requires_grad=True),)))
ref = torch.nn.functional.huber_loss(xs, torch.zeros_like(xs), reduction="none", delta=1.5)
print(torch.allclose(ref, hub))
with torch.no_grad():
    print(Huber.apply(xs).requires_grad)
print(Huber.apply(xs.detach()).requires_grad)
