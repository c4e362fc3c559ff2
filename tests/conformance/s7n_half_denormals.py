# float16 overflow/underflow, float32 denormals, finfo arithmetic and float32 vs float64 accumulation.
import torch

h = torch.tensor([60000.0, 65504.0, 1e-4, 6e-8, 1e-8], dtype=torch.float16)
print(h, h * 2, h / 1e4, h.sum(), h.float())
print(torch.tensor([70000.0]).half(), torch.tensor([-70000.0]).to(torch.float16), torch.tensor([3e-8]).half())
print(torch.tensor(65519.0).half(), torch.tensor(65520.0).half(), torch.tensor([2049.0, 2051.0]).half())
print(torch.tensor([1.0, 2.0], dtype=torch.float16).exp() ** 10, torch.tensor([300.0], dtype=torch.float16) ** 2)
fi = torch.finfo(torch.float32)
print(fi.eps, fi.tiny, fi.max, fi.min, fi.smallest_normal, fi.resolution, fi.bits)
print(torch.finfo(torch.float16), torch.finfo(torch.float64).eps, torch.iinfo(torch.int8), torch.iinfo(torch.uint8).max)
one = torch.tensor(1.0)
print(one + fi.eps > one, one + fi.eps / 2 > one, (one + fi.eps / 2) == one)
print(torch.tensor(fi.max) * 2, torch.tensor(fi.max) + 1e30, -torch.tensor(fi.max) * 2)
d = torch.tensor(fi.tiny) / 2
print(d, d > 0, d * 2 == fi.tiny, torch.tensor(fi.tiny) / 2 ** 23, torch.tensor(fi.tiny) / 2 ** 24)
print(torch.tensor([1e-45, 1.4e-45, 7e-46]), torch.tensor(1e-40).item(), torch.tensor(1e-40, dtype=torch.float64))
print(torch.tensor([1e-300], dtype=torch.float64) * 1e-300, torch.tensor([1e308], dtype=torch.float64) * 10)
torch.manual_seed(0)
v = torch.rand(100000)
print(v.sum(), v.double().sum(), (v.sum().double() - v.double().sum()).abs() < 1e-1)
acc32 = torch.tensor(0.0)
acc64 = torch.tensor(0.0, dtype=torch.float64)
for _ in range(1000):
    acc32 += 0.1
    acc64 += 0.1
print(acc32, acc64)
print(torch.tensor(16777216.0) + 1, torch.tensor(16777216.0, dtype=torch.float64) + 1, torch.tensor(2**24 + 1, dtype=torch.int32).float())
print(torch.tensor([1e8, 1.0, -1e8]).sum(), torch.tensor([1e8, 1.0, -1e8], dtype=torch.float64).sum())
print(torch.tensor([0.1, 0.2], dtype=torch.float16).sum(), torch.tensor(0.1, dtype=torch.float16).item(), torch.tensor(1 / 3).item())
print(torch.tensor([1.0, 1e-8]).float().mean(), torch.arange(2049, dtype=torch.float16)[-3:])
