# A first CNN, course style: classify synthetic 16x16 images (horizontal bars vs vertical bars vs
# blobs) with Conv2d/ReLU/MaxPool2d/Linear, CrossEntropyLoss + SGD momentum, accuracy per epoch,
# model summary (repr, parameter counts), eval under torch.no_grad() and argmax predictions.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


def make_images(n):
    labels = torch.randint(0, 3, (n,))
    imgs = torch.randn(n, 1, 16, 16) * 0.3
    for i in range(n):
        k = labels[i].item()
        pos = torch.randint(2, 14, (1,)).item()
        if k == 0:
            imgs[i, 0, pos, :] += 2.0
        elif k == 1:
            imgs[i, 0, :, pos] += 2.0
        else:
            imgs[i, 0, pos - 2:pos + 1, pos - 2:pos + 1] += 2.0
    return imgs, labels


class SmallCNN(nn.Module):
    def __init__(self, num_classes=3):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 8, kernel_size=3, padding=1)
        self.conv2 = nn.Conv2d(8, 16, kernel_size=3, padding=1)
        self.pool = nn.MaxPool2d(2, 2)
        self.fc1 = nn.Linear(16 * 4 * 4, 32)
        self.fc2 = nn.Linear(32, num_classes)

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.conv2(x)))
        x = torch.flatten(x, 1)
        x = F.relu(self.fc1(x))
        return self.fc2(x)


X, y = make_images(96)
Xte, yte = make_images(48)
model = SmallCNN()
print(model)
total = sum(p.numel() for p in model.parameters())
trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
print(f"Total params: {total:,} trainable: {trainable:,}")
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
for epoch in range(5):
    model.train()
    running_loss, correct = 0.0, 0
    perm = torch.randperm(len(X))
    for i in range(0, len(X), 16):
        idx = perm[i:i + 16]
        inputs, labels = X[idx], y[idx]
        optimizer.zero_grad()
        outputs = model(inputs)
        loss = criterion(outputs, labels)
        loss.backward()
        optimizer.step()
        running_loss += loss.item() * inputs.size(0)
        _, predicted = torch.max(outputs.data, 1)
        correct += (predicted == labels).sum().item()
    model.eval()
    with torch.no_grad():
        test_out = model(Xte)
        test_acc = (test_out.argmax(dim=1) == yte).float().mean().item()
    print(f"Epoch [{epoch + 1}/5] loss: {running_loss / len(X):.4f} train acc: {100 * correct / len(X):.2f}% "
          f"test acc: {100 * test_acc:.2f}%")
with torch.no_grad():
    probs = F.softmax(model(Xte[:4]), dim=1)
print(probs)
print(probs.sum(dim=1), probs.argmax(1), yte[:4])
print(model.conv1.weight.shape, model.conv1.weight.grad.shape, model.fc2.bias)
