# torch.finfo / torch.iinfo fields, printed as books list them.
import torch

for dt in [torch.float32, torch.float64, torch.float16, torch.bfloat16]:
    fi = torch.finfo(dt)
    print(dt, fi.bits, fi.eps, fi.max, fi.min, fi.tiny, fi.smallest_normal, fi.resolution, fi.dtype)
for dt in [torch.uint8, torch.int8, torch.int16, torch.int32, torch.int64]:
    ii = torch.iinfo(dt)
    print(dt, ii.bits, ii.min, ii.max, ii.dtype)
print(torch.finfo().bits, torch.finfo().dtype)
print(torch.finfo(torch.float32).eps == torch.finfo(torch.float).eps, torch.iinfo(torch.long).max)
x = torch.tensor([1.0], dtype=torch.float32)
print((x + torch.finfo(torch.float32).eps).item() > 1.0, (x + torch.finfo(torch.float32).eps / 4).item() == 1.0)
print(torch.tensor([torch.finfo(torch.float16).max], dtype=torch.float16) * 2)
print(torch.tensor([torch.iinfo(torch.int8).max], dtype=torch.int8) + 1)
print(torch.finfo(torch.float64))
print(torch.iinfo(torch.int32))
