# custom Functions used inside nn.Modules: straight-through estimator, gradient reversal, clamp with custom grad.
import torch
import torch.nn as nn


class STERound(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x.round()

    @staticmethod
    def backward(ctx, g):
        return g


class GradReverse(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, lambd):
        ctx.lambd = lambd
        return x.view_as(x)

    @staticmethod
    def backward(ctx, g):
        return g.neg() * ctx.lambd, None


class LeakyClamp(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, lo, hi):
        ctx.save_for_backward(x)
        ctx.lo, ctx.hi = lo, hi
        return x.clamp(lo, hi)

    @staticmethod
    def backward(ctx, g):
        (x,) = ctx.saved_tensors
        inside = (x >= ctx.lo) & (x <= ctx.hi)
        return g * torch.where(inside, torch.ones_like(x), torch.full_like(x, 0.1)), None, None


class QuantNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 6)
        self.fc2 = nn.Linear(6, 2)

    def forward(self, x, lambd=1.0):
        h = LeakyClamp.apply(self.fc1(x), -0.5, 0.5)
        h = STERound.apply(h * 4) / 4
        h = GradReverse.apply(h, lambd)
        return self.fc2(h)


torch.manual_seed(0)
net = QuantNet()
x = torch.randn(10, 4)
t = torch.randint(0, 2, (10,))
opt = torch.optim.Adam(net.parameters(), lr=0.01)
for step in range(15):
    opt.zero_grad()
    out = net(x, lambd=0.5)
    loss = nn.functional.cross_entropy(out, t)
    loss.backward()
    opt.step()
    if step % 5 == 0:
        print(step, loss.item(), net.fc1.weight.grad.norm().item())
print(net(x)[:3])
print(type(out.grad_fn).__name__ if out.grad_fn else None)
y = STERound.apply(torch.tensor([0.4, 1.6], requires_grad=True))
print(y, y.grad_fn.__class__.__name__)
z = torch.tensor([1.0, -3.0, 0.2], requires_grad=True)
LeakyClamp.apply(z, -1.0, 1.0).sum().backward()
print(z.grad)
print(torch.autograd.gradcheck(lambda a: LeakyClamp.apply(a, -1.0, 1.0), (torch.tensor([0.3, -0.2, 2.0], dtype=torch.float64, requires_grad=True),), raise_exception=False))
