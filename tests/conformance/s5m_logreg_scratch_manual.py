# Logistic regression from scratch: hand-written sigmoid / BCE, full-batch gradient descent,
# compared with the built-in losses and with a manual gradient formula.
import torch
import torch.nn.functional as F

torch.manual_seed(1)
n = 120
X0 = torch.randn(n // 2, 2) + torch.tensor([-1.5, -1.0])
X1 = torch.randn(n // 2, 2) + torch.tensor([1.5, 1.0])
X = torch.cat([X0, X1])
y = torch.cat([torch.zeros(n // 2), torch.ones(n // 2)])
mu, sd = X.mean(0), X.std(0)
X = (X - mu) / sd
print(mu, sd)


def sigmoid(z):
    return 1 / (1 + torch.exp(-z))


def bce(p, t, eps=1e-7):
    p = p.clamp(eps, 1 - eps)
    return -(t * torch.log(p) + (1 - t) * torch.log(1 - p)).mean()


w = torch.zeros(2, requires_grad=True)
b = torch.tensor(0.0, requires_grad=True)
lr = 0.5
for epoch in range(101):
    p = sigmoid(X @ w + b)
    loss = bce(p, y)
    loss.backward()
    manual_gw = X.T @ (p.detach() - y) / n
    with torch.no_grad():
        if epoch % 20 == 0:
            print(epoch, round(loss.item(), 6), torch.allclose(w.grad, manual_gw, atol=1e-6))
        w -= lr * w.grad
        b -= lr * b.grad
        w.grad.zero_()
        b.grad.zero_()
with torch.no_grad():
    logits = X @ w + b
    print("weights", w, "bias", b)
    print("builtin bce", F.binary_cross_entropy(torch.sigmoid(logits), y).item())
    print("with logits", F.binary_cross_entropy_with_logits(logits, y).item())
    pred = (logits > 0).float()
    acc = (pred == y).float().mean()
    print(f"accuracy: {acc:.4f}")
    tp = ((pred == 1) & (y == 1)).sum().item()
    fp = ((pred == 1) & (y == 0)).sum().item()
    fn = ((pred == 0) & (y == 1)).sum().item()
    print("precision", tp / (tp + fp), "recall", tp / (tp + fn))
    probs = torch.sigmoid(logits)
    order = probs.argsort(descending=True)
    print(probs[order[:5]], y[order[:5]])
    grid = torch.stack(torch.meshgrid(torch.linspace(-2, 2, 3), torch.linspace(-2, 2, 3), indexing="ij"), -1)
    print(torch.sigmoid(grid.reshape(-1, 2) @ w + b).reshape(3, 3))
