# Integer overflow wrap-around in int8/uint8/int16/int32 arithmetic, sum promotion, and casts out of range.
import torch

a = torch.tensor([100, 120, -128, 127], dtype=torch.int8)
print(a + a, a * 2, -a, a - 100, a.abs())
print(a.sum(), a.sum().dtype, a.sum(dim=0, dtype=torch.int8), a.prod(), a.cumsum(0), a.cumsum(0).dtype)
u = torch.tensor([0, 1, 200, 255], dtype=torch.uint8)
print(u + 100, u - 1, u * 2, -u, u.sum(), u.sum().dtype, u.mean(dtype=torch.float32))
i32 = torch.tensor([2**31 - 1, -2**31], dtype=torch.int32)
print(i32 + 1, i32 - 1, i32 * 2, i32.sum(), i32.sum().dtype, i32.abs())
i16 = torch.tensor([32767, -32768], dtype=torch.int16)
print(i16 + 1, i16 * i16, i16.sum(), (i16 + 1).dtype)
i64 = torch.tensor([2**63 - 1], dtype=torch.int64)
print(i64 + 1, i64 * 2)
print(a + 1000, (a + 1000).dtype, u + torch.tensor(1, dtype=torch.int8), (u + torch.tensor(1, dtype=torch.int8)).dtype)
print(u.to(torch.int8), a.to(torch.uint8), torch.tensor([300, -1, 256]).to(torch.uint8), torch.tensor([200]).to(torch.int8))
print(torch.tensor([1.9, -1.9, 127.5, -0.5]).to(torch.int8), torch.tensor([3.99, 255.0]).to(torch.uint8))
print(torch.tensor([True, True]).sum(), torch.tensor([True, False]) + torch.tensor([True, True]))
print(a.max(), u.min(), a.float().mean(), torch.tensor([100, 100], dtype=torch.int8).float().sum())
print(a * torch.tensor(2.5), (a * torch.tensor(2.5)).dtype, u // 7, u % 7, u.to(torch.int32) - 300)
print(torch.tensor([5], dtype=torch.uint8) - torch.tensor([10], dtype=torch.uint8), torch.tensor([-7], dtype=torch.int8) >> 1)
b = torch.tensor([10, 20], dtype=torch.int8)
b += 120
print(b, b.dtype)
b *= 3
print(b)
print(torch.arange(250, 256, dtype=torch.uint8) + 10, torch.bincount(torch.tensor([1, 1, 3], dtype=torch.uint8)))
