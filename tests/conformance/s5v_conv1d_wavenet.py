# 1-D convolutions on signals: a WaveNet-style stack of causal dilated Conv1d (left padding with F.pad,
# or padding then slicing off the future), gated activations tanh*sigmoid, residual and skip connections,
# receptive-field arithmetic, causality check via gradients, and training to predict the next sample.
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class CausalConv1d(nn.Conv1d):
    def __init__(self, in_channels, out_channels, kernel_size, dilation=1):
        self.__padding = (kernel_size - 1) * dilation
        super().__init__(in_channels, out_channels, kernel_size, padding=self.__padding, dilation=dilation)

    def forward(self, input):
        result = super().forward(input)
        if self.__padding != 0:
            return result[:, :, :-self.__padding]
        return result


class ResidualBlock(nn.Module):
    def __init__(self, channels, dilation):
        super().__init__()
        self.dilation = dilation
        self.filter = nn.Conv1d(channels, channels, 2, dilation=dilation)
        self.gate = nn.Conv1d(channels, channels, 2, dilation=dilation)
        self.res = nn.Conv1d(channels, channels, 1)
        self.skip = nn.Conv1d(channels, channels, 1)

    def forward(self, x):
        xp = F.pad(x, (self.dilation, 0))
        h = torch.tanh(self.filter(xp)) * torch.sigmoid(self.gate(xp))
        return x + self.res(h), self.skip(h)


class TinyWaveNet(nn.Module):
    def __init__(self, channels=8, dilations=(1, 2, 4, 8)):
        super().__init__()
        self.inp = CausalConv1d(1, channels, 2)
        self.blocks = nn.ModuleList([ResidualBlock(channels, d) for d in dilations])
        self.out = nn.Sequential(nn.ReLU(), nn.Conv1d(channels, channels, 1), nn.ReLU(), nn.Conv1d(channels, 1, 1))

    def forward(self, x):
        x = self.inp(x)
        skips = 0
        for b in self.blocks:
            x, s = b(x)
            skips = skips + s
        return self.out(skips)


net = TinyWaveNet()
print(net.inp, net.blocks[2])
print("receptive field", 1 + 1 + sum(b.dilation for b in net.blocks))
x = torch.randn(1, 1, 32, requires_grad=True)
y = net(x)
y[0, 0, 10].backward()
nz = (x.grad[0, 0] != 0).nonzero().flatten()
print(y.shape, nz.min().item(), nz.max().item())
t = torch.linspace(0, 8 * math.pi, 65)
sig = (torch.sin(t) + 0.5 * torch.sin(2.3 * t)).view(1, 1, -1)
inp, tgt = sig[:, :, :-1], sig[:, :, 1:]
opt = torch.optim.Adam(net.parameters(), lr=5e-3)
for epoch in range(8):
    opt.zero_grad()
    loss = F.mse_loss(net(inp), tgt)
    loss.backward()
    opt.step()
    print(f"epoch {epoch} mse {loss.item():.6f}")
c = nn.Conv1d(3, 6, 5, stride=2, padding=2, groups=3, bias=False, padding_mode="circular")
s = torch.randn(2, 3, 11)
print(c, c(s).shape, c(s)[0, :, 0])
print(nn.AdaptiveMaxPool1d(4)(s), nn.MaxPool1d(3, stride=2, padding=1, dilation=2)(s).shape)
