# The classic "MNIST tutorial" loop on synthetic 8x8 digits: DataLoader, running_loss, torch.max(outputs.data, 1),
# correct/total accounting, top-k accuracy, per-class accuracy, @torch.no_grad() evaluation helper.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
n_classes = 4
protos = torch.rand(n_classes, 1, 8, 8)
labels = torch.randint(0, n_classes, (96,))
images = protos[labels] + 0.3 * torch.randn(96, 1, 8, 8)
train_ds = TensorDataset(images[:64], labels[:64])
test_ds = TensorDataset(images[64:], labels[64:])
train_loader = DataLoader(train_ds, batch_size=16, shuffle=True)
test_loader = DataLoader(test_ds, batch_size=10, shuffle=False)
print(len(train_loader), len(test_loader), len(train_loader.dataset))


class Net(nn.Module):
    def __init__(self):
        super(Net, self).__init__()
        self.fc1 = nn.Linear(8 * 8, 32)
        self.fc2 = nn.Linear(32, 16)
        self.fc3 = nn.Linear(16, n_classes)

    def forward(self, x):
        x = x.view(-1, 8 * 8)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)


net = Net()
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9)


@torch.no_grad()
def evaluate(model, loader):
    model.eval()
    correct, total, loss_sum = 0, 0, 0.0
    for inputs, targets in loader:
        outputs = model(inputs)
        loss_sum += criterion(outputs, targets).item() * inputs.size(0)
        _, predicted = torch.max(outputs.data, 1)
        total += targets.size(0)
        correct += (predicted == targets).sum().item()
    return loss_sum / total, 100 * correct / total


for epoch in range(4):
    net.train()
    running_loss = 0.0
    for i, data in enumerate(train_loader, 0):
        inputs, targets = data
        optimizer.zero_grad()
        outputs = net(inputs)
        loss = criterion(outputs, targets)
        loss.backward()
        optimizer.step()
        running_loss += loss.item()
        if i % 2 == 1:
            print(f"[{epoch + 1}, {i + 1:5d}] loss: {running_loss / 2:.3f}")
            running_loss = 0.0
    test_loss, acc = evaluate(net, test_loader)
    print(f"Epoch {epoch + 1}: test loss {test_loss:.4f}, accuracy {acc:.1f}%")
print("Finished Training")

class_correct = [0] * n_classes
class_total = [0] * n_classes
with torch.no_grad():
    for inputs, targets in test_loader:
        outputs = net(inputs)
        _, predicted = torch.max(outputs, 1)
        c = (predicted == targets).squeeze()
        for i in range(targets.size(0)):
            label = targets[i]
            class_correct[label] += c[i].item()
            class_total[label] += 1
for i in range(n_classes):
    print("Accuracy of class %d : %2d %% (%d)" % (i, 100 * class_correct[i] / max(class_total[i], 1), class_total[i]))
with torch.no_grad():
    logits = net(images[64:])
    top2 = logits.topk(2, dim=1).indices
    print(top2[:5], (top2 == labels[64:].unsqueeze(1)).any(1).float().mean().item())
    probs = F.softmax(logits, dim=1)
    conf, pred = probs.max(dim=1)
    print(conf[:5], pred[:5])
    cm = torch.bincount(labels[64:] * n_classes + pred, minlength=n_classes ** 2).reshape(n_classes, n_classes)
    print(cm)
    print(cm.diag() / cm.sum(1).clamp(min=1), cm.trace().item() / cm.sum().item())
print(net.fc1.weight.data[0, :4], net.fc3.bias.data)
