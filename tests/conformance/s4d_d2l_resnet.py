# d2l 7.6 ResNet: Residual block with optional 1x1 conv, resnet_block stages, layer-by-layer shapes,
# a couple of training steps on random images.
import torch
from torch import nn
from torch.nn import functional as F


class Residual(nn.Module):
    def __init__(self, input_channels, num_channels, use_1x1conv=False, strides=1):
        super().__init__()
        self.conv1 = nn.Conv2d(input_channels, num_channels, kernel_size=3, padding=1, stride=strides)
        self.conv2 = nn.Conv2d(num_channels, num_channels, kernel_size=3, padding=1)
        if use_1x1conv:
            self.conv3 = nn.Conv2d(input_channels, num_channels, kernel_size=1, stride=strides)
        else:
            self.conv3 = None
        self.bn1 = nn.BatchNorm2d(num_channels)
        self.bn2 = nn.BatchNorm2d(num_channels)

    def forward(self, X):
        Y = F.relu(self.bn1(self.conv1(X)))
        Y = self.bn2(self.conv2(Y))
        if self.conv3:
            X = self.conv3(X)
        Y += X
        return F.relu(Y)


torch.manual_seed(0)
blk = Residual(3, 3)
X = torch.rand(4, 3, 6, 6)
Y = blk(X)
print(Y.shape)
blk = Residual(3, 6, use_1x1conv=True, strides=2)
print(blk(X).shape)
b1 = nn.Sequential(nn.Conv2d(1, 8, kernel_size=7, stride=2, padding=3), nn.BatchNorm2d(8), nn.ReLU(),
                   nn.MaxPool2d(kernel_size=3, stride=2, padding=1))


def resnet_block(input_channels, num_channels, num_residuals, first_block=False):
    blk = []
    for i in range(num_residuals):
        if i == 0 and not first_block:
            blk.append(Residual(input_channels, num_channels, use_1x1conv=True, strides=2))
        else:
            blk.append(Residual(num_channels, num_channels))
    return blk


b2 = nn.Sequential(*resnet_block(8, 8, 2, first_block=True))
b3 = nn.Sequential(*resnet_block(8, 16, 2))
b4 = nn.Sequential(*resnet_block(16, 32, 1))
net = nn.Sequential(b1, b2, b3, b4, nn.AdaptiveAvgPool2d((1, 1)), nn.Flatten(), nn.Linear(32, 10))
X = torch.rand(size=(2, 1, 48, 48))
for layer in net:
    X = layer(X)
    print(layer.__class__.__name__, "output shape:\t", X.shape)
print(sum(p.numel() for p in net.parameters()), len(list(net.modules())), len(net.state_dict()))


def init_weights(m):
    if type(m) in (nn.Linear, nn.Conv2d):
        nn.init.xavier_uniform_(m.weight)


net.apply(init_weights)
Xs = torch.rand(8, 1, 32, 32)
ys = torch.randint(0, 10, (8,))
opt = torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9)
for step in range(3):
    net.train()
    opt.zero_grad()
    out = net(Xs)
    l = F.cross_entropy(out, ys)
    l.backward()
    opt.step()
    print(step, f"{l.item():.5f}", f"{net[0][0].weight.grad.norm().item():.5f}")
net.eval()
with torch.no_grad():
    out = net(Xs)
print(out[:2], out.argmax(1))
print(net[1][0].bn1.running_mean, net[1][0].bn1.running_var)
