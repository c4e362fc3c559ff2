# Saving a small view writes its whole storage; clone() first to save only what you need.
import io

import torch

big = torch.arange(10000.0)
small = big[:10]


def saved_size(obj):
    buf = io.BytesIO()
    torch.save(obj, buf)
    return len(buf.getvalue())


print(saved_size(small) > 40000, saved_size(small.clone()) < 5000, saved_size(big) > 40000)
print(abs(saved_size(small) - saved_size(big)) < 100)
buf = io.BytesIO()
torch.save({"a": small, "b": big[5:15]}, buf)
buf.seek(0)
d = torch.load(buf)
print(d["a"].untyped_storage().data_ptr() == d["b"].untyped_storage().data_ptr(), d["b"].storage_offset())
d["a"][5] = -1
print(d["b"][0].item(), len(d["a"].untyped_storage()))
buf = io.BytesIO()
x = torch.randn(3, 4).t()
torch.save(x, buf)
buf.seek(0)
y = torch.load(buf)
print(y.stride(), y.is_contiguous(), torch.equal(x, y))
buf = io.BytesIO()
e = torch.tensor([1.0, 2.0]).expand(3, 2)
torch.save(e, buf)
buf.seek(0)
f = torch.load(buf)
print(f.stride(), f.tolist())
