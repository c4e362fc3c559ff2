# The canonical train_one_epoch / evaluate pair with model.train()/eval(), no_grad and inference_mode,
# dropout + batchnorm so the mode matters, running loss/accuracy accumulation and per-epoch summaries.
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
X = torch.randn(96, 5)
w = torch.randn(5, 3)
Y = (X @ w).argmax(1)
train_ds = TensorDataset(X[:64], Y[:64])
val_ds = TensorDataset(X[64:], Y[64:])
g = torch.Generator().manual_seed(0)
train_dl = DataLoader(train_ds, batch_size=16, shuffle=True, generator=g)
val_dl = DataLoader(val_ds, batch_size=16)
model = nn.Sequential(nn.Linear(5, 16), nn.BatchNorm1d(16), nn.ReLU(), nn.Dropout(0.2), nn.Linear(16, 3))
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)


def train_one_epoch(model, loader, optimizer, criterion, device="cpu"):
    model.train()
    running_loss, correct, total = 0.0, 0, 0
    for inputs, targets in loader:
        inputs, targets = inputs.to(device), targets.to(device)
        optimizer.zero_grad()
        outputs = model(inputs)
        loss = criterion(outputs, targets)
        loss.backward()
        optimizer.step()
        running_loss += loss.item() * inputs.size(0)
        _, predicted = outputs.max(1)
        total += targets.size(0)
        correct += predicted.eq(targets).sum().item()
    return running_loss / total, 100.0 * correct / total


@torch.no_grad()
def evaluate(model, loader, criterion):
    model.eval()
    loss_sum, correct, n = 0.0, 0, 0
    for inputs, targets in loader:
        outputs = model(inputs)
        loss_sum += criterion(outputs, targets).item() * len(targets)
        correct += (outputs.argmax(dim=1) == targets).sum().item()
        n += len(targets)
    return loss_sum / n, correct / n


for epoch in range(1, 5):
    tl, ta = train_one_epoch(model, train_dl, optimizer, criterion)
    vl, va = evaluate(model, val_dl, criterion)
    print(f"Epoch {epoch:02d} | train loss {tl:.4f} acc {ta:.2f}% | val loss {vl:.4f} acc {va:.4f}")
print(model.training, model[1].training, model[1].num_batches_tracked)
with torch.inference_mode():
    model.eval()
    p = model(X[64:70]).softmax(-1)
    print(p.requires_grad, torch.is_inference_mode_enabled(), torch.is_grad_enabled())
    print(p.round(decimals=4))
print(torch.is_inference_mode_enabled(), model[1].running_mean[:4])
