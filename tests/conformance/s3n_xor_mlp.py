# The XOR MLP every intro shows, with Sigmoid/Tanh, BCELoss vs BCEWithLogitsLoss, and printing predictions.
import torch
import torch.nn as nn

X = torch.tensor([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
Y = torch.tensor([[0.0], [1.0], [1.0], [0.0]])

torch.manual_seed(2)
model = nn.Sequential(nn.Linear(2, 4), nn.Tanh(), nn.Linear(4, 1), nn.Sigmoid())
print(model)
print(model[0].weight, model[0].bias)
crit = nn.BCELoss()
opt = torch.optim.SGD(model.parameters(), lr=0.5, momentum=0.9)
for epoch in range(1, 301):
    opt.zero_grad()
    out = model(X)
    loss = crit(out, Y)
    loss.backward()
    opt.step()
    if epoch % 50 == 0:
        print(f"Epoch [{epoch}/300], Loss: {loss.item():.4f}")
with torch.no_grad():
    out = model(X)
    print(out)
    print((out > 0.5).float().squeeze().tolist(), (out.round() == Y).all().item())


class XORNet(nn.Module):
    def __init__(self):
        super(XORNet, self).__init__()
        self.hidden = nn.Linear(2, 8)
        self.act = nn.ReLU()
        self.out = nn.Linear(8, 1)

    def forward(self, x):
        return self.out(self.act(self.hidden(x)))


torch.manual_seed(5)
net = XORNet()
print(net)
opt = torch.optim.Adam(net.parameters(), lr=0.05)
lossf = nn.BCEWithLogitsLoss()
history = []
for epoch in range(200):
    logits = net(X)
    loss = lossf(logits, Y)
    opt.zero_grad()
    loss.backward()
    opt.step()
    history.append(loss.item())
print([round(h, 4) for h in history[::25]])
net.eval()
with torch.no_grad():
    p = torch.sigmoid(net(X))
print(p.squeeze(), p.round().squeeze().int())
for name, param in net.named_parameters():
    print(name, tuple(param.shape), param.requires_grad, round(param.norm().item(), 4))
print(sum(p.numel() for p in net.parameters() if p.requires_grad))
for inp in X:
    print(inp.tolist(), "->", int(torch.sigmoid(net(inp)).item() > 0.5))
