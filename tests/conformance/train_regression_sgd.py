# Regression with an MLP trained by SGD with momentum, full batch.
import torch
import torch.nn as nn

torch.manual_seed(0)
x = torch.randn(64, 3)
w_true = torch.tensor([[1.5], [-2.0], [0.5]])
y = x @ w_true + 0.3 + 0.1 * torch.randn(64, 1)

model = nn.Sequential(nn.Linear(3, 16), nn.Tanh(), nn.Linear(16, 1))
opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
loss_fn = nn.MSELoss()
for epoch in range(60):
    opt.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    opt.step()
    if epoch % 10 == 0:
        print(f"epoch {epoch:3d} loss {loss.item():.6f}")
print("final", loss.item())
print(model[0].weight.grad.norm())
with torch.no_grad():
    pred = model(x[:4])
print(pred)
print(pred.shape, pred.dtype, pred.requires_grad)
