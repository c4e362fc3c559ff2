# Transfer-learning style fine-tuning: a "pretrained" CNN backbone frozen with requires_grad_(False),
# a new head, optimizer over filter(lambda p: p.requires_grad, ...), then unfreezing the last block with
# discriminative learning rates via param groups, checking which weights changed, BN kept in eval mode,
# and printing optimizer.param_groups / state.
import torch
import torch.nn as nn

torch.manual_seed(0)
backbone = nn.Sequential(
    nn.Conv2d(3, 8, 3, padding=1), nn.BatchNorm2d(8), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(8, 16, 3, padding=1), nn.BatchNorm2d(16), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten())


class FineTuner(nn.Module):
    def __init__(self, backbone, num_classes):
        super().__init__()
        self.backbone = backbone
        self.head = nn.Linear(16, num_classes)

    def forward(self, x):
        return self.head(self.backbone(x))


model = FineTuner(backbone, 3)
for param in model.backbone.parameters():
    param.requires_grad = False
print([n for n, p in model.named_parameters() if p.requires_grad])
print(sum(p.numel() for p in model.parameters() if p.requires_grad), sum(p.numel() for p in model.parameters()))
optimizer = torch.optim.SGD(filter(lambda p: p.requires_grad, model.parameters()), lr=0.1, momentum=0.9)
x = torch.randn(12, 3, 8, 8)
y = torch.randint(0, 3, (12,))
before = {k: v.clone() for k, v in model.state_dict().items()}
crit = nn.CrossEntropyLoss()
for epoch in range(3):
    optimizer.zero_grad()
    loss = crit(model(x), y)
    loss.backward()
    optimizer.step()
    print(epoch, f"{loss.item():.5f}", model.backbone[0].weight.grad is None, model.head.weight.grad.norm().item() > 0)
after = model.state_dict()
print([k for k in before if not torch.equal(before[k], after[k])])

model.backbone[4].requires_grad_(True)
model.backbone[5].requires_grad_(True)
for m in model.backbone.modules():
    if isinstance(m, nn.BatchNorm2d):
        m.eval()
optimizer = torch.optim.Adam([
    {"params": model.backbone[4].parameters(), "lr": 1e-4},
    {"params": model.backbone[5].parameters(), "lr": 1e-4, "weight_decay": 0.0},
    {"params": model.head.parameters()},
], lr=1e-2, weight_decay=1e-3)
for g in optimizer.param_groups:
    print({k: v for k, v in g.items() if k != "params"}, [tuple(p.shape) for p in g["params"]])
before = {k: v.clone() for k, v in model.state_dict().items()}
for epoch in range(3):
    optimizer.zero_grad()
    loss = crit(model(x), y)
    loss.backward()
    optimizer.step()
    print(epoch, f"{loss.item():.5f}")
after = model.state_dict()
print([k for k in before if not torch.equal(before[k], after[k])])
print(model.backbone[1].training, model.backbone[5].training, model.training)
print(len(optimizer.state), sorted(optimizer.state_dict()["state"][0].keys()),
      optimizer.state_dict()["param_groups"][2]["params"])
for g in optimizer.param_groups:
    g["lr"] *= 0.1
print([g["lr"] for g in optimizer.param_groups])
try:
    torch.optim.SGD([{"params": model.head.parameters()}, {"params": model.head.parameters()}], lr=0.1)
except ValueError as e:
    print("ValueError:", e)
