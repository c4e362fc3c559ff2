# integer division and rounding modes, remainder/fmod signs, rounding functions.
import torch

a = torch.tensor([7, -7, 7, -7, 0, 9])
b = torch.tensor([2, 2, -2, -2, 3, 4])
print(a / b, torch.div(a, b), a // b)
for mode in (None, "trunc", "floor"):
    print(mode, torch.div(a, b, rounding_mode=mode), torch.div(a.float(), b.float(), rounding_mode=mode))
print(torch.floor_divide(a, b), torch.remainder(a, b), torch.fmod(a, b), a % b)
print(torch.remainder(a.float(), 2.5), torch.fmod(a.float(), -2.5), torch.remainder(-1.5, torch.tensor([2.0])))
print(a.div(3, rounding_mode="floor"), a.div(3, rounding_mode="trunc"), (a / 3).dtype)
print(torch.true_divide(a, 4), a.float().div_(3))
x = torch.tensor([-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 1.234567, -9.87654])
print(x.round(), x.floor(), x.ceil(), x.trunc(), x.frac(), x.sign(), x.round(decimals=2), x.round(decimals=-1))
print(torch.fix(x), x.sgn())
ia = torch.tensor([5, 6, 7])
ia //= 2
print(ia)
ia = torch.tensor([5, 6, 7])
try:
    ia /= 2
except RuntimeError as e:
    print("RuntimeError:", e)
ia.div_(2, rounding_mode="floor")
print(ia)
print(torch.tensor(5) // torch.tensor(0.0), torch.tensor(-5.0) / 0, torch.tensor(0.0) / 0)
try:
    torch.tensor(5) // torch.tensor(0)
except RuntimeError as e:
    print("RuntimeError:", e)
print(torch.tensor([2 ** 40]) * 3, torch.tensor([2 ** 31 - 1], dtype=torch.int32) + 1)
print(torch.tensor([10, 20]).pow(2), torch.tensor([2]) ** torch.tensor([3.0]), 2 ** torch.tensor([1, 2, 3]))
print(torch.tensor([1.0, 2.0]).pow(torch.tensor([0.5, -1.0])), torch.tensor([4]).float_power(0.5))
print(torch.tensor([17, -17]) >> 1, torch.tensor([3]) << 2, torch.tensor([6]) & 3, torch.tensor([6]) | 1, torch.tensor([6]) ^ 5)
print(torch.tensor([3.7, -3.7]).long(), torch.tensor([250, 260]).to(torch.uint8), torch.tensor([-1]).to(torch.uint8))
g = torch.tensor([7.0, -7.0], requires_grad=True)
(torch.remainder(g, 3) + torch.fmod(g, 3) + torch.div(g, 2, rounding_mode="floor")).sum().backward()
print(g.grad)
f = torch.tensor([3.0, 1.0, -3.0, 0.7, 2.5, -0.1])
print(f // 0.3, f // 0.1, f % 0.3, torch.div(f, 0.1, rounding_mode="floor"), torch.div(f, 0.1, rounding_mode="trunc"))
print(f.double() // 0.3, 3.0 // torch.tensor([0.3, 0.1]), torch.floor_divide(f, torch.tensor(0.3)))
hf = f.half()
print(hf // 0.3, hf * 0.1, hf / 3, 1 / hf, hf * torch.tensor(0.3), torch.div(hf, 0.3, rounding_mode="trunc"))
