# BatchNorm1d/2d behaviour everyone trips over: batch statistics in train(), running_mean/running_var
# (unbiased) updates with momentum, momentum=None (cumulative average), num_batches_tracked, eval()
# using running stats, affine=False, track_running_stats=False, reset_running_stats, state_dict keys,
# batch-size-1 error in training, and a "BN by hand" check against the module.
import torch
import torch.nn as nn

torch.manual_seed(0)
bn = nn.BatchNorm2d(3)
print(bn, bn.weight, bn.bias, bn.running_mean, bn.running_var, bn.num_batches_tracked)
x = torch.randn(4, 3, 5, 5) * 2 + 1
for step in range(3):
    y = bn(x + step)
    print(step, bn.running_mean, bn.running_var, bn.num_batches_tracked.item())
print(f"{y.mean().item():.6f} {y.var(unbiased=False).item():.6f}")
print(y.mean(dim=(0, 2, 3)), y.std(dim=(0, 2, 3), unbiased=False))

mean = x.mean(dim=(0, 2, 3), keepdim=True)
var = x.var(dim=(0, 2, 3), unbiased=False, keepdim=True)
manual = (x - mean) / torch.sqrt(var + bn.eps)
bn2 = nn.BatchNorm2d(3)
print(torch.allclose(bn2(x), manual, atol=1e-5))
n = x.numel() / x.size(1)
print(bn2.running_var, 0.9 + 0.1 * x.var(dim=(0, 2, 3), unbiased=True), n)

bn.eval()
ye = bn(x)
print(ye[0, :, 0, 0], torch.allclose(ye, (x - bn.running_mean[None, :, None, None])
                                     / torch.sqrt(bn.running_var[None, :, None, None] + bn.eps)))

cum = nn.BatchNorm1d(4, momentum=None)
for i in range(4):
    cum(torch.randn(8, 4) * (i + 1))
print(cum, cum.running_mean, cum.running_var, cum.num_batches_tracked)
noaff = nn.BatchNorm1d(4, affine=False, momentum=0.5)
print(noaff, list(noaff.state_dict().keys()), list(dict(noaff.named_parameters()).keys()))
notrack = nn.BatchNorm1d(4, track_running_stats=False)
print(notrack, notrack.running_mean, list(notrack.state_dict().keys()))
notrack.eval()
seq = torch.randn(6, 4, 7)
print(notrack(seq).mean(dim=(0, 2)), notrack(seq).shape)
print(list(bn.state_dict().keys()))
print({k: v.dtype for k, v in bn.state_dict().items()})
bn.reset_running_stats()
print(bn.running_mean, bn.running_var, bn.num_batches_tracked)

xi = torch.randn(6, 4, requires_grad=True)
b1 = nn.BatchNorm1d(4)
with torch.no_grad():
    b1.weight.uniform_(0.5, 1.5)
    b1.bias.uniform_(-0.5, 0.5)
out = b1(xi)
(out ** 3).sum().backward()
print(xi.grad, b1.weight.grad, b1.bias.grad)
try:
    nn.BatchNorm1d(4)(torch.randn(1, 4))
except ValueError as e:
    print("ValueError:", e)
nn_eval = nn.BatchNorm1d(4).eval()
print(nn_eval(torch.randn(1, 4)).shape)
try:
    nn.BatchNorm2d(3)(torch.randn(2, 3, 4))
except ValueError as e:
    print("ValueError:", e)
try:
    nn.BatchNorm2d(4)(x)
except RuntimeError as e:
    print("RuntimeError:", e)
