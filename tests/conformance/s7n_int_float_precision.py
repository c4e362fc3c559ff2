# Where integers and floats meet: large int64 <-> float32/64 rounding, comparisons across dtypes, int min edge cases.
import torch

big = torch.tensor([2**53 + 1, 2**24 + 1, -(2**31), 2**62])
print(big.float(), big.double(), big.float().long(), big.double().long() - big)
print(big == big.float(), big.float() == big.double(), (big.double() + 0.5).long())
print(torch.tensor([16777217], dtype=torch.int32).float().int(), torch.tensor(16777217, dtype=torch.int32) == torch.tensor(16777216.0))
imin = torch.tensor([-128], dtype=torch.int8)
print(imin.abs(), -imin, imin // -1, imin * -1, torch.iinfo(torch.int8).min, imin.neg())
print(torch.tensor([-(2**31)], dtype=torch.int32).abs(), torch.tensor([-(2**63)]).abs(), torch.tensor([-(2**63)]) // -1)
print(torch.tensor([3], dtype=torch.int8) ** 5, torch.tensor([2]) ** 62, torch.tensor([2]) ** 63, torch.tensor([2]) ** 64)
print(torch.tensor([1e10, -1e10, 3e9]).long(), torch.tensor([1e10]).int(), torch.tensor([float("inf")]).long(), torch.tensor([float("nan")]).long())
print(torch.tensor([2.5, -2.5, 1e20]).to(torch.int64), torch.tensor([0.9999999]).long(), torch.tensor([-0.9999999]).long())
try:
    print(torch.tensor([2**64]))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(torch.tensor([2**63]))
except Exception as e:
    print(type(e).__name__, e)
print(torch.tensor([2**63 - 1]), torch.tensor(2**63 - 1).float(), torch.tensor([2**31], dtype=torch.float32).int())
print(torch.tensor([1, 2, 3]).float().mean(), torch.tensor([1, 2]).sum() / 2, torch.tensor([7]) / torch.tensor([2]), torch.tensor(7) / 2)
try:
    print(torch.tensor([1, 2]).mean())
except Exception as e:
    print(type(e).__name__, e)
print(torch.tensor([10**18, 10**18]).sum(), torch.tensor([10**18] * 10).sum(), torch.tensor([10**18] * 10).float().sum())
print(torch.tensor([0.1]) * 3 == 0.3, torch.tensor([0.1], dtype=torch.float64) * 3 == 0.3, torch.isclose(torch.tensor([0.1]) * 3, torch.tensor([0.3])))
print(torch.tensor([0.1 + 0.2]), torch.tensor(0.1 + 0.2, dtype=torch.float64).item(), torch.tensor([0.3]).item() == 0.3)
print(torch.arange(0, 1, 0.1).shape, torch.arange(0.0, 0.3, 0.1).shape, torch.arange(1, 2.2, 0.3), torch.linspace(0, 1, 11)[3].item())
print(torch.tensor([3.0]) // 0.1, torch.tensor([3.0]) % 0.1, torch.tensor([1.0]) // 0.2, torch.fmod(torch.tensor([1.0]), 0.2))
print(torch.tensor([255], dtype=torch.uint8) > -1, torch.tensor([255], dtype=torch.uint8) == -1, torch.tensor([-1], dtype=torch.int8) < torch.tensor([255], dtype=torch.uint8))
print(torch.tensor([1], dtype=torch.uint8) - torch.tensor([2], dtype=torch.int8), torch.tensor([200], dtype=torch.uint8) + torch.tensor([100], dtype=torch.int8))
print(torch.tensor([True]) + torch.tensor([True]), torch.tensor([True]) * 3.5, torch.tensor([5]) & 3, torch.tensor([-5]) >> 1, torch.tensor([-1]) << 63)
