# torch.finfo / torch.iinfo and dtype / device / layout attributes.
import torch

for dt in [torch.float32, torch.float64, torch.float16, torch.bfloat16]:
    fi = torch.finfo(dt)
    print(fi)
    print(dt, fi.bits, fi.eps, fi.max, fi.min, fi.tiny, fi.smallest_normal, fi.resolution, fi.dtype)
for dt in [torch.int8, torch.uint8, torch.int16, torch.int32, torch.int64]:
    ii = torch.iinfo(dt)
    print(ii)
    print(dt, ii.bits, ii.max, ii.min, ii.dtype)
print(torch.finfo())
print(torch.finfo().eps == torch.finfo(torch.float32).eps)
try:
    torch.iinfo(torch.float32)
except TypeError as e:
    print("TypeError", e)
try:
    torch.finfo(torch.int32)
except TypeError as e:
    print("TypeError", e)
x = torch.randn(2, 3)
print(x.dtype, x.device, x.layout)
print(x.dtype.is_floating_point, x.dtype.is_signed, x.dtype.itemsize, torch.int64.is_floating_point)
print(torch.tensor([1, 2]).dtype, torch.tensor([1.0]).dtype, torch.tensor([True]).dtype)
print(torch.get_default_dtype(), torch.float, torch.double, torch.long, torch.int, torch.half, torch.bool)
print(torch.float32 == torch.float, torch.float32 is torch.float, str(torch.float64), repr(torch.int64))
print(x.device.type, x.device.index, torch.device("cpu"), repr(torch.device("cpu")), torch.device("cpu", 0))
print(torch.device("cuda:1"), torch.device("cuda:1").index, torch.device("cpu") == x.device)
print(x.is_cuda, x.is_floating_point(), x.is_complex(), x.element_size(), x.nbytes, x.itemsize)
print(torch.strided, x.layout == torch.strided)
print(x.type(), x.long().type(), x.double().type(), x.bool().type(), x.half().type(), x.int().type())
print(type(x).__name__, isinstance(x, torch.Tensor), torch.is_tensor(x), torch.is_floating_point(x))
print(torch.promote_types(torch.int32, torch.float32), torch.result_type(torch.tensor([1]), 1.5))
print(torch.can_cast(torch.float32, torch.int32), torch.can_cast(torch.int32, torch.float32))
print(torch.float32.is_complex, torch.float64.is_signed)
