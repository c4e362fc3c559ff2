# BatchNorm/LayerNorm/GroupNorm/InstanceNorm in train and eval: outputs, running stats, momentum=None, affine=False.
import torch
import torch.nn as nn

x = torch.randn(6, 3, 4, 4) * 2 + 1
bn = nn.BatchNorm2d(3, momentum=0.3)
for _ in range(3):
    y = bn(x)
print(y.mean((0, 2, 3)), y.var((0, 2, 3), unbiased=False), bn.running_mean, bn.running_var, bn.num_batches_tracked)
bn.eval()
print(bn(x)[0, :, 0, 0])
cma = nn.BatchNorm1d(3, momentum=None)
for i in range(3):
    cma(torch.randn(5, 3) + i)
print(cma.running_mean, cma.running_var)
noaff = nn.BatchNorm1d(4, affine=False, track_running_stats=False)
print(noaff(torch.arange(8.0).view(2, 4)), list(noaff.state_dict().keys()), noaff.weight)
ln = nn.LayerNorm(4, elementwise_affine=False)
print(ln(torch.arange(8.0).view(2, 4)))
ln2 = nn.LayerNorm([3, 4, 4])
print(ln2(x).mean((1, 2, 3)), ln2.weight.shape)
gn = nn.GroupNorm(3, 3)
print(gn(x)[0, 0, 0], nn.GroupNorm(1, 3, affine=False)(x).std().item())
inorm = nn.InstanceNorm2d(3, affine=True, track_running_stats=True)
inorm(x)
print(inorm.running_mean, inorm(x)[0, 0, 0])
xr = torch.randn(4, 3, requires_grad=True)
b1 = nn.BatchNorm1d(3)
(b1(xr) * torch.arange(3.0)).sum().backward()
print(xr.grad, b1.weight.grad, b1.bias.grad)
print(nn.RMSNorm(3)(torch.arange(6.0).view(2, 3)) if hasattr(nn, "RMSNorm") else "no RMSNorm")
