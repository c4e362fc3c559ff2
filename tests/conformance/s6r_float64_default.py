# float64 RL code (old TRPO/PPO repos call torch.set_default_dtype(torch.float64)): layers, randn, tensor, the
# legacy torch.Tensor constructor, arange/linspace/full/rand follow the default dtype; a Gaussian policy fitted
# in float64; numpy inputs keep their own dtype; resetting the default.
import torch
import torch.nn as nn
torch.set_default_dtype(torch.float64)
torch.manual_seed(0)
net = nn.Sequential(nn.Linear(3, 8), nn.Tanh(), nn.Linear(8, 2))
print(net[0].weight.dtype, torch.randn(2).dtype, torch.tensor([1.0]).dtype, torch.Tensor([1]).dtype, torch.zeros(2).dtype)
print(torch.tensor(1.5) * torch.ones(2, dtype=torch.float32))
print(torch.arange(3.).dtype, torch.linspace(0,1,3).dtype, torch.full((2,), 1.0).dtype, torch.rand(2).dtype)
x = torch.randn(4, 3)
log_std = nn.Parameter(torch.zeros(2) - 0.5)
from torch.distributions import Normal
d = Normal(net(x), log_std.exp())
a = d.sample()
print(d.log_prob(a).sum(-1), a.dtype)
opt = torch.optim.Adam(list(net.parameters()) + [log_std], lr=1e-2)
for i in range(3):
    loss = -(Normal(net(x), log_std.exp()).log_prob(a).sum(-1)).mean()
    opt.zero_grad(); loss.backward(); opt.step()
    print(loss.item())
import numpy as np
print(torch.from_numpy(np.ones(2, dtype=np.float32)).dtype, torch.as_tensor(np.ones(2)).dtype, torch.tensor(np.float32(1.0)).dtype)
print(torch.get_default_dtype())
torch.set_default_dtype(torch.float32)
print(torch.tensor([1.0]).dtype)
