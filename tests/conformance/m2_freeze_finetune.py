# Transfer-learning style: freeze a backbone, replace the head, param groups with different lr.
import torch
import torch.nn as nn

torch.manual_seed(12)


class Backbone(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(3, 6, 3, padding=1), nn.ReLU(), nn.AdaptiveAvgPool2d((2, 2)))
        self.classifier = nn.Linear(24, 10)

    def forward(self, x):
        return self.classifier(torch.flatten(self.features(x), 1))


model = Backbone()
for param in model.parameters():
    param.requires_grad = False
model.classifier = nn.Linear(24, 3)
print(model)
trainable = [n for n, p in model.named_parameters() if p.requires_grad]
print(trainable, sum(p.numel() for p in model.parameters() if p.requires_grad),
      sum(p.numel() for p in model.parameters()))
opt = torch.optim.SGD(filter(lambda p: p.requires_grad, model.parameters()), lr=0.1, momentum=0.9)
x, t = torch.randn(10, 3, 5, 5), torch.randint(0, 3, (10,))
w_before = model.features[0].weight.clone()
for step in range(5):
    loss = nn.functional.cross_entropy(model(x), t)
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(step, round(loss.item(), 5))
print(torch.equal(w_before, model.features[0].weight), model.features[0].weight.grad)
model.features.requires_grad_(True)
opt = torch.optim.Adam([
    {"params": model.features.parameters(), "lr": 1e-4},
    {"params": model.classifier.parameters()},
], lr=1e-2)
print([g["lr"] for g in opt.param_groups], [len(g["params"]) for g in opt.param_groups])
for step in range(5):
    loss = nn.functional.cross_entropy(model(x), t)
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(step, round(loss.item(), 5))
print((w_before - model.features[0].weight).abs().max().item())
opt.param_groups[1]["lr"] = 0.5
print([g["lr"] for g in opt.param_groups])
extra = nn.Parameter(torch.zeros(3))
opt.add_param_group({"params": [extra], "lr": 0.2, "weight_decay": 0.1})
print(len(opt.param_groups), opt.param_groups[2]["betas"], opt.param_groups[2]["weight_decay"])
for p in model.classifier.parameters():
    p.requires_grad_(False)
loss = nn.functional.cross_entropy(model(x) + extra, t)
opt.zero_grad()
loss.backward()
print(model.classifier.weight.grad, extra.grad)
opt.step()
print(extra)
with torch.no_grad():
    model.classifier.weight.mul_(0.5)
print(model.classifier.weight.requires_grad, model.classifier.weight.is_leaf)
opt.zero_grad(set_to_none=False)
print(extra.grad, model.features[0].bias.grad)
