# A storage lists elements in memory order, which differs from the logical order for column-major tensors.
import warnings

import numpy as np
import torch

warnings.filterwarnings("ignore")
x = torch.arange(6.0).view(2, 3)
c = x.t().clone()
print(c.stride(), c.storage().tolist(), c.tolist())
c.storage()[1] = -1.0
print(c)
f = torch.from_numpy(np.asfortranarray(np.arange(6.0).reshape(2, 3)))
print(f.stride(), f.storage().tolist(), f.untyped_storage().nbytes())
print(f.view(-1) if f.is_contiguous() else f.t().reshape(-1))
e = torch.empty_like(x.t())
e.copy_(x.t())
print(e.stride(), e.storage().tolist())
p = torch.arange(24).view(2, 3, 4).permute(2, 0, 1).clone()
print(p.stride(), p.storage().tolist()[:8])
u = x.t().clone().untyped_storage()
print(len(u), u[:4].tolist(), u[4:8].tolist())
