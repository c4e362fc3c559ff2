# torch.save of a view together with its base keeps sharing after load; a view saved alone keeps its storage.
import io

import torch

base = torch.arange(10.0)
view = base[2:6]
buf = io.BytesIO()
torch.save({"base": base, "view": view}, buf)
buf.seek(0)
d = torch.load(buf)
b2, v2 = d["base"], d["view"]
print(b2, v2, v2.storage_offset(), v2.stride())
v2[0] = 100.0
print(b2)
print(v2.untyped_storage().data_ptr() == b2.untyped_storage().data_ptr())
buf = io.BytesIO()
torch.save(view, buf)
buf.seek(0)
v3 = torch.load(buf)
print(v3, v3.storage_offset(), v3.untyped_storage().nbytes(), v3.shape)
buf = io.BytesIO()
torch.save(view.clone(), buf)
buf.seek(0)
v4 = torch.load(buf)
print(v4.storage_offset(), v4.untyped_storage().nbytes())
m = torch.arange(12.0).view(3, 4)
buf = io.BytesIO()
torch.save([m, m.t(), m[1]], buf)
buf.seek(0)
a, at, a1 = torch.load(buf)
print(at.stride(), at.is_contiguous(), a1.storage_offset())
a.zero_()
print(at.sum().item(), a1.tolist())
