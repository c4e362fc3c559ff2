# Broadcasting rules and dtype promotion across tensors and Python scalars.
import torch

a = torch.ones(3, 1)
b = torch.arange(4.0)
print((a + b).shape, (a * b.view(1, 4)).shape, torch.broadcast_shapes((2, 1, 3), (4, 3)))
print(torch.broadcast_tensors(a, b)[0].shape, b.expand(2, 4).shape, b.expand_as(torch.zeros(3, 4)).shape)
i = torch.tensor([1, 2, 3])
f = torch.tensor([0.5, 1.5, 2.5])
d = torch.tensor([1.0], dtype=torch.float64)
h = torch.tensor([1.0], dtype=torch.float16)
u = torch.tensor([200], dtype=torch.uint8)
bo = torch.tensor([True, False, True])
pairs = {"i+f": i + f, "i*2": i * 2, "i*2.5": i * 2.5, "i/2": i / 2, "i//2": i // 2, "f+d": f + d,
         "i+d": i + d, "h+f": h + f, "h*2.0": h * 2.0, "u+1": u + 1, "u+u": u + u, "bo+bo": bo + bo,
         "bo*1.5": bo * 1.5, "bo+i": bo + i, "i32+i64": i.int() + i, "i8+u8": torch.tensor([1], dtype=torch.int8) + u,
         "i**2": i ** 2, "i**-1.0": i ** -1.0, "2**i": 2 ** i, "f>1": f > 1, "i%2": i % 2, "-i%2": -i % 2,
         "f%1": (-f) % 1, "true_div": torch.true_divide(i, 2), "floor_div": torch.div(-i, 2, rounding_mode="floor"),
         "trunc_div": torch.div(-i, 2, rounding_mode="trunc"), "sum_i": i.sum(), "mean_f": f.mean(),
         "sum_bool": bo.sum(), "prod_u8": u.prod(), "cumsum_i32": i.int().cumsum(0), "abs_i": (-i).abs()}
for k, v in pairs.items():
    print(k, v, v.dtype)
print(torch.result_type(i, 1.0), torch.promote_types(torch.int32, torch.float16), torch.can_cast(torch.float32, torch.int32))
print(i.to(torch.float32) / 3, f.int(), f.long(), (f * 10).to(torch.uint8), torch.tensor([-1.7, 1.7]).int())
print(torch.tensor([3.0]).type(torch.int64), f.type(), i.type(), d.half().dtype, f.bool())
try:
    torch.ones(2, 3) + torch.ones(3, 2)
except RuntimeError as e:
    print(e)
try:
    i.add_(0.5)
except RuntimeError as e:
    print(type(e).__name__, e)
x = torch.zeros(3)
x += i
print(x, x.dtype)
print(torch.full((2,), 7).dtype, torch.full((2,), 7.0).dtype, torch.full((2,), True).dtype, torch.tensor(1).dtype)
print(torch.arange(5).dtype, torch.arange(5.0).dtype, torch.arange(0, 1, 0.25), torch.linspace(0, 1, 3).dtype)
print(torch.zeros(2, dtype=torch.float64).dtype, torch.tensor([1, 2.0]).dtype, torch.tensor([[1], [2]]).dtype)
