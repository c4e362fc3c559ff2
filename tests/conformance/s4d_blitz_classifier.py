# 60-minute blitz "Training a classifier": the CIFAR Net on random 3x32x32 images with a fake loader,
# running_loss printed every few minibatches, class accuracy, per-class accuracy dict and saving.
import io

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 6, 5)
        self.pool = nn.MaxPool2d(2, 2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.conv2(x)))
        x = torch.flatten(x, 1)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        x = self.fc3(x)
        return x


torch.manual_seed(0)
classes = ("plane", "car", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck")
images = (torch.rand(48, 3, 32, 32) - 0.5) / 0.5
labels = torch.randint(0, 10, (48,))
trainset = torch.utils.data.TensorDataset(images[:40], labels[:40])
testset = torch.utils.data.TensorDataset(images[40:], labels[40:])
trainloader = torch.utils.data.DataLoader(trainset, batch_size=4, shuffle=True, num_workers=0)
testloader = torch.utils.data.DataLoader(testset, batch_size=4, shuffle=False, num_workers=0)
dataiter = iter(trainloader)
imgs, labs = next(dataiter)
print(" ".join(f"{classes[labs[j]]:5s}" for j in range(4)))
print(imgs.shape, imgs.min() >= -1, imgs.max() <= 1)
net = Net()
criterion = nn.CrossEntropyLoss()
optimizer = optim.SGD(net.parameters(), lr=0.001, momentum=0.9)
for epoch in range(2):
    running_loss = 0.0
    for i, data in enumerate(trainloader, 0):
        inputs, labels_b = data
        optimizer.zero_grad()
        outputs = net(inputs)
        loss = criterion(outputs, labels_b)
        loss.backward()
        optimizer.step()
        running_loss += loss.item()
        if i % 5 == 4:
            print(f"[{epoch + 1}, {i + 1:5d}] loss: {running_loss / 5:.3f}")
            running_loss = 0.0
print("Finished Training")
buf = io.BytesIO()
torch.save(net.state_dict(), buf)
dataiter = iter(testloader)
imgs, labs = next(dataiter)
print("GroundTruth: ", " ".join(f"{classes[labs[j]]:5s}" for j in range(4)))
net = Net()
buf.seek(0)
net.load_state_dict(torch.load(buf, weights_only=True))
outputs = net(imgs)
_, predicted = torch.max(outputs, 1)
print("Predicted: ", " ".join(f"{classes[predicted[j]]:5s}" for j in range(4)))
correct = 0
total = 0
with torch.no_grad():
    for data in testloader:
        images_b, labels_b = data
        outputs = net(images_b)
        _, predicted = torch.max(outputs.data, 1)
        total += labels_b.size(0)
        correct += (predicted == labels_b).sum().item()
print(f"Accuracy of the network on the {total} test images: {100 * correct // total} %")
correct_pred = {classname: 0 for classname in classes}
total_pred = {classname: 0 for classname in classes}
with torch.no_grad():
    for data in trainloader:
        images_b, labels_b = data
        outputs = net(images_b)
        _, predictions = torch.max(outputs, 1)
        for label, prediction in zip(labels_b, predictions):
            if label == prediction:
                correct_pred[classes[label]] += 1
            total_pred[classes[label]] += 1
for classname, correct_count in correct_pred.items():
    if total_pred[classname]:
        accuracy = 100 * float(correct_count) / total_pred[classname]
        print(f"Accuracy for class: {classname:5s} is {accuracy:.1f} %")
print(outputs.softmax(1)[0], F.softmax(outputs, dim=1).sum(1))
