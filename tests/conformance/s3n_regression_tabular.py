# Tabular regression as in blog posts: standardisation with mean/std, train/test split via randperm,
# nn.Module regressor, L1/L2 regularisation added to the loss by hand, R^2 and MAE metrics, predictions.
import torch
import torch.nn as nn

torch.manual_seed(11)
N = 120
X = torch.cat([torch.rand(N, 1) * 50 + 10, torch.randint(1, 6, (N, 1)).float(), torch.randn(N, 1) * 3], 1)
y = (X[:, 0] * 3.0 + X[:, 1] * 20 - X[:, 2] * 5 + 15 + torch.randn(N) * 4).unsqueeze(1)
perm = torch.randperm(N)
tr, te = perm[:90], perm[90:]
mean, std = X[tr].mean(0), X[tr].std(0)
y_mean, y_std = y[tr].mean(), y[tr].std()
print(mean, std, y_mean.item(), y_std.item())
Xs = (X - mean) / std
ys = (y - y_mean) / y_std


class Regressor(nn.Module):
    def __init__(self, n_in, hidden=(16, 8)):
        super().__init__()
        layers, prev = [], n_in
        for h in hidden:
            layers += [nn.Linear(prev, h), nn.ELU()]
            prev = h
        layers.append(nn.Linear(prev, 1))
        self.net = nn.Sequential(*layers)

    def forward(self, x):
        return self.net(x)


model = Regressor(3)
print(model)
opt = torch.optim.Adam(model.parameters(), lr=0.01)
l1_lambda, l2_lambda = 1e-4, 1e-3
for epoch in range(1, 101):
    model.train()
    pred = model(Xs[tr])
    mse = nn.functional.mse_loss(pred, ys[tr])
    l1 = sum(p.abs().sum() for p in model.parameters())
    l2 = sum((p ** 2).sum() for p in model.parameters() if p.dim() > 1)
    loss = mse + l1_lambda * l1 + l2_lambda * l2
    opt.zero_grad()
    loss.backward()
    opt.step()
    if epoch % 20 == 0:
        print(f"Epoch {epoch:3d} | mse {mse.item():.5f} | l1 {l1.item():.3f} | l2 {l2.item():.3f}")
model.eval()
with torch.no_grad():
    pred = model(Xs[te]) * y_std + y_mean
    true = y[te]
    ss_res = ((true - pred) ** 2).sum()
    ss_tot = ((true - true.mean()) ** 2).sum()
    r2 = 1 - ss_res / ss_tot
    mae = (true - pred).abs().mean()
    rmse = torch.sqrt(((true - pred) ** 2).mean())
print(f"R^2 {r2.item():.4f} MAE {mae.item():.3f} RMSE {rmse.item():.3f}")
for p, t in zip(pred[:5].squeeze().tolist(), true[:5].squeeze().tolist()):
    print(f"pred {p:8.2f} true {t:8.2f} err {p - t:+.2f}")
new = torch.tensor([[30.0, 3.0, 0.0], [55.0, 1.0, -2.0]])
with torch.no_grad():
    print(model((new - mean) / std) * y_std + y_mean)
sgd_model = nn.Linear(3, 1)
opt = torch.optim.SGD(sgd_model.parameters(), lr=0.1, weight_decay=0.01)
for epoch in range(50):
    loss = nn.functional.mse_loss(sgd_model(Xs[tr]), ys[tr])
    opt.zero_grad()
    loss.backward()
    opt.step()
print(sgd_model.weight.data * y_std / std, (sgd_model.bias.data * y_std + y_mean - (sgd_model.weight.data * y_std / std * mean).sum()))
print(torch.corrcoef(torch.stack([pred.squeeze(), true.squeeze()]))[0, 1].item())
