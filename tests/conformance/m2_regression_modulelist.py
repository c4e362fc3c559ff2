# Regression with nn.Sequential and a custom Module using ModuleList / ModuleDict.
import torch
import torch.nn as nn

torch.manual_seed(3)
X = torch.linspace(-2, 2, 64).unsqueeze(1)
y = X.pow(3) - 0.5 * X + 0.1 * torch.randn(X.size())

seq = nn.Sequential(nn.Linear(1, 16), nn.Tanh(), nn.Linear(16, 1))
print(seq)
print(seq[0], seq[-1], len(seq))


class DeepMLP(nn.Module):
    def __init__(self, sizes):
        super().__init__()
        self.layers = nn.ModuleList([nn.Linear(a, b) for a, b in zip(sizes[:-1], sizes[1:])])
        self.acts = nn.ModuleDict({"relu": nn.ReLU(), "tanh": nn.Tanh()})

    def forward(self, x, act="tanh"):
        for i, layer in enumerate(self.layers):
            x = layer(x)
            if i < len(self.layers) - 1:
                x = self.acts[act](x)
        return x


mlp = DeepMLP([1, 12, 12, 1])
print(mlp)
print("trainable:", sum(p.numel() for p in mlp.parameters() if p.requires_grad))
print([n for n, _ in mlp.named_parameters()])
print(list(mlp.acts.keys()), len(mlp.layers))
for name, model in [("seq", seq), ("mlp", mlp)]:
    opt = torch.optim.Adam(model.parameters(), lr=0.02)
    loss_fn = nn.MSELoss()
    for epoch in range(60):
        pred = model(X)
        loss = loss_fn(pred, y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        if epoch % 10 == 0:
            print(name, epoch, round(loss.item(), 5))
    with torch.no_grad():
        print(name, "final", loss_fn(model(X), y).item())
        print(model(torch.tensor([[0.5], [1.5]])))
print(mlp(X[:3], act="relu"))
mlp.layers.append(nn.Linear(1, 1))
print(len(mlp.layers), mlp.layers[-1].weight.shape)
mlp.acts["sig"] = nn.Sigmoid()
print(mlp.acts)
print(list(dict(mlp.named_children()).keys()))
print(list(seq.state_dict().keys()))
