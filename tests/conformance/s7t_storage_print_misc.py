# Printing untyped storages, storage slicing/copy, storage of views vs clones, storage type strings.
import warnings

import torch

warnings.filterwarnings("ignore")
t = torch.tensor([1, 2, 3], dtype=torch.int16)
print(t.untyped_storage())
print(t.storage())
print(t[1:].storage().size(), t[1:].storage_offset(), t[1:].untyped_storage().nbytes())
print(t.storage().type(), torch.zeros(2).storage().type(), torch.zeros(2, dtype=torch.bool).storage().type())
s = torch.zeros(4).storage()
s.fill_(2.5)
print(s.tolist())
u = torch.zeros(2, dtype=torch.uint8).untyped_storage()
u.fill_(7)
print(u.tolist(), u[1], len(u))
x = torch.arange(4.0)
c = x.untyped_storage().clone()
x[0] = 9.0
print(torch.tensor([], dtype=torch.float32).set_(c).tolist())
print(list(torch.tensor([1.5, 2.5]).storage()))
f = torch.tensor([1.0, -2.0])
print(f.untyped_storage().tolist())
print(f.storage().element_size(), f.storage().nbytes(), f.storage().device, f.untyped_storage().device)
print(f.storage().is_shared(), torch.zeros(2, 3).t().storage().size())
print(f.storage()[1], f.untyped_storage()[0:4].tolist())
