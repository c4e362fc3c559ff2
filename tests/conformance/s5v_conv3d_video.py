# A tiny video / volumetric classifier: Conv3d with (t, h, w) kernels and strides, BatchNorm3d, MaxPool3d,
# AvgPool3d, AdaptiveAvgPool3d, "(2+1)D" factorised convolution, permuting (N, T, C, H, W) clips into
# (N, C, T, H, W), a short training loop, and per-layer output shapes printed via a forward hook.
import torch
import torch.nn as nn

torch.manual_seed(0)


class R2Plus1D(nn.Module):
    def __init__(self, cin, cout, mid):
        super().__init__()
        self.spatial = nn.Conv3d(cin, mid, kernel_size=(1, 3, 3), padding=(0, 1, 1), bias=False)
        self.bn = nn.BatchNorm3d(mid)
        self.temporal = nn.Conv3d(mid, cout, kernel_size=(3, 1, 1), padding=(1, 0, 0), bias=False)

    def forward(self, x):
        return self.temporal(torch.relu(self.bn(self.spatial(x))))


model = nn.Sequential(
    nn.Conv3d(3, 4, kernel_size=3, stride=(1, 2, 2), padding=1), nn.BatchNorm3d(4), nn.ReLU(),
    nn.MaxPool3d(kernel_size=(1, 2, 2), stride=(1, 2, 2)),
    R2Plus1D(4, 6, 5), nn.ReLU(),
    nn.AvgPool3d(kernel_size=(2, 1, 1)),
    nn.AdaptiveAvgPool3d((1, 1, 1)), nn.Flatten(), nn.Linear(6, 3))
shapes = []
for m in model:
    m.register_forward_hook(lambda mod, i, o: shapes.append((type(mod).__name__, tuple(o.shape))))
clips = torch.randn(4, 6, 3, 8, 8)
x = clips.permute(0, 2, 1, 3, 4).contiguous()
print(x.shape, x.stride())
out = model(x)
for s in shapes:
    print(s)
y = torch.tensor([0, 1, 2, 1])
opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
for step in range(4):
    opt.zero_grad()
    loss = nn.functional.cross_entropy(model(x), y)
    loss.backward()
    opt.step()
    print(step, f"{loss.item():.5f}", f"{model[0].weight.grad.norm().item():.5f}")
print(model[1].running_mean, model[4].bn.running_var)
print(sum(p.numel() for p in model.parameters()), model[4])
v = torch.randn(1, 1, 4, 5, 5, requires_grad=True)
for layer in [nn.MaxPool3d(2, stride=1), nn.AvgPool3d(3, stride=2, padding=1), nn.MaxPool3d((2, 3, 3), ceil_mode=True),
              nn.Conv3d(1, 2, (2, 3, 3), dilation=(1, 2, 2)), nn.ConvTranspose3d(1, 1, 2, stride=2)]:
    o = layer(v)
    (g,) = torch.autograd.grad(o.sum(), v)
    print(layer, tuple(o.shape), f"{o.sum().item():.5f}", f"{g.sum().item():.5f}")
