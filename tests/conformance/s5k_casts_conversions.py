# Casting: float->int truncation, negative -> uint8, bool casts, .to()/.type() spellings, int overflow, item types.
import torch

f = torch.tensor([-2.7, -0.5, 0.0, 0.5, 2.7, 255.9])
print(f.int(), f.long(), f.to(torch.int8), f.short(), f.bool(), f.half(), f.double(), f.to(torch.uint8)[2:], f.type(torch.int32), f.type("torch.LongTensor"), f.type())
print(torch.tensor([300, -1, 256]).to(torch.uint8), torch.tensor([130, -130]).to(torch.int8), torch.tensor([70000]).to(torch.int16), torch.tensor([2 ** 31]).to(torch.int32), torch.tensor([1e10]).to(torch.float16))
print(torch.tensor([0, 1, 2]).bool(), torch.tensor([True, False]).float(), torch.tensor([True]).to(torch.float64), torch.tensor([0.1, 0.0]).bool(), torch.tensor([1.5]).to(torch.bool).int())
x = torch.arange(3)
print(x.to(torch.float32), x.to(dtype=torch.float16), x.to("cpu"), x.to("cpu", torch.float64), x.to(torch.zeros(1, dtype=torch.float64)).dtype, x.to(x).dtype, x.float().to(torch.int64, copy=True))
y = torch.ones(2)
print(y.to(torch.float32) is y, y.to(torch.float32, copy=True) is y, y.float() is y, y.double().float() is y, y.type(torch.float32) is y, y.to("cpu") is y)
print(type(torch.tensor(2).item()), type(torch.tensor(2.0).item()), type(torch.tensor(True).item()), type(torch.tensor(2, dtype=torch.uint8).item()), type(torch.tensor(2.0, dtype=torch.float16).item()), torch.tensor(0.1).item(), torch.tensor(0.1, dtype=torch.float64).item(), torch.tensor(0.1, dtype=torch.float16).item())
print(torch.tensor([1.5, 2.5]).tolist(), torch.tensor([[1, 2]], dtype=torch.int8).tolist(), torch.tensor([True]).tolist(), torch.tensor(1e-8).tolist(), torch.tensor([0.1], dtype=torch.float16).tolist())
print(int(torch.tensor(3.9)), int(torch.tensor(-3.9)), float(torch.tensor(3)), bool(torch.tensor(0.0)), bool(torch.tensor([1])), complex(torch.tensor(1.5)), round(torch.tensor(2.567).item(), 1), torch.tensor(5).__index__(), [10, 20, 30][torch.tensor(1)])
print(torch.tensor([float("inf"), -float("inf")]).int().shape, torch.tensor([1.0, 2.0]).to(torch.int64).dtype, torch.tensor(3.99).long(), torch.tensor(-3.99).long(), torch.tensor([65504.0, 65520.0]).half())
for bad in [lambda: int(torch.tensor([1, 2])), lambda: float(torch.tensor([])), lambda: torch.tensor([1.0]).to("cuda:x"), lambda: torch.tensor(1).type("torch.FooTensor"), lambda: [1, 2][torch.tensor(1.0)]]:
    try:
        print(bad())
    except (RuntimeError, TypeError, ValueError) as e:
        print(type(e).__name__, e)
