# Time-series forecasting blog classic: sliding windows over a noisy sine wave, an LSTM regressor with
# batch_first and a Linear head on the last step, MSE per epoch with DataLoader(shuffle=True), eval RMSE,
# and an autoregressive multi-step forecast feeding predictions back in.
import math

import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
t = torch.linspace(0, 8 * math.pi, 200)
series = torch.sin(t) + 0.05 * torch.randn(200)
window = 12
X = torch.stack([series[i:i + window] for i in range(len(series) - window)]).unsqueeze(-1)
y = series[window:].unsqueeze(-1)
print(X.shape, y.shape)
split = int(0.8 * len(X))
train_ds = TensorDataset(X[:split], y[:split])
loader = DataLoader(train_ds, batch_size=32, shuffle=True)


class LSTMRegressor(nn.Module):
    def __init__(self, hidden=16, layers=1):
        super().__init__()
        self.lstm = nn.LSTM(input_size=1, hidden_size=hidden, num_layers=layers, batch_first=True)
        self.linear = nn.Linear(hidden, 1)

    def forward(self, x):
        out, _ = self.lstm(x)
        return self.linear(out[:, -1, :])


model = LSTMRegressor()
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
loss_fn = nn.MSELoss()
for epoch in range(5):
    model.train()
    running = 0.0
    for xb, yb in loader:
        pred = model(xb)
        loss = loss_fn(pred, yb)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        running += loss.item() * xb.size(0)
    model.eval()
    with torch.no_grad():
        test_rmse = torch.sqrt(loss_fn(model(X[split:]), y[split:]))
    print(f"Epoch {epoch}: train MSE {running / len(train_ds):.5f}, test RMSE {test_rmse:.5f}")
with torch.no_grad():
    hist = X[-1:].clone()
    preds = []
    for _ in range(10):
        nxt = model(hist)
        preds.append(nxt.item())
        hist = torch.cat([hist[:, 1:], nxt.unsqueeze(1)], dim=1)
print([round(p, 4) for p in preds])
print(hist.shape, hist.squeeze()[-3:])
