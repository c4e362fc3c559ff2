# A small CNN (Conv2d, BatchNorm2d, MaxPool2d, Dropout) trained on random 8x8 images.
import torch
import torch.nn as nn
import torch.nn.functional as F


class SmallCNN(nn.Module):
    def __init__(self, n_classes=3):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 4, kernel_size=3, padding=1)
        self.bn1 = nn.BatchNorm2d(4)
        self.conv2 = nn.Conv2d(4, 8, 3, stride=1, padding=1, bias=False)
        self.pool = nn.MaxPool2d(2)
        self.drop = nn.Dropout(0.25)
        self.fc = nn.Linear(8 * 2 * 2, n_classes)

    def forward(self, x):
        x = self.pool(F.relu(self.bn1(self.conv1(x))))
        x = self.pool(F.relu(self.conv2(x)))
        x = self.drop(torch.flatten(x, 1))
        return self.fc(x)


model = SmallCNN()
print(model)
images = torch.randn(12, 1, 8, 8)
targets = torch.randint(0, 3, (12,))
opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, weight_decay=1e-4)
for epoch in range(5):
    model.train()
    opt.zero_grad()
    loss = F.cross_entropy(model(images), targets)
    loss.backward()
    opt.step()
    print(epoch, round(loss.item(), 5))
model.eval()
with torch.no_grad():
    out = model(images[:3])
print(out)
print(model.bn1.running_mean, model.bn1.running_var, model.bn1.num_batches_tracked)
print(model.conv1.weight.grad.shape, model.fc.weight.grad.abs().sum())
