# in-place arithmetic and promotion rules, out= args, dtype conversions in mixed expressions, float64 accumulators.
import torch

f32 = torch.tensor([1.5, 2.5, -3.5])
f64 = torch.tensor([0.1, 0.2, 0.3], dtype=torch.float64)
i64 = torch.tensor([1, 2, 3])
b = torch.tensor([True, False, True])
x = f32.clone()
x += f64
print(x, x.dtype)
x = f32.clone()
x *= i64
print(x, x.dtype)
x = f32.clone()
x.add_(b)
print(x)
y = i64.clone()
y += b
print(y, y.dtype)
for op in ("add_", "mul_", "sub_", "div_"):
    z = i64.clone()
    try:
        getattr(z, op)(1.5)
        print(op, z)
    except RuntimeError as e:
        print(op, "RuntimeError:", e)
out = torch.empty(3)
torch.add(f32, f64.float(), out=out)
print(out)
out64 = torch.empty(3, dtype=torch.float64)
torch.mul(f32, 2, out=out64)
print(out64)
try:
    torch.add(f32, f64, out=torch.empty(3, dtype=torch.int64))
except RuntimeError as e:
    print("RuntimeError:", e)
print((f32 + f64).dtype, (f32.sum() + f64).dtype, (torch.tensor(1.5, dtype=torch.float64) + f32).dtype)
print((i64 * 1.5).dtype, (i64 / i64).dtype, (i64 // 2).dtype, (b * 2).dtype, (b + b).dtype, (b * 1.0).dtype)
print(torch.where(b, f32, f64).dtype, torch.where(b, i64, 0.5).dtype, torch.where(b, 1, 0).dtype)
print(torch.cat([f32, f64]).dtype, torch.stack([i64, i64.int()]).dtype, torch.cat([i64, f32]).dtype)
print(torch.clamp(i64, 0.5, 2.5), torch.clamp(f32, torch.tensor(0.0), torch.tensor(1.0)))
print(torch.maximum(i64, f32), torch.minimum(f64, f32), torch.fmax(f32, torch.tensor([float("nan")] * 3)))
acc64 = torch.zeros((), dtype=torch.float64)
for k in range(1, 6):
    acc64 += torch.tensor(1.0) / k
print(acc64, acc64.dtype)
h = torch.tensor([1.0, 2.0], dtype=torch.float16)
h += 0.5
print(h, h.dtype, (h * h).dtype, h.float().dtype, (h @ h).dtype)
print(torch.tensor([1, 2]).float().mean().dtype, f32.double().sum().dtype, f32.to(torch.float64).dtype)
print(torch.tensor(2) ** 0.5, torch.tensor([4]) ** -1.0, torch.tensor(3.0) ** torch.tensor(2))
print(torch.tensor([7]) % 2.5, torch.tensor([7.5]) // torch.tensor([2]), torch.tensor([1, 2]) @ torch.tensor([3, 4]))
print(f32.type(torch.int32), f32.type(), i64.type(torch.float64).dtype)
