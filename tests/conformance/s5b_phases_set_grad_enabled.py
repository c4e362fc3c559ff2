# The transfer-learning tutorial loop: dataloaders/dataset_sizes dicts, for phase in ['train', 'val'],
# torch.set_grad_enabled(phase == 'train'), running_corrects as tensors, best_model_wts deepcopy,
# and the summary prints with .double() division.
import copy

import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
X = torch.randn(80, 6)
Y = (X[:, :3].sum(1) > 0).long()
image_datasets = {"train": TensorDataset(X[:60], Y[:60]), "val": TensorDataset(X[60:], Y[60:])}
dataloaders = {x: DataLoader(image_datasets[x], batch_size=16, shuffle=(x == "train"),
                             generator=torch.Generator().manual_seed(1)) for x in ["train", "val"]}
dataset_sizes = {x: len(image_datasets[x]) for x in ["train", "val"]}
print(dataset_sizes)
model = nn.Sequential(nn.Linear(6, 10), nn.ReLU(), nn.Dropout(0.1), nn.Linear(10, 2))
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=2, gamma=0.1)
best_model_wts = copy.deepcopy(model.state_dict())
best_acc = 0.0
for epoch in range(4):
    print(f"Epoch {epoch}/{3}")
    print("-" * 10)
    for phase in ["train", "val"]:
        model.train() if phase == "train" else model.eval()
        running_loss = 0.0
        running_corrects = 0
        for inputs, labels in dataloaders[phase]:
            optimizer.zero_grad()
            with torch.set_grad_enabled(phase == "train"):
                outputs = model(inputs)
                _, preds = torch.max(outputs, 1)
                loss = criterion(outputs, labels)
                if phase == "train":
                    loss.backward()
                    optimizer.step()
            running_loss += loss.item() * inputs.size(0)
            running_corrects += torch.sum(preds == labels.data)
        if phase == "train":
            scheduler.step()
        epoch_loss = running_loss / dataset_sizes[phase]
        epoch_acc = running_corrects.double() / dataset_sizes[phase]
        print(f"{phase} Loss: {epoch_loss:.4f} Acc: {epoch_acc:.4f}")
        if phase == "val" and epoch_acc > best_acc:
            best_acc = epoch_acc
            best_model_wts = copy.deepcopy(model.state_dict())
print(f"Best val Acc: {best_acc:4f}", type(best_acc).__name__, best_acc.dtype, running_corrects)
model.load_state_dict(best_model_wts)
print(torch.is_grad_enabled(), optimizer.param_groups[0]["lr"])
with torch.set_grad_enabled(False):
    print(model(X[:2]).requires_grad)
torch.set_grad_enabled(True)
print(torch.is_grad_enabled())
