# Logistic regression and polynomial fitting by hand: no optimizer, updates under no_grad, grad.zero_().
import torch

torch.manual_seed(0)
X = torch.randn(100, 2)
true_w = torch.tensor([2.0, -3.0])
y = (X @ true_w + 0.5 > 0).float()
w = torch.zeros(2, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
lr = 0.5
for it in range(200):
    logits = X @ w + b
    loss = torch.nn.functional.binary_cross_entropy_with_logits(logits, y)
    loss.backward()
    with torch.no_grad():
        w -= lr * w.grad
        b -= lr * b.grad
    w.grad.zero_()
    b.grad.zero_()
    if it % 50 == 0:
        print(it, round(loss.item(), 5))
acc = ((X @ w + b > 0).float() == y).float().mean()
print(w, b, acc)

xs = torch.linspace(-1, 1, 30)
ys = 0.5 * xs ** 3 - xs + 0.2
coef = torch.zeros(4, requires_grad=True)
feats = torch.stack([xs ** k for k in range(4)], dim=1)
for _ in range(500):
    pred = feats @ coef
    loss = ((pred - ys) ** 2).mean()
    g, = torch.autograd.grad(loss, coef)
    coef.data -= 0.3 * g
print(coef.detach(), loss.item())
W = torch.randn(3, 3, requires_grad=True)
for _ in range(3):
    out = (W @ W.T).trace()
    out.backward()
    W.data.add_(W.grad, alpha=-0.1)
    W.grad = None
print(W)
