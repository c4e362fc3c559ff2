# d2l ch.7 modern CNNs on tiny inputs: AlexNet-ish, VGG blocks, NiN blocks, GoogLeNet Inception (cat of
# branches), DenseNet dense/transition blocks; shape walks, parameter counts and a training step each.
import torch
from torch import nn
from torch.nn import functional as F


def vgg_block(num_convs, in_channels, out_channels):
    layers = []
    for _ in range(num_convs):
        layers.append(nn.Conv2d(in_channels, out_channels, kernel_size=3, padding=1))
        layers.append(nn.ReLU())
        in_channels = out_channels
    layers.append(nn.MaxPool2d(kernel_size=2, stride=2))
    return nn.Sequential(*layers)


def vgg(conv_arch):
    conv_blks = []
    in_channels = 1
    for (num_convs, out_channels) in conv_arch:
        conv_blks.append(vgg_block(num_convs, in_channels, out_channels))
        in_channels = out_channels
    return nn.Sequential(*conv_blks, nn.Flatten(), nn.Linear(out_channels * 2 * 2, 32), nn.ReLU(),
                         nn.Dropout(0.5), nn.Linear(32, 10))


def nin_block(in_channels, out_channels, kernel_size, strides, padding):
    return nn.Sequential(
        nn.Conv2d(in_channels, out_channels, kernel_size, strides, padding), nn.ReLU(),
        nn.Conv2d(out_channels, out_channels, kernel_size=1), nn.ReLU(),
        nn.Conv2d(out_channels, out_channels, kernel_size=1), nn.ReLU())


class Inception(nn.Module):
    def __init__(self, in_channels, c1, c2, c3, c4, **kwargs):
        super(Inception, self).__init__(**kwargs)
        self.p1_1 = nn.Conv2d(in_channels, c1, kernel_size=1)
        self.p2_1 = nn.Conv2d(in_channels, c2[0], kernel_size=1)
        self.p2_2 = nn.Conv2d(c2[0], c2[1], kernel_size=3, padding=1)
        self.p3_1 = nn.Conv2d(in_channels, c3[0], kernel_size=1)
        self.p3_2 = nn.Conv2d(c3[0], c3[1], kernel_size=5, padding=2)
        self.p4_1 = nn.MaxPool2d(kernel_size=3, stride=1, padding=1)
        self.p4_2 = nn.Conv2d(in_channels, c4, kernel_size=1)

    def forward(self, x):
        p1 = F.relu(self.p1_1(x))
        p2 = F.relu(self.p2_2(F.relu(self.p2_1(x))))
        p3 = F.relu(self.p3_2(F.relu(self.p3_1(x))))
        p4 = F.relu(self.p4_2(self.p4_1(x)))
        return torch.cat((p1, p2, p3, p4), dim=1)


def conv_block(input_channels, num_channels):
    return nn.Sequential(nn.BatchNorm2d(input_channels), nn.ReLU(),
                         nn.Conv2d(input_channels, num_channels, kernel_size=3, padding=1))


class DenseBlock(nn.Module):
    def __init__(self, num_convs, input_channels, num_channels):
        super(DenseBlock, self).__init__()
        layer = []
        for i in range(num_convs):
            layer.append(conv_block(num_channels * i + input_channels, num_channels))
        self.net = nn.Sequential(*layer)

    def forward(self, X):
        for blk in self.net:
            Y = blk(X)
            X = torch.cat((X, Y), dim=1)
        return X


def transition_block(input_channels, num_channels):
    return nn.Sequential(nn.BatchNorm2d(input_channels), nn.ReLU(),
                         nn.Conv2d(input_channels, num_channels, kernel_size=1), nn.AvgPool2d(kernel_size=2, stride=2))


torch.manual_seed(0)
alex = nn.Sequential(
    nn.Conv2d(1, 8, kernel_size=5, stride=2, padding=1), nn.ReLU(), nn.MaxPool2d(kernel_size=3, stride=2),
    nn.Conv2d(8, 16, kernel_size=3, padding=2), nn.ReLU(), nn.MaxPool2d(kernel_size=3, stride=2),
    nn.Flatten(), nn.Linear(16 * 4 * 4, 32), nn.ReLU(), nn.Dropout(p=0.5), nn.Linear(32, 10))
vggnet = vgg(((1, 4), (1, 8), (2, 16), (2, 16)))
nin = nn.Sequential(
    nin_block(1, 8, kernel_size=5, strides=2, padding=0), nn.MaxPool2d(3, stride=2),
    nin_block(8, 16, kernel_size=3, strides=1, padding=1), nn.MaxPool2d(3, stride=2),
    nn.Dropout(0.5), nin_block(16, 10, kernel_size=3, strides=1, padding=1),
    nn.AdaptiveAvgPool2d((1, 1)), nn.Flatten())
goog = nn.Sequential(nn.Conv2d(1, 8, kernel_size=3, stride=2, padding=1), nn.ReLU(),
                     nn.MaxPool2d(kernel_size=3, stride=2, padding=1),
                     Inception(8, 4, (4, 8), (2, 4), 4), Inception(20, 8, (8, 12), (2, 6), 6),
                     nn.AdaptiveAvgPool2d((1, 1)), nn.Flatten(), nn.Linear(32, 10))
blk = DenseBlock(2, 3, 10)
X = torch.randn(4, 3, 8, 8)
Y = blk(X)
print(Y.shape, transition_block(23, 10)(Y).shape)
dense = nn.Sequential(nn.Conv2d(1, 8, kernel_size=3, padding=1), nn.BatchNorm2d(8), nn.ReLU(),
                      DenseBlock(2, 8, 4), transition_block(16, 8), DenseBlock(2, 8, 4),
                      nn.BatchNorm2d(16), nn.ReLU(), nn.AdaptiveAvgPool2d((1, 1)), nn.Flatten(), nn.Linear(16, 10))
X = torch.randn(6, 1, 32, 32)
y = torch.randint(0, 10, (6,))
for name, net in (("alex", alex), ("vgg", vggnet), ("nin", nin), ("goog", goog), ("dense", dense)):
    Z = X
    shapes = []
    for layer in net:
        Z = layer(Z)
        shapes.append(tuple(Z.shape))
    print(name, shapes)
    print(name, sum(p.numel() for p in net.parameters()))
    opt = torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9)
    net.train()
    for step in range(2):
        l = F.cross_entropy(net(X), y)
        opt.zero_grad()
        l.backward()
        opt.step()
        print(name, step, f"{l.item():.5f}")
    net.eval()
    with torch.no_grad():
        print(name, net(X[:2]))
