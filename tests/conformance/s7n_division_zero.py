# Division by zero: floats give inf/nan, integer // and % raise, fmod/remainder with negatives and zero divisors.
import torch

f = torch.tensor([1.0, -1.0, 0.0, -0.0])
print(f / 0, f / -0.0, f / torch.zeros(4), torch.tensor(0.0) / 0.0)
print(f // 0, torch.floor_divide(f, torch.tensor(0.0)), f % 0, torch.fmod(f, 0.0))
for op in ["//", "%", "/"]:
    try:
        r = eval(f"torch.tensor([5, -5]) {op} torch.tensor([0, 0])")
        print(op, r)
    except Exception as e:
        print(op, type(e).__name__, e)
for name in ["div", "floor_divide", "remainder", "fmod"]:
    try:
        print(name, getattr(torch, name)(torch.tensor([5, -5, 0]), 0))
    except Exception as e:
        print(name, type(e).__name__, e)
try:
    print(torch.div(torch.tensor([5]), torch.tensor([0]), rounding_mode="trunc"))
except Exception as e:
    print(type(e).__name__, e)
print(torch.div(torch.tensor([5, -5]), torch.tensor([0, 0])), torch.div(torch.tensor([7, -7]), 2, rounding_mode="floor"))
n = torch.tensor([7, -7, 7, -7])
d = torch.tensor([3, 3, -3, -3])
print(n // d, n % d, torch.fmod(n, d), torch.remainder(n, d), torch.div(n, d, rounding_mode="trunc"))
nf, df = n.float(), d.float()
print(nf // df, nf % df, torch.fmod(nf, df), torch.remainder(nf, df), torch.div(nf, df, rounding_mode="trunc"))
print(torch.fmod(torch.tensor([5.5, -5.5]), 2.0), torch.remainder(torch.tensor([5.5, -5.5]), 2.0), torch.remainder(torch.tensor([-0.0, 0.0]), 1.0))
print(torch.remainder(torch.tensor([1e-20, -1e-20]), 1.0), torch.fmod(torch.tensor([float("inf")]), 2.0), torch.remainder(torch.tensor([3.0]), float("inf")))
print(torch.remainder(torch.tensor([-3.0]), float("inf")), torch.fmod(torch.tensor([-3.0]), float("inf")))
print(torch.tensor([7, -7]) / 2, torch.true_divide(torch.tensor([1]), 3), 5 // torch.tensor([2, -2]), -7 % torch.tensor([3]))
print(torch.reciprocal(torch.tensor([0.0, -0.0, 2.0])), torch.reciprocal(torch.tensor([0, 2])), torch.tensor([2.0]) ** -1)
print(torch.tensor(7, dtype=torch.uint8) // torch.tensor(2, dtype=torch.uint8), torch.tensor([-128], dtype=torch.int8) // -1)
