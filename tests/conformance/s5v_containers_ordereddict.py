# Containers the way people build vision models: nn.Sequential from an OrderedDict (named layers), indexing,
# slicing, len, append/insert/extend, del, iterating; ModuleList of conv stages and ModuleDict of heads /
# activations selected by key; reprs, state_dict keys, named_children and model surgery (replacing a layer).
from collections import OrderedDict

import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(OrderedDict([
    ("conv1", nn.Conv2d(1, 4, 3)),
    ("relu1", nn.ReLU()),
    ("pool", nn.MaxPool2d(2)),
    ("flatten", nn.Flatten()),
    ("fc", nn.Linear(4 * 3 * 3, 2)),
]))
print(model)
print(model.conv1, model[0] is model.conv1, len(model), model[-1])
print(model[:3])
print(type(model[1:]).__name__, list(model.state_dict().keys()))
x = torch.randn(2, 1, 8, 8)
print(model(x))
print([name for name, _ in model.named_children()])
model.fc = nn.Linear(36, 5)
print(model(x).shape, model[-1])
model.add_module("softmax", nn.Softmax(dim=1))
print(model(x).sum(dim=1), len(model))
del model[-1]
print(len(model), list(model._modules.keys()))
seq = nn.Sequential(nn.Linear(3, 3))
seq.append(nn.ReLU())
seq.insert(0, nn.Identity())
seq.extend([nn.Linear(3, 1), nn.Sigmoid()])
print(seq)
print(seq.pop(1), len(seq))


class MultiStage(nn.Module):
    def __init__(self, channels=(1, 4, 8, 8)):
        super().__init__()
        self.stages = nn.ModuleList([nn.Conv2d(cin, cout, 3, padding=1) for cin, cout in zip(channels[:-1], channels[1:])])
        self.acts = nn.ModuleDict({"relu": nn.ReLU(), "lrelu": nn.LeakyReLU(0.1), "gelu": nn.GELU()})
        self.heads = nn.ModuleDict({"cls": nn.Linear(8, 3), "reg": nn.Linear(8, 1)})

    def forward(self, x, act="relu", head="cls"):
        feats = []
        for i, stage in enumerate(self.stages):
            x = self.acts[act](stage(x))
            feats.append(x.mean().item())
        return self.heads[head](x.mean(dim=(2, 3))), feats


net = MultiStage()
print(net)
for act in ["relu", "lrelu", "gelu"]:
    out, feats = net(x, act=act)
    print(act, out, [f"{f:.5f}" for f in feats])
print(net(x, head="reg")[0].shape, list(net.heads.keys()), "cls" in net.heads, len(net.acts))
print([k for k in net.state_dict().keys()])
for k, m in net.heads.items():
    print(k, m.out_features)
net.stages.append(nn.Conv2d(8, 8, 1))
net.heads.update({"extra": nn.Linear(8, 7)})
print(len(net.stages), list(net.heads), net.stages[-1], net.stages[1:][0])
print(sum(p.numel() for p in net.parameters()))
try:
    net.heads["missing"]
except KeyError as e:
    print("KeyError:", e)
try:
    model[10]
except IndexError as e:
    print("IndexError:", e)
try:
    nn.ModuleList([nn.ReLU(), "not a module"])
except TypeError as e:
    print("TypeError:", e)
