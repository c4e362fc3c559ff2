# float64 / float16 / int mixtures and type promotion in arithmetic.
import torch

a32 = torch.tensor([1.5, -2.25, 3.0])
a64 = torch.tensor([1.0, 2.0, 3.0], dtype=torch.float64)
a16 = torch.tensor([0.1, 0.2, 0.3], dtype=torch.float16)
i64 = torch.tensor([1, 2, 3])
i32 = torch.tensor([4, 5, 6], dtype=torch.int32)
u8 = torch.tensor([250, 3, 7], dtype=torch.uint8)
i8 = torch.tensor([-3, 5, 7], dtype=torch.int8)
b = torch.tensor([True, False, True])
vals = {"f32": a32, "f64": a64, "f16": a16, "i64": i64, "i32": i32, "u8": u8, "i8": i8, "b": b}
for n1, t1 in vals.items():
    row = []
    for n2, t2 in vals.items():
        row.append(str((t1 + t2).dtype).replace("torch.", ""))
    print(n1, row)
for n, t in vals.items():
    print(n, (t * 2).dtype, (t * 2.5).dtype, (t / 2).dtype, (t + True).dtype, torch.result_type(t, 1.0))
print(a16 + a32, (a16 * a64).dtype, a16.sum(), a16.mean(), a16.cumsum(0))
print(a16 * 1000, (a16 * 100).isinf(), torch.tensor(65504.0, dtype=torch.float16) * 2)
print(a16.float().sum().dtype, a16.double(), a16.to(torch.float32) + 1)
print(torch.tensor(3) / torch.tensor(2), torch.tensor(3) // 2, torch.tensor(3.0) // 2)
print(u8 + 10, u8 * 2, u8 - 251, i8 * 50)
print(torch.tensor([1, 2], dtype=torch.int32) * torch.tensor(2.5, dtype=torch.float64))
print(torch.tensor([1.0, 2.0]) * torch.tensor(3.0, dtype=torch.float64), torch.tensor([1, 2]) * torch.tensor(3.0))
print(torch.promote_types(torch.int32, torch.float16), torch.promote_types(torch.uint8, torch.int8))
print(torch.can_cast(torch.float64, torch.int32), torch.can_cast(torch.int32, torch.float32))
print(torch.get_default_dtype(), torch.tensor(1.0).dtype, torch.tensor(1).dtype, torch.tensor(True).dtype)
torch.set_default_dtype(torch.float64)
print(torch.tensor([1.0]).dtype, torch.randn(2).dtype, torch.arange(3.0).dtype, (torch.tensor([1, 2]) / 2).dtype)
print(torch.nn.Linear(2, 2).weight.dtype, torch.zeros(2).dtype, torch.tensor([1, 2]) * 0.5)
torch.set_default_dtype(torch.float32)
x = torch.arange(6, dtype=torch.float16).reshape(2, 3)
print(x @ x.T, (x.sum() / 7).dtype)
y = torch.linspace(0, 1, 5, dtype=torch.float64)
print(y.to(torch.float16), y.half().float(), y.float().double() - y)
z = torch.tensor([0.1, 0.7, -0.5, 2.5, -2.5, 3.5])
print(z.to(torch.int64), z.round(), z.round(decimals=1), z.int(), (z * 10).long())
acc = torch.zeros(3, dtype=torch.float64)
acc += a32
print(acc, acc.dtype)
ii = torch.zeros(3, dtype=torch.int64)
try:
    ii += a32
except RuntimeError as e:
    print("RuntimeError:", e)
f = torch.ones(3)
f += i64
print(f, f.dtype)
print(a32.dtype.is_floating_point, i64.dtype.is_floating_point, torch.finfo(torch.float16).eps, torch.iinfo(torch.int8).min)
