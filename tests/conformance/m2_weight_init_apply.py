# Weight init through model.apply with nn.init, then checking statistics.
import torch
import torch.nn as nn

torch.manual_seed(7)


def init_weights(m):
    if isinstance(m, nn.Linear):
        torch.nn.init.xavier_uniform_(m.weight)
        m.bias.data.fill_(0.01)
    elif isinstance(m, nn.Conv2d):
        nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
        if m.bias is not None:
            nn.init.zeros_(m.bias)
    elif isinstance(m, nn.BatchNorm2d):
        nn.init.constant_(m.weight, 1)
        nn.init.constant_(m.bias, 0)


model = nn.Sequential(
    nn.Conv2d(3, 8, 3), nn.BatchNorm2d(8), nn.ReLU(),
    nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 2))
model.apply(init_weights)
for name, p in model.named_parameters():
    print(name, tuple(p.shape), round(p.mean().item(), 5), round(p.std().item(), 5) if p.numel() > 1 else None)
w = torch.empty(64, 32)
nn.init.normal_(w, mean=0.0, std=0.02)
print(w.mean().item(), w.std().item())
nn.init.trunc_normal_(w, std=0.02, a=-0.04, b=0.04)
print(w.min().item() >= -0.04, w.max().item() <= 0.04, w.std().item())
nn.init.orthogonal_(w)
print((w.T @ w - torch.eye(32)).abs().max().item() < 1e-4)
nn.init.kaiming_uniform_(w, a=5 ** 0.5)
print(w.abs().max().item())
nn.init.uniform_(w, -0.1, 0.1)
print(w.mean().item())
print(nn.init.calculate_gain("relu"), nn.init.calculate_gain("leaky_relu", 0.2), nn.init.calculate_gain("tanh"))
nn.init.eye_(w)
print(w.sum().item())
nn.init.xavier_normal_(w, gain=nn.init.calculate_gain("tanh"))
print(w.std().item())
x = torch.randn(4, 3, 6, 6)
model.eval()
print(model(x))


class Custom(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(10, 4)
        self.fc = nn.Linear(4, 3)
        self._init()

    def _init(self):
        for m in self.modules():
            if isinstance(m, nn.Embedding):
                nn.init.normal_(m.weight, std=0.1)
            elif isinstance(m, nn.Linear):
                nn.init.kaiming_uniform_(m.weight, nonlinearity="linear")
                nn.init.constant_(m.bias, 0.5)


c = Custom()
print(c.emb.weight.sum().item(), c.fc.weight.sum().item(), c.fc.bias)
print([type(m).__name__ for m in c.modules()])
