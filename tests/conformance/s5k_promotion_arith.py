# Type promotion: int+float, int/int true division, // and % with negatives, bool arithmetic, result_type.
import torch

i = torch.tensor([7, -7, 5, -5])
j = torch.tensor([2, 2, -3, -3])
print(i / j, (i / j).dtype, i // j, i % j, torch.fmod(i, j), torch.remainder(i, j), torch.div(i, j, rounding_mode="floor"), torch.div(i, j, rounding_mode="trunc"))
f = torch.tensor([7.5, -7.5, 5.0, -5.0])
print(f // 2, f % 2, f // -2, f % -2, torch.fmod(f, 2), torch.fmod(f, -2), torch.remainder(f, -2), f.div(2, rounding_mode="floor"), f.div(-2, rounding_mode="trunc"))
print(i + 1.5, (i + 1.5).dtype, i * 2, (i * 2).dtype, i + torch.tensor(1.5), i.float() + i, (i.to(torch.int32) + i).dtype, (i.to(torch.int8) + 1).dtype)
print((i.to(torch.int32) + torch.tensor(1.0, dtype=torch.float64)).dtype, (torch.tensor([1.0]) + torch.tensor(1.0, dtype=torch.float64)).dtype, (torch.tensor([1.0], dtype=torch.float16) + 1.0).dtype)
print((torch.tensor([1.0], dtype=torch.float16) + torch.tensor([1.0])).dtype, (torch.tensor([1], dtype=torch.uint8) + torch.tensor([1], dtype=torch.int8)).dtype, (torch.tensor([True]) + torch.tensor([1], dtype=torch.uint8)).dtype)
b = torch.tensor([True, False, True])
print(b + b, b * 3, b.sum(), b + 1.5, b & True, b.float().mean(), (b * b).dtype, b.int() - 1, torch.tensor([True]) * torch.tensor([2.5]))
u = torch.tensor([250, 5, 0], dtype=torch.uint8)
print(u + 10, u - 10, u * 2, (u + 10).dtype, u + torch.tensor(10), (u + torch.tensor(10)).dtype, -u if False else "", u // 3, u.to(torch.int64) - 10)
print(torch.result_type(i, 1.0), torch.result_type(i, f), torch.result_type(torch.tensor(1), torch.tensor([1], dtype=torch.int8)), torch.result_type(torch.tensor([1], dtype=torch.uint8), -1), torch.result_type(2, 3.0))
print(torch.promote_types(torch.int32, torch.float32), torch.promote_types(torch.uint8, torch.int8), torch.promote_types(torch.bool, torch.int16), torch.promote_types(torch.float16, torch.int64), torch.promote_types(torch.int64, torch.float64))
print(torch.can_cast(torch.float32, torch.int32), torch.can_cast(torch.int32, torch.float32), torch.can_cast(torch.int64, torch.int8), torch.can_cast(torch.bool, torch.uint8), torch.can_cast(torch.float64, torch.float16))
print(torch.tensor(5) / 2, torch.tensor(5) // 2, torch.tensor(-5) // 2, torch.tensor(-5) % 3, torch.tensor(5) % -3, torch.tensor(5.5) % 2, 7 // torch.tensor(2), 7 % torch.tensor([3, -3]))
print(torch.tensor([1, 2]) ** 2, torch.tensor([1, 2]) ** 0.5, torch.tensor([2]) ** torch.tensor([3]), (torch.tensor([2]) ** 2.0).dtype, torch.tensor([4.0]) ** torch.tensor([2]), torch.pow(2, torch.tensor([1, 2, 3])))
print(torch.true_divide(i, 2), torch.floor_divide(i, 2), torch.tensor([3]) / torch.tensor([2]), (torch.tensor([3], dtype=torch.int32) / 2).dtype, 1 / torch.tensor([0.0, -0.0]), torch.tensor([0.0]) / 0)
print(i.abs(), i.neg(), i.sign(), f.sign(), torch.tensor([0.0, -0.0]).sign(), i.float().reciprocal(), torch.tensor([1, 2]).mul(0.5), torch.tensor([4, 9]).sqrt(), torch.tensor([4, 9]).exp().dtype)
print(torch.tensor([1, 2, 3]).mean(dtype=torch.float32), torch.tensor([1, 2, 3]).sum().dtype, torch.tensor([True, True]).sum().dtype, torch.tensor([1, 2], dtype=torch.int8).sum().dtype, torch.tensor([1, 2], dtype=torch.int32).prod().dtype, torch.tensor([1.0], dtype=torch.float16).sum().dtype)
try:
    torch.tensor([1, 2]).mean()
except RuntimeError as e:
    print("RuntimeError", e)
try:
    torch.tensor([5]) // 0
except RuntimeError as e:
    print("RuntimeError", e)
try:
    torch.tensor([True]) - torch.tensor([False])
except RuntimeError as e:
    print("RuntimeError", e)
try:
    -torch.tensor([True])
except RuntimeError as e:
    print("RuntimeError", e)
