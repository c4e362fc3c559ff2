# Domain edges: pow with negative bases and fractional exponents, 0**negative, sqrt/log/acos outside their domain, float power of ints.
import torch

b = torch.tensor([-8.0, -2.0, -0.0, 0.0, 2.0, float("inf"), float("-inf"), float("nan")])
for e in [0.5, 1 / 3, 2.0, 3.0, -1.0, -2.0, 0.0, float("inf"), float("-inf")]:
    print(e, torch.pow(b, e))
print(torch.pow(torch.tensor([-1.0]), torch.tensor([float("inf"), float("nan"), 0.0])), 1.0 ** torch.tensor([float("nan")]))
print(torch.tensor([2, -2, 0]) ** 2, torch.tensor([2, 3]) ** torch.tensor([10, 3]), torch.tensor([2]) ** 0.5, torch.tensor([4]) ** torch.tensor([0.5]))
try:
    print(torch.tensor([2, 3]) ** -1)
except Exception as e:
    print(type(e).__name__, e)
print(torch.tensor([2, 3]) ** torch.tensor([-1, 0]), torch.tensor([2], dtype=torch.int8) ** 8, torch.tensor([3], dtype=torch.int32) ** 21)
print(2 ** torch.tensor([0.5, -1.0, 10.0]), 2 ** torch.tensor([3, 0]), (-8) ** torch.tensor([1 / 3]), 0 ** torch.tensor([-1.0, 0.0]))
print(torch.sqrt(torch.tensor([-1.0, -0.0, 0.0, float("inf")])), torch.rsqrt(torch.tensor([-0.0, 0.0, -4.0])))
print(torch.log(torch.tensor([-1.0, -0.0, 0.0])), torch.log2(torch.tensor([-2.0])), torch.log1p(torch.tensor([-1.5])), torch.log10(torch.tensor([-0.0])))
print(torch.acos(torch.tensor([1.0001, -1.0, 2.0])), torch.asin(torch.tensor([-1.5])), torch.atanh(torch.tensor([1.0, -1.0, 2.0])), torch.acosh(torch.tensor([0.5, 1.0])))
print(torch.lgamma(torch.tensor([0.0, -1.0, -0.5, -2.5])), torch.digamma(torch.tensor([0.0, -1.0, -0.0])), torch.special.gammaln(torch.tensor([1e-40])))
print(torch.tensor([4.0]).pow(0.5), torch.float_power(torch.tensor([-8.0, 2.0]), 1 / 3), torch.float_power(torch.tensor([2]), -1))
print(torch.sqrt(torch.tensor([4], dtype=torch.int64)), torch.exp(torch.tensor([1, 100])), torch.log(torch.tensor([0, 1], dtype=torch.uint8)))
print(torch.xlogy(torch.tensor([0.0, 1.0]), torch.tensor([-1.0, -1.0])), torch.special.i0(torch.tensor([100.0, 1000.0])), torch.sinc(torch.tensor([-0.0])))
x = torch.tensor([-2.0, 0.0, 2.0], requires_grad=True)
y = x ** 0.5
y.sum().backward()
print(y, x.grad)
x2 = torch.tensor([0.0, -1.0, 1.0], requires_grad=True)
(x2 ** 2.0).sum().backward()
print(x2.grad)
x3 = torch.tensor([0.0, 2.0], requires_grad=True)
(x3 ** 0.0).sum().backward()
print(x3.grad)
base = torch.tensor([0.0, -1.0, 2.0], requires_grad=True)
ex = torch.tensor([2.0, 2.0, 0.5], requires_grad=True)
(base ** ex).sum().backward()
print(base.grad, ex.grad)
