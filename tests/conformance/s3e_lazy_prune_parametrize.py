# Lazy layers, pruning and parametrizations as used in model-compression tutorials.
import torch
import torch.nn as nn
import torch.nn.utils.parametrize as P
import torch.nn.utils.prune as prune
from torch.nn.utils.parametrizations import spectral_norm, weight_norm

torch.manual_seed(0)
net = nn.Sequential(nn.LazyConv2d(8, 3, padding=1), nn.LazyBatchNorm2d(), nn.ReLU(), nn.AdaptiveAvgPool2d(2),
                    nn.Flatten(), nn.LazyLinear(4))
print(net)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
x = torch.randn(3, 2, 6, 6)
for _ in range(3):
    opt.zero_grad()
    loss = net(x).pow(2).mean()
    loss.backward()
    opt.step()
print(net, loss.item())
print([(k, tuple(v.shape)) for k, v in net.state_dict().items()])

model = nn.Sequential(nn.Linear(8, 6), nn.ReLU(), nn.Linear(6, 2))
prune.l1_unstructured(model[0], name="weight", amount=0.5)
prune.random_unstructured(model[2], name="weight", amount=3)
print(list(model[0].named_buffers())[0][0], [n for n, _ in model[0].named_parameters()])
print(float((model[0].weight == 0).sum()) / model[0].weight.numel())
print([type(h).__name__ for h in model[0]._forward_pre_hooks.values()])
prune.l1_unstructured(model[0], name="weight", amount=0.25)
print(int(model[0].weight_mask.sum()))
prune.ln_structured(model[2], name="weight", amount=1, n=2, dim=0)
print(model[2].weight_mask)
prune.remove(model[0], "weight")
print([n for n, _ in model[0].named_parameters()], prune.is_pruned(model))
params = [(model[0], "bias"), (model[2], "bias")]
prune.global_unstructured(params, pruning_method=prune.L1Unstructured, amount=2)
print(model[0].bias_mask, model[2].bias_mask)


class Symmetric(nn.Module):
    def forward(self, X):
        return X.triu() + X.triu(1).transpose(-1, -2)


layer = nn.Linear(3, 3)
P.register_parametrization(layer, "weight", Symmetric())
print(layer)
print(torch.allclose(layer.weight, layer.weight.T), P.is_parametrized(layer))
print(sorted(layer.state_dict().keys()))
with P.cached():
    print(layer.weight is layer.weight)
P.remove_parametrizations(layer, "weight")
print(type(layer).__name__, P.is_parametrized(layer))

wn = weight_norm(nn.Linear(4, 3))
print(wn.parametrizations.weight.original0.shape, wn.parametrizations.weight.original1.shape)
sn = spectral_norm(nn.Linear(5, 5))
y = sn(torch.randn(2, 5))
print(y.shape, torch.linalg.matrix_norm(sn.weight.detach(), 2) < 1.5)
conv, bn = nn.Conv2d(2, 3, 3).eval(), nn.BatchNorm2d(3).eval()
bn.running_var.fill_(2.0)
fused = torch.nn.utils.fuse_conv_bn_eval(conv, bn)
inp = torch.randn(1, 2, 5, 5)
print(torch.allclose(fused(inp), bn(conv(inp)), atol=1e-5))
dp = nn.DataParallel(nn.Linear(2, 2))
print(dp, list(dp.state_dict()))
