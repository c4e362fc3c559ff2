# manual training loops: grad accumulation, zero_ vs None, in-place updates in no_grad, momentum by hand.
import torch

torch.manual_seed(0)
X = torch.randn(32, 3)
y = (X @ torch.tensor([1.0, -2.0, 0.5]) + 0.3).unsqueeze(1)
W = torch.zeros(3, 1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
vel = [torch.zeros_like(W), torch.zeros_like(b)]
for epoch in range(20):
    for i in range(0, 32, 8):
        xb, yb = X[i:i + 8], y[i:i + 8]
        loss = ((xb @ W + b - yb) ** 2).mean() / 4
        loss.backward()
    with torch.no_grad():
        for p, v in zip((W, b), vel):
            v.mul_(0.9).add_(p.grad)
            p.sub_(0.1 * v)
            p.grad.zero_()
    if epoch % 6 == 0:
        print(epoch, ((X @ W + b - y) ** 2).mean().item())
print(W.squeeze(), b)
print(W.grad, W.grad.abs().sum())
W.grad = None
print(W.grad)
lin = torch.nn.Linear(3, 1)
opt = torch.optim.SGD(lin.parameters(), lr=0.05)
for step in range(4):
    opt.zero_grad(set_to_none=(step % 2 == 0))
    l = torch.nn.functional.mse_loss(lin(X), y)
    l.backward()
    print(step, lin.bias.grad, l.item())
    opt.step()
with torch.no_grad():
    lin.weight.copy_(torch.tensor([[1.0, -2.0, 0.5]]))
    lin.bias.fill_(0.3)
print(torch.nn.functional.mse_loss(lin(X), y).item(), lin.weight.requires_grad)
p = torch.nn.Parameter(torch.tensor([1.0, 2.0]))
for i in range(3):
    loss = (p ** 2).sum()
    loss.backward()
print(p.grad)
with torch.no_grad():
    p.data = p.data * 0
    p *= 5
print(p, p.grad, p.requires_grad)
torch.nn.init.constant_(p, 3.0)
print(p)
w2 = torch.ones(2, requires_grad=True)
with torch.no_grad():
    w2[0] = 5.0
print(w2, w2.is_leaf)
