# state_dict contents (parameters and buffers), load_state_dict results, copy via deepcopy, buffers, persistent flag.
import copy

import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(3, 2)
        self.bn = nn.BatchNorm1d(2)
        self.register_buffer("steps", torch.tensor(0))
        self.register_buffer("scratch", torch.zeros(2), persistent=False)

    def forward(self, x):
        self.steps += 1
        return self.bn(self.fc(x))


net = Net()
net(torch.randn(4, 3))
sd = net.state_dict()
for k, v in sd.items():
    print(k, v)
print(type(sd).__name__, list(sd.keys()))
clone = copy.deepcopy(net)
print(torch.equal(clone.fc.weight, net.fc.weight), clone.fc.weight is net.fc.weight)
fresh = Net()
print(fresh.load_state_dict(sd))
print(fresh.steps, fresh.bn.running_mean, fresh.bn.num_batches_tracked)
sd2 = {k: v.clone() for k, v in sd.items()}
sd2["extra"] = torch.ones(1)
del sd2["fc.bias"]
res = fresh.load_state_dict(sd2, strict=False)
print(res.missing_keys, res.unexpected_keys)
try:
    fresh.load_state_dict(sd2)
except RuntimeError as e:
    print(type(e).__name__, str(e).splitlines()[0])
with torch.no_grad():
    net.fc.weight.mul_(0)
print(sd["fc.weight"])
print(net.fc.state_dict(prefix="head.").keys())
opt = torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9)
net(torch.randn(4, 3)).sum().backward()
opt.step()
osd = opt.state_dict()
print(osd["param_groups"], sorted(osd["state"].keys()), osd["state"][0]["momentum_buffer"].shape)
