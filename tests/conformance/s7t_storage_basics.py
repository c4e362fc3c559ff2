# Storage as "Deep Learning with PyTorch" ch. 3 teaches it: printing, len, indexing, tolist, sharing through views.
import warnings

import torch

warnings.filterwarnings("ignore")
points = torch.tensor([[4.0, 1.0], [5.0, 3.0], [2.0, 1.0]])
st = points.storage()
print(st)
print(len(st), st[0], st[5], st.tolist())
print(type(st).__name__, st.dtype, st.element_size(), st.size())
ust = points.untyped_storage()
print(len(ust), ust.nbytes(), ust.element_size())
st[0] = 2.0
print(points)
second = points[1]
print(second.storage_offset(), second.size(), second.stride())
print(second.untyped_storage().data_ptr() == points.untyped_storage().data_ptr())
pt = points.t()
print(pt.untyped_storage().data_ptr() == points.untyped_storage().data_ptr(), pt.stride(), points.stride())
nr = points.narrow(0, 1, 2)
print(nr.storage_offset(), nr.stride(), nr.is_contiguous())
sel = points.select(1, 1)
print(sel.storage_offset(), sel.stride(), sel.tolist(), sel.is_contiguous())
i = torch.arange(6, dtype=torch.int32)
print(i.untyped_storage().nbytes(), len(i.storage()), i.storage().tolist())
b = torch.tensor([True, False, True])
print(b.untyped_storage().nbytes(), b.storage().tolist())
