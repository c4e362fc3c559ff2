# A CNN shape walk-through like in course notebooks: Conv1d/Conv2d options, pooling with ceil_mode /
# return_indices / count_include_pad, adaptive pools, Flatten/Unflatten, and a LeNet training step.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.randn(2, 3, 9, 9)
for conv in [nn.Conv2d(3, 4, 3), nn.Conv2d(3, 4, 3, stride=2, padding=1), nn.Conv2d(3, 6, (3, 1), padding=(1, 0)),
             nn.Conv2d(3, 6, 3, groups=3), nn.Conv2d(3, 4, 3, dilation=2), nn.Conv2d(3, 4, 4, padding="same"),
             nn.Conv2d(3, 4, 3, padding="valid"), nn.Conv2d(3, 4, 3, padding=2, padding_mode="reflect"),
             nn.Conv2d(3, 4, 3, padding=1, padding_mode="replicate"), nn.Conv2d(3, 4, 3, padding=1, padding_mode="circular")]:
    y = conv(x)
    print(tuple(y.shape), round(y.mean().item(), 5), round(y.std().item(), 5))
for pool in [nn.MaxPool2d(2), nn.MaxPool2d(3, stride=2, ceil_mode=True), nn.MaxPool2d(3, 2, padding=1),
             nn.AvgPool2d(2), nn.AvgPool2d(3, 2, padding=1, count_include_pad=False), nn.AvgPool2d(3, 2, 1, ceil_mode=True),
             nn.AvgPool2d(2, divisor_override=3), nn.AdaptiveAvgPool2d((2, 3)), nn.AdaptiveMaxPool2d(4),
             nn.AdaptiveAvgPool2d((None, 2)), nn.LPPool2d(2, 3, stride=2), nn.MaxPool2d(2, dilation=2)]:
    y = pool(x)
    print(type(pool).__name__, tuple(y.shape), round(y.sum().item(), 4))
mp = nn.MaxPool2d(2, return_indices=True)
v, idx = mp(x[:, :1, :4, :4])
print(v[0, 0], idx[0, 0])
print(nn.MaxUnpool2d(2)(v, idx)[0, 0])
s = torch.randn(2, 4, 11)
for m in [nn.Conv1d(4, 2, 3), nn.Conv1d(4, 2, 5, stride=3, padding=2), nn.Conv1d(4, 4, 3, groups=4, bias=False),
          nn.MaxPool1d(3), nn.AvgPool1d(4, stride=2, ceil_mode=True), nn.AdaptiveMaxPool1d(3), nn.AdaptiveAvgPool1d(1),
          nn.ConvTranspose1d(4, 2, 3, stride=2), nn.ConvTranspose1d(4, 2, 4, stride=2, padding=1, output_padding=1)]:
    y = m(s)
    print(type(m).__name__, tuple(y.shape), round(y.abs().sum().item(), 4))
out, ind = F.max_pool1d(s, 2, return_indices=True)
print(ind[0, 0])
print(F.adaptive_avg_pool1d(torch.arange(10.0).view(1, 1, 10), 4))
print(F.adaptive_max_pool2d(torch.arange(25.0).view(1, 1, 5, 5), 3))
flat = nn.Flatten()
unflat = nn.Unflatten(1, (3, 9, 9))
print(flat(x).shape, unflat(flat(x)).shape, nn.Flatten(0, 1)(x).shape, nn.Flatten(start_dim=2)(x).shape)
print(nn.Unflatten(-1, (3, 3))(x).shape, x.flatten(1).shape, torch.flatten(x, 2, 3).shape)


class LeNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5, padding=2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 5 * 5, 32)
        self.fc2 = nn.Linear(32, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), (2, 2))
        x = torch.flatten(x, 1)
        return self.fc2(F.relu(self.fc1(x)))


net = LeNet()
imgs = torch.randn(8, 1, 28, 28)
labels = torch.randint(0, 10, (8,))
h = imgs
for name, layer in [("conv1", net.conv1), ("conv2", net.conv2)]:
    h = F.max_pool2d(F.relu(layer(h)), 2)
    print(name, "output shape:", h.shape)
opt = torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9)
for step in range(4):
    out = net(imgs)
    loss = F.cross_entropy(out, labels)
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(step, round(loss.item(), 5), net.conv1.weight.grad.abs().sum().item())
print(sum(p.numel() for p in net.parameters()))
