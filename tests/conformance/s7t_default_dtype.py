# get_default_dtype/set_default_dtype: effects on tensor() of floats and ints, factories, and type strings.
import torch

print(torch.get_default_dtype(), torch.tensor([1.0, 2]).dtype, torch.tensor([1, 2]).dtype, torch.tensor(1.5).dtype)
print(torch.zeros(2).dtype, torch.arange(3).dtype, torch.arange(3.0).dtype, torch.tensor([True]).dtype)
print(torch.tensor([1, 2.5]).type(), torch.tensor([1]).type(), torch.zeros(1, dtype=torch.float64).type())
torch.set_default_dtype(torch.float64)
print(torch.get_default_dtype(), torch.tensor([1.0, 2]).dtype, torch.tensor([1, 2]).dtype, torch.tensor(1.5).dtype)
print(torch.zeros(2).dtype, torch.ones(2, 2).dtype, torch.arange(3).dtype, torch.arange(3.0).dtype,
      torch.linspace(0, 1, 3).dtype, torch.rand(2).dtype, torch.empty(1).dtype, torch.full((1,), 2.0).dtype)
print(torch.tensor([1.0]).type(), (torch.tensor([1]) / 2).dtype, (torch.tensor([1]) * 0.5).dtype)
print(torch.tensor(1.0 / 3.0).item(), torch.tensor([1.0 / 3.0]))
print(torch.full((1,), 2).dtype, torch.tensor(3).float().dtype)
torch.set_default_dtype(torch.float32)
print(torch.get_default_dtype(), torch.tensor([1.0 / 3.0]), torch.zeros(1).dtype)
print(torch.tensor([1.0]).type(), torch.DoubleTensor([1.0]).type(), torch.LongTensor([1, 2]).type())
print(torch.FloatTensor(2, 3).shape, torch.FloatTensor([1, 2]).dtype, torch.IntTensor([3]).dtype)
x = torch.tensor([1.5, 2.5])
print(x.type(torch.DoubleTensor).dtype, x.type(torch.int64).tolist(), x.type("torch.IntTensor").dtype)
print(isinstance(x, torch.FloatTensor), isinstance(x, torch.DoubleTensor), isinstance(x, torch.Tensor))
for dt in [torch.float16, torch.float32, torch.float64, torch.int8, torch.uint8, torch.int64, torch.bool]:
    t = torch.zeros(1, dtype=dt)
    print(dt, t.is_floating_point(), dt.is_floating_point, dt.is_signed, t.type(), dt.itemsize)
