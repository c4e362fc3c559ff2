# In-place ops and their errors: leaf views, dtype casts in in-place ops, broadcasting the wrong way, version counters.
import torch


def show(fn):
    try:
        r = fn()
        print("ok", r)
    except (RuntimeError, TypeError) as e:
        print(type(e).__name__, e)


w = torch.ones(3, requires_grad=True)
show(lambda: w.add_(1))
show(lambda: w[0].mul_(2))
show(lambda: w.view(3).zero_())
show(lambda: w.data.add_(1))
with torch.no_grad():
    w.add_(1)
print(w)
i = torch.tensor([1, 2, 3])
show(lambda: i.add_(1.5))
show(lambda: i.mul_(torch.tensor([0.5, 0.5, 0.5])))
show(lambda: i.div_(2))
show(lambda: i.floor_divide_(2))
show(lambda: i.add_(torch.tensor([1, 1, 1], dtype=torch.int32)))
show(lambda: i.sqrt_())
show(lambda: i.sigmoid_())
show(lambda: torch.tensor([True, False]).add_(1))
show(lambda: torch.tensor([True, False]).logical_not_())
f = torch.zeros(3)
show(lambda: f.add_(torch.tensor([1, 2, 3])))
show(lambda: f.add_(torch.tensor([1.5], dtype=torch.float64)))
show(lambda: f.add_(torch.ones(2, 3)))
show(lambda: f.add_(torch.ones(1)))
show(lambda: torch.zeros(3, 1).add_(torch.ones(1, 4)))
show(lambda: f.clamp_(min=torch.tensor(1.0)))
h = torch.zeros(2, dtype=torch.float16)
show(lambda: h.add_(torch.tensor([1.0, 2.0])))
show(lambda: torch.zeros(3, dtype=torch.uint8).sub_(1))
show(lambda: torch.tensor([5], dtype=torch.int8).mul_(100))
x = torch.ones(2, requires_grad=True)
y = x * 2
y.add_(1)
print(y, y.grad_fn is not None, y._version)
z = x.sigmoid()
z.mul_(2)
show(lambda: z.sum().backward())
a = torch.ones(2, requires_grad=True)
b = a.exp()
c = b * 1
b.add_(1)
show(lambda: c.sum().backward())
print(a.grad)
e = torch.ones(3, requires_grad=True).clone()
e[1] = 5
e.sum().backward()
print(e)
t = torch.arange(4.0)
v = t[1:3]
print(t._version, v._version)
v.mul_(10)
print(t, t._version, v._version)
t.zero_()
print(v, v._version)
k = torch.arange(6.0).reshape(2, 3)
kt = k.t()
kt.add_(100)
print(k, kt.is_contiguous())
show(lambda: torch.ones(2).expand(3, 2).mul_(2))
show(lambda: torch.ones(2, 2).t_().shape)
