# torch.save/load keep strides, offsets and sharing for permuted clones, column-major tensors and sliced views.
import io

import numpy as np
import torch


def roundtrip(obj):
    buf = io.BytesIO()
    torch.save(obj, buf)
    buf.seek(0)
    return torch.load(buf)


p = torch.arange(24.0).view(2, 3, 4).permute(2, 0, 1).clone()
q = roundtrip(p)
print(q.stride(), q.is_contiguous(), torch.equal(p, q), q.untyped_storage().nbytes())
f = torch.from_numpy(np.asfortranarray(np.arange(6.0).reshape(2, 3)))
g = roundtrip(f)
print(g.stride(), g.tolist(), g.dtype)
base = torch.arange(20.0).view(4, 5)
a, b, c = roundtrip([base[1:, ::2], base.t()[2], base.diagonal()])
print(a.stride(), a.storage_offset(), b.stride(), b.storage_offset(), c.stride(), c.tolist())
a.fill_(0)
print(b.tolist(), c.tolist())
v = p.permute(1, 2, 0)[:, 1:]
w, pp = roundtrip((v, p))
print(w.stride(), w.storage_offset(), w.is_contiguous(), w.untyped_storage().data_ptr() == pp.untyped_storage().data_ptr())
