# Printing tensors of every dtype and rank the way tutorials show them, incl. 4-d and empty shapes.
import torch

torch.manual_seed(0)
dtypes = [torch.float32, torch.float64, torch.float16, torch.int64, torch.int32, torch.int16,
          torch.int8, torch.uint8, torch.bool]
base = torch.tensor([[0.0, 1.0, 2.5], [3.0, -1.0, 7.25]])
for dt in dtypes:
    t = base.to(dt)
    print(dt, t.dtype, t.is_floating_point(), t.element_size())
    print(t)
    print(repr(t[0]), str(t[1, 1]))
    print(t.tolist())

for shape in [(), (1,), (3,), (2, 1), (1, 3), (2, 2, 2), (1, 2, 1, 3), (2, 1, 2, 2)]:
    x = torch.arange(int(torch.Size(shape).numel())).reshape(shape)
    print("shape", shape, x.shape, x.dim(), x.numel())
    print(x)
    print(x.float() / 3)

for shape in [(0,), (0, 3), (3, 0), (2, 0, 4), (0, 0)]:
    e = torch.empty(shape)
    print(e, e.shape, e.numel(), e.sum(), e.tolist())
    print(torch.zeros(shape, dtype=torch.int32))
    print(torch.zeros(shape, dtype=torch.bool))
    print(torch.zeros(shape, dtype=torch.float64))

r = torch.randn(2, 3, 4, 5)
print(r)
print(r[0, 0])
print(r.mean(dim=(2, 3)))
print((r > 0).int())
print((r > 0))
print((r * 100).to(torch.int16))
print((r * 10).to(torch.uint8))
h = r.half()
print(h[1])
print(h.dtype, h.sum(), h.float().sum())
print(torch.tensor([[1, 2], [3, 4]], dtype=torch.float16))
print(torch.tensor(65504.0, dtype=torch.float16), torch.tensor([0.1, 0.2], dtype=torch.float16))
print(torch.tensor([255, 0, 128], dtype=torch.uint8), torch.tensor([-128, 127], dtype=torch.int8))
print(torch.tensor([2**40, -2**40]), torch.tensor([2**31 - 1], dtype=torch.int32))
print(torch.tensor([[True], [False]]), torch.tensor(False), torch.tensor([True, True]))
print(torch.tensor(3, dtype=torch.int32), torch.tensor(2.5, dtype=torch.float64), torch.tensor(1, dtype=torch.uint8))
print(torch.tensor(-0.0), torch.tensor([-0.0, 1.5]), torch.tensor([-0.0, 1.0]), torch.tensor([0.0, -0.0]))
