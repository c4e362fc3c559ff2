# expand makes a 0-stride view (no new memory); repeat copies.
import torch

x = torch.tensor([[1.0], [2.0], [3.0]])
e = x.expand(3, 4)
r = x.repeat(1, 4)
print(e, e.stride(), r.stride())
print(e.data_ptr() == x.data_ptr(), r.data_ptr() == x.data_ptr())
print(e.untyped_storage().nbytes(), r.untyped_storage().nbytes())
x[1, 0] = 20.0
print(e[1], r[1])
e2 = x.expand(2, 3, 4)
print(e2.shape, e2.stride(), e2.is_contiguous())
print(x.expand(-1, 2).shape, x.expand_as(torch.zeros(3, 5)).shape)
v = torch.tensor([1, 2, 3])
print(v.expand(2, 3).stride(), v.repeat(2).tolist(), v.repeat(2, 2).shape, v.repeat_interleave(2).tolist())
ec = e.contiguous()
print(ec.stride(), ec.data_ptr() == e.data_ptr())
ec[0, 0] = -5.0
print(x[0, 0].item())
print(e.clone().stride(), e.sum().item(), (e * 2).stride())
try:
    e.add_(1)
except RuntimeError as err:
    print(type(err).__name__)
try:
    x.expand(4, 4)
except RuntimeError as err:
    print(type(err).__name__)
print(torch.broadcast_to(v, (2, 3)).stride(), torch.broadcast_tensors(x, v)[1].stride())
