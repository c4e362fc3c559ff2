# count_parameters helpers and a hand-rolled model summary: named_modules / named_parameters with shapes,
# trainable vs total, parameter size in MB, a forward-hook output-shape table, tabulated with f-strings.
import torch
import torch.nn as nn


class ConvNet(nn.Module):
    def __init__(self, num_classes=10):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, 8, 3, padding=1), nn.BatchNorm2d(8), nn.ReLU(inplace=True), nn.MaxPool2d(2),
            nn.Conv2d(8, 16, 3, padding=1), nn.ReLU(inplace=True), nn.AdaptiveAvgPool2d((1, 1)))
        self.classifier = nn.Sequential(nn.Flatten(), nn.Dropout(0.5), nn.Linear(16, num_classes))

    def forward(self, x):
        return self.classifier(self.features(x))


def count_parameters(model):
    return sum(p.numel() for p in model.parameters() if p.requires_grad)


torch.manual_seed(0)
model = ConvNet()
print(f"The model has {count_parameters(model):,} trainable parameters")
total = sum(p.numel() for p in model.parameters())
print(f"Total params: {total:,} | buffers: {sum(b.numel() for b in model.buffers())}")
for name, p in model.named_parameters():
    print(f"{name:<28} {str(list(p.shape)):<16} {p.numel():>6} {p.requires_grad}")
print("-" * 40)
for name, m in model.named_modules():
    if name:
        n_own = sum(p.numel() for p in m.parameters(recurse=False))
        print(f"{name:<16} {m.__class__.__name__:<18} {n_own}")
param_size = sum(p.nelement() * p.element_size() for p in model.parameters())
buffer_size = sum(b.nelement() * b.element_size() for b in model.buffers())
print(f"model size: {(param_size + buffer_size) / 1024 ** 2:.4f} MB", param_size, buffer_size)
shapes = []
hooks = [m.register_forward_hook(lambda mod, inp, out: shapes.append((type(mod).__name__, tuple(out.shape))))
         for m in model.modules() if len(list(m.children())) == 0]
model.eval()
with torch.no_grad():
    out = model(torch.randn(2, 3, 8, 8))
for h in hooks:
    h.remove()
for cls, shp in shapes:
    print(f"{cls:>18} -> {shp}")
print(out.shape, len(shapes), len(model.features), len(list(model.children())))
print(sum(1 for _ in model.modules()), sum(1 for _ in model.named_parameters()), len(model.state_dict()))
for k, v in model.state_dict().items():
    print(k, tuple(v.shape), v.dtype)
