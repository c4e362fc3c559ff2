# Typed storages of every dtype: printing, element_size, type strings, tolist, and byte views of the same memory.
import warnings

import torch

warnings.filterwarnings("ignore")
for dt in [torch.float16, torch.float64, torch.int8, torch.uint8, torch.int32, torch.int64, torch.bool]:
    t = torch.tensor([1, 0, 3], dtype=dt)
    s = t.storage()
    print(s)
    print(s.dtype, s.element_size(), s.nbytes(), s.type(), s.tolist(), len(t.untyped_storage()))
x = torch.tensor([1.0, 2.0], dtype=torch.float64)
print(x.untyped_storage().tolist(), x.view(torch.uint8).tolist() == x.untyped_storage().tolist())
print(torch.tensor(1.0, dtype=torch.float16).storage())
print(torch.empty(0).storage(), torch.empty(0).untyped_storage())
