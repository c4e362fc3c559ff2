# Shape debugging prints inside a CNN forward, the way people trace shapes.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class Net(nn.Module):
    def __init__(self, fc_in):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 4, 3)
        self.pool = nn.MaxPool2d(2)
        self.conv2 = nn.Conv2d(4, 8, 3)
        self.fc = nn.Linear(fc_in, 10)

    def forward(self, x):
        print("input", x.shape)
        x = self.pool(F.relu(self.conv1(x)))
        print("after conv1/pool", x.shape)
        x = self.pool(F.relu(self.conv2(x)))
        print("after conv2/pool", x.shape)
        x = x.view(x.size(0), -1)
        print("flattened", x.shape)
        return self.fc(x)


x = torch.randn(2, 1, 28, 28)
try:
    Net(16 * 5 * 5)(x)
except RuntimeError as e:
    print("RuntimeError", e)
out = Net(8 * 5 * 5)(x)
print(out.shape)
try:
    Net(200)(torch.randn(2, 3, 28, 28))
except RuntimeError as e:
    print("RuntimeError", e)
try:
    Net(200)(torch.randn(28, 28))
except RuntimeError as e:
    print("RuntimeError", e)
print(Net(200)(torch.randn(1, 28, 28)).shape if False else "skip")
y = torch.randn(2, 4, 6, 6).permute(0, 2, 3, 1)
try:
    y.view(2, -1)
except RuntimeError as e:
    print("RuntimeError", e)
print(y.reshape(2, -1).shape, y.contiguous().view(2, -1).shape, y.flatten(1).shape)
try:
    nn.Linear(10, 2)(torch.randn(2, 3, 10).transpose(1, 2))
except RuntimeError as e:
    print("RuntimeError", e)
print(nn.Linear(10, 2)(torch.randn(2, 3, 10)).shape)
try:
    F.max_pool2d(torch.randn(1, 1, 1, 1), 2)
except RuntimeError as e:
    print("RuntimeError", e)
try:
    nn.BatchNorm2d(4)(torch.randn(2, 3, 5, 5))
except RuntimeError as e:
    print("RuntimeError", e)
try:
    nn.BatchNorm2d(4)(torch.randn(2, 4, 5))
except ValueError as e:
    print("ValueError", e)
try:
    nn.Conv1d(3, 4, 2)(torch.randn(2, 5, 3))
except RuntimeError as e:
    print("RuntimeError", e)
