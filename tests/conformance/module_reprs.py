# Module reprs, named_parameters / state_dict printing, children, apply, train/eval flags, parameter counts.
import torch
import torch.nn as nn


class Block(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.conv = nn.Conv2d(c, c, 3, padding=1, bias=False)
        self.bn = nn.BatchNorm2d(c)
        self.act = nn.GELU()

    def forward(self, x):
        return x + self.act(self.bn(self.conv(x)))


net = nn.Sequential(
    nn.Conv2d(1, 4, kernel_size=3, stride=2, padding=1),
    Block(4),
    nn.AdaptiveAvgPool2d(1),
    nn.Flatten(),
    nn.Dropout(p=0.1),
    nn.Linear(4, 10),
    nn.LogSoftmax(dim=1),
)
print(net)
layers = nn.ModuleList([nn.Linear(2, 2) for _ in range(2)])
heads = nn.ModuleDict({"a": nn.Linear(2, 1), "b": nn.Identity()})
params = nn.ParameterList([nn.Parameter(torch.ones(2)), nn.Parameter(torch.zeros(1))])
pd = nn.ParameterDict({"scale": nn.Parameter(torch.ones(1))})
print(layers, heads, params, pd, sep="\n")
for m in [nn.Linear(3, 2, bias=False), nn.Conv1d(2, 4, 5, stride=2, dilation=2, groups=2), nn.BatchNorm1d(7, momentum=0.2),
          nn.LayerNorm([3, 4], eps=1e-6), nn.GroupNorm(2, 4), nn.Embedding(10, 3, padding_idx=0), nn.LeakyReLU(0.2),
          nn.ELU(alpha=0.5), nn.Softmax(dim=-1), nn.Hardtanh(-2, 2), nn.MaxPool2d(3, 2, 1), nn.AvgPool1d(2),
          nn.Upsample(scale_factor=2.0, mode="bilinear"), nn.ConvTranspose2d(3, 2, 2, stride=2),
          nn.Dropout2d(0.3), nn.PReLU(), nn.Softplus(beta=2), nn.Unflatten(1, (2, 2)), nn.ZeroPad2d(1),
          nn.CrossEntropyLoss(label_smoothing=0.1), nn.MSELoss(reduction="sum"), nn.InstanceNorm2d(3),
          nn.Bilinear(2, 3, 4), nn.PixelShuffle(2), nn.Tanh(), nn.Sigmoid(), nn.SiLU(), nn.Mish()]:
    print(repr(m))
for name, p in net.named_parameters():
    print(name, p.shape, p.dtype, p.requires_grad)
for k, v in net.state_dict().items():
    print(k, tuple(v.shape), v.dtype)
print([n for n, _ in net.named_children()], [type(m).__name__ for m in net.modules()][:5])
print([n for n, _ in net.named_buffers()])
print(sum(p.numel() for p in net.parameters() if p.requires_grad))
net.eval()
print(net.training, net[1].bn.training)
net.train()
net[0].requires_grad_(False)
print([p.requires_grad for p in net.parameters()][:3])
net.apply(lambda m: nn.init.zeros_(m.bias) if isinstance(m, nn.Linear) else None)
print(net[5].bias)
print(net(torch.randn(2, 1, 8, 8)).shape, net[1].bn.running_mean)
print(net[-1], net[2:4], len(net))
del net[4]
print(len(net), net.get_submodule("1.bn"), net.get_parameter("1.conv.weight").shape)
