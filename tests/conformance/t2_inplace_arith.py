# In-place arithmetic, broadcasting into outputs, out= arguments, and aliasing.
import torch


def show(fn):
    try:
        print("ok", fn())
    except Exception as e:  # noqa: BLE001
        print(type(e).__name__, str(e).split("\n")[0][:160])


a = torch.ones(2, 3)
a += torch.arange(3.0)
a *= 2
a -= torch.tensor([[1.0], [2.0]])
a /= 4
a **= 2
print(a)
i = torch.arange(6).view(2, 3)
i += 1
i *= 3
i //= 2
i %= 5
i -= torch.tensor([1, 1, 1])
print(i)
show(lambda: i.__itruediv__(2))
i2 = torch.arange(4)
i2 += True
print(i2)
show(lambda: torch.ones(3).add_(torch.ones(2, 3)))
show(lambda: torch.ones(1).mul_(torch.ones(3)))
show(lambda: torch.ones(3).add_(torch.ones(1)))
b = torch.zeros(2, 3)
show(lambda: b.copy_(torch.arange(3)))
show(lambda: b.copy_(torch.ones(4)))
print(b)
o = torch.empty(2, 3)
torch.add(torch.ones(2, 3), 5, out=o)
print(o)
torch.mul(torch.ones(3), torch.arange(3.0), out=o[0])
print(o)
torch.sum(torch.ones(4, 2), 0, out=o[1, :2])
print(o)
show(lambda: torch.add(torch.ones(2, 3), 1, out=torch.empty(3, 3)))
c = torch.arange(5.0)
c[1:] += c[:-1].clone()
print(c)
d = torch.arange(5.0)
d.mul_(d)
print(d, d.add_(d.flip(0)))
e = torch.ones(3, 3)
e.fill_diagonal_(5)
e.t_()
e.unsqueeze_(0)
print(e.shape, e.squeeze_().shape, e.transpose_(0, 1).shape, e.resize_(9).shape if False else "")
f = torch.tensor([0.5, -1.5, 2.5])
print(f.clone().round_(), f.clone().clamp_(min=0), f.clone().abs_(), f.clone().neg_(), f.clone().sign_(), f.clone().sigmoid_(), f.clone().relu_(), f.clone().tanh_(), f.clone().exp_())
print(f.clone().fill_(2), f.clone().zero_(), f.clone().masked_fill_(f > 0, 0), f.clone().index_fill_(0, torch.tensor([1]), 9), f.clone().lerp_(torch.ones(3), 0.5), f.clone().addcmul_(f, f), f.clone().addcdiv_(f, torch.tensor([2.0, 2.0, 2.0])))
print(f.clone().copy_(torch.tensor([1, 2, 3])), f.clone().clamp_(-1, 1), f.clone().floor_(), f.clone().ceil_(), f.clone().trunc_(), f.clone().frac_(), f.clone().reciprocal_(), f.clone().pow_(2), f.clone().sqrt_(), f.clone().square_())
g = torch.tensor([1, 2, 3])
print(g.clone().bitwise_and_(torch.tensor([3, 3, 3])), g.clone().fmod_(2), g.clone().remainder_(-2), g.clone().clamp_(2, 2), g.clone().neg_(), g.clone().abs_(), g.clone().mul_(2).div_(2, rounding_mode="floor"))
show(lambda: g.clone().div_(2))
show(lambda: g.clone().sqrt_())
show(lambda: g.clone().exp_())
h = torch.ones(2, 2, requires_grad=True)
k = h * 1
k[0, 0] = 5
k += 1
k.mul_(torch.tensor([[2.0, 3.0], [4.0, 5.0]]))
k.sum().backward()
print(k, h.grad)
