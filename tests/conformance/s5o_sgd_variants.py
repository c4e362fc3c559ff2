# SGD options grid on a tiny linear regression: momentum, dampening, nesterov, weight_decay, maximize.
import torch
import torch.nn as nn

torch.manual_seed(0)
X = torch.randn(32, 3)
y = X @ torch.tensor([[2.0], [-1.0], [0.5]]) + 0.3


def train(**kw):
    torch.manual_seed(42)
    model = nn.Linear(3, 1)
    opt = torch.optim.SGD(model.parameters(), lr=0.05, **kw)
    losses = []
    for step in range(6):
        opt.zero_grad()
        loss = nn.functional.mse_loss(model(X), y)
        if kw.get("maximize"):
            (-loss).backward()
        else:
            loss.backward()
        opt.step()
        losses.append(round(loss.item(), 5))
    print(kw, losses)
    print("  w", model.weight.data.numpy().round(5), "b", model.bias.data.numpy().round(5))
    if kw.get("momentum"):
        buf = opt.state[model.weight]["momentum_buffer"]
        print("  momentum_buffer", buf.shape, buf.numpy().round(5))


train()
train(momentum=0.9)
train(momentum=0.9, dampening=0.5)
train(momentum=0.9, nesterov=True)
train(momentum=0.8, nesterov=True, weight_decay=0.1)
train(weight_decay=0.01)
train(momentum=0.5, maximize=True)
print(torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1, momentum=0.9, nesterov=True))
try:
    torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1, nesterov=True)
except ValueError as e:
    print("ValueError:", e)
try:
    torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=-0.1)
except ValueError as e:
    print("ValueError:", e)
try:
    torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1, momentum=-1)
except ValueError as e:
    print("ValueError:", e)
