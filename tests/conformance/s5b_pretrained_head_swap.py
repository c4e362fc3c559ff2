# "Load pretrained weights, replace the head" boilerplate: partial state_dict loading filtered by shape,
# model.fc = nn.Linear(in_features, n), named_children surgery, differential learning rates, and
# printing which keys were loaded / skipped.
import io

import torch
import torch.nn as nn


class Backbone(nn.Module):
    def __init__(self, num_classes=10):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(3, 6, 3), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten())
        self.fc = nn.Linear(6, num_classes)

    def forward(self, x):
        return self.fc(self.features(x))


torch.manual_seed(0)
pretrained = Backbone(num_classes=10)
buf = io.BytesIO()
torch.save(pretrained.state_dict(), buf)
buf.seek(0)
pretrained_dict = torch.load(buf, map_location="cpu")
model = Backbone(num_classes=4)
model_dict = model.state_dict()
filtered = {k: v for k, v in pretrained_dict.items() if k in model_dict and v.size() == model_dict[k].size()}
skipped = sorted(set(pretrained_dict) - set(filtered))
model_dict.update(filtered)
model.load_state_dict(model_dict)
print("loaded", sorted(filtered), "skipped", skipped)
print(torch.equal(model.features[0].weight, pretrained.features[0].weight), model.fc.out_features)
num_ftrs = model.fc.in_features
model.fc = nn.Sequential(nn.Dropout(0.2), nn.Linear(num_ftrs, 3))
print(model.fc, num_ftrs)
for name, child in model.named_children():
    print(name, type(child).__name__, sum(p.numel() for p in child.parameters()))
for name, module in list(model.features.named_children()):
    if isinstance(module, nn.ReLU):
        setattr(model.features, name, nn.LeakyReLU(0.1))
print(model.features)
params = [{"params": model.features.parameters(), "lr": 1e-4}, {"params": model.fc.parameters(), "lr": 1e-2}]
opt = torch.optim.SGD(params, momentum=0.9)
print([(len(g["params"]), g["lr"], g["momentum"]) for g in opt.param_groups])
x = torch.randn(4, 3, 6, 6)
y = torch.tensor([0, 1, 2, 1])
for step in range(3):
    opt.zero_grad()
    loss = nn.functional.cross_entropy(model(x), y)
    loss.backward()
    opt.step()
    print(step, f"{loss.item():.5f}", f"{model.fc[1].weight.grad.norm():.5f}")
res = model.load_state_dict(pretrained_dict, strict=False)
print(res)
try:
    model.load_state_dict({"fc.weight": torch.zeros(10, 6)}, strict=False)
except RuntimeError as e:
    print(str(e).splitlines()[0])
