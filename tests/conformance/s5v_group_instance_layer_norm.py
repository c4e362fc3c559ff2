# Normalisation layers for images beyond BatchNorm: GroupNorm (and its GN(1)=LayerNorm / GN(C)=InstanceNorm
# equivalences), InstanceNorm2d with and without affine/track_running_stats, LayerNorm over [C, H, W] and
# ConvNeXt-style channels-last LayerNorm; values, gradients and parameter names.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.randn(3, 6, 5, 4) * 3 + 2
gn = nn.GroupNorm(3, 6)
print(gn, [n for n, _ in gn.named_parameters()], gn.weight.shape)
y = gn(x)
g = y.view(3, 3, -1)
print(g.mean(-1), g.var(-1, unbiased=False))
ln_equiv = nn.GroupNorm(1, 6, affine=False)(x)
ln = F.layer_norm(x, x.shape[1:])
print(torch.allclose(ln_equiv, ln, atol=1e-5))
in_equiv = nn.GroupNorm(6, 6, affine=False)(x)
print(torch.allclose(in_equiv, F.instance_norm(x), atol=1e-5))
try:
    nn.GroupNorm(4, 6)
except ValueError as e:
    print("ValueError:", e)

inorm = nn.InstanceNorm2d(6)
print(inorm, list(inorm.state_dict().keys()))
yi = inorm(x)
print(yi.mean(dim=(2, 3))[0], yi.std(dim=(2, 3), unbiased=False)[0])
ia = nn.InstanceNorm2d(6, affine=True, track_running_stats=True)
print(ia, list(ia.state_dict().keys()))
for _ in range(2):
    ia(x)
print(ia.running_mean, ia.running_var)
ia.eval()
print(f"{ia(x).mean().item():.6f} {ia(x).std().item():.6f}")
i1 = nn.InstanceNorm1d(3)
print(i1(torch.randn(2, 3, 8)).mean(-1))

lnorm = nn.LayerNorm([6, 5, 4])
print(lnorm, lnorm.weight.shape, lnorm.normalized_shape)
yl = lnorm(x)
print(yl.mean(dim=(1, 2, 3)), yl.var(dim=(1, 2, 3), unbiased=False))
ln_nb = nn.LayerNorm(4, elementwise_affine=False)
print(ln_nb, list(ln_nb.state_dict().keys()), ln_nb(x)[0, 0, 0])
ln_nobias = nn.LayerNorm(6, bias=False)
print(ln_nobias, list(ln_nobias.state_dict().keys()))


class LayerNorm2d(nn.LayerNorm):
    def forward(self, x):
        x = x.permute(0, 2, 3, 1)
        x = F.layer_norm(x, self.normalized_shape, self.weight, self.bias, self.eps)
        return x.permute(0, 3, 1, 2)


ln2d = LayerNorm2d(6, eps=1e-6)
with torch.no_grad():
    ln2d.weight.normal_()
    ln2d.bias.normal_()
xi = x.clone().requires_grad_(True)
out = ln2d(xi)
(out * torch.linspace(-1, 1, 4)).sum().backward()
print(ln2d, out.shape, out.is_contiguous(), xi.grad[0, :, 0, 0], ln2d.weight.grad, ln2d.bias.grad)

for layer in [nn.GroupNorm(2, 6), nn.InstanceNorm2d(6, affine=True), nn.LayerNorm([5, 4])]:
    xi = x.clone().requires_grad_(True)
    with torch.no_grad():
        for p in layer.parameters():
            p.add_(torch.randn_like(p) * 0.1)
    layer(xi).pow(2).sum().backward()
    print(type(layer).__name__, f"{xi.grad.abs().sum().item():.5f}", [f"{p.grad.sum().item():.5f}" for p in layer.parameters()])
try:
    nn.LayerNorm([6, 5, 5])(x)
except RuntimeError as e:
    print("RuntimeError:", e)
