# Transfer-learning style: a "pretrained" backbone, freeze it with requires_grad_(False), replace the
# head, optimize only the head, then unfreeze the last block with a smaller lr param group.
import torch
import torch.nn as nn
import torch.optim as optim
from torch.optim import lr_scheduler


class Backbone(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, 8, 3, padding=1), nn.BatchNorm2d(8), nn.ReLU(inplace=True), nn.MaxPool2d(2),
            nn.Conv2d(8, 16, 3, padding=1), nn.BatchNorm2d(16), nn.ReLU(inplace=True),
            nn.AdaptiveAvgPool2d((1, 1)))
        self.fc = nn.Linear(16, 1000)

    def forward(self, x):
        return self.fc(torch.flatten(self.features(x), 1))


torch.manual_seed(0)
model_ft = Backbone()
pre = {k: v.clone() for k, v in model_ft.state_dict().items()}
for param in model_ft.parameters():
    param.requires_grad = False
num_ftrs = model_ft.fc.in_features
model_ft.fc = nn.Linear(num_ftrs, 2)
print(model_ft.fc, num_ftrs)
print(sum(p.numel() for p in model_ft.parameters()), sum(p.numel() for p in model_ft.parameters() if p.requires_grad))
criterion = nn.CrossEntropyLoss()
optimizer_conv = optim.SGD(model_ft.fc.parameters(), lr=0.01, momentum=0.9)
exp_lr_scheduler = lr_scheduler.StepLR(optimizer_conv, step_size=2, gamma=0.1)
x = torch.randn(16, 3, 8, 8)
y = (x.mean((1, 2, 3)) > 0).long()
for epoch in range(5):
    model_ft.train()
    optimizer_conv.zero_grad()
    with torch.set_grad_enabled(True):
        outputs = model_ft(x)
        _, preds = torch.max(outputs, 1)
        loss = criterion(outputs, y)
        loss.backward()
        optimizer_conv.step()
    exp_lr_scheduler.step()
    running_corrects = torch.sum(preds == y.data)
    print(epoch, f"{loss.item():.5f}", running_corrects.item(), running_corrects.double() / len(y),
          exp_lr_scheduler.get_last_lr())
print(model_ft.features[0].weight.grad, torch.equal(pre["features.0.weight"], model_ft.features[0].weight))
print(torch.equal(pre["features.1.running_mean"], model_ft.features[1].running_mean))

for p in model_ft.features[4].parameters():
    p.requires_grad_(True)
opt = optim.Adam([
    {"params": model_ft.fc.parameters()},
    {"params": model_ft.features[4].parameters(), "lr": 1e-4},
], lr=1e-3)
print([g["lr"] for g in opt.param_groups], [len(g["params"]) for g in opt.param_groups])
model_ft.eval()
for step in range(4):
    opt.zero_grad()
    loss = criterion(model_ft(x), y)
    loss.backward()
    opt.step()
    print(step, f"{loss.item():.5f}", model_ft.features[4].bias.grad.abs().sum() > 0)
print(model_ft.features[4].bias, model_ft.fc.bias)
print([n for n, p in model_ft.named_parameters() if p.requires_grad])
