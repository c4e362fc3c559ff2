# Logistic regression and softmax regression from scratch: sigmoid + manual BCE, softmax + manual
# cross-entropy with one-hot targets, accuracy, and the same with built-in losses.
import torch
import torch.nn.functional as F

torch.manual_seed(0)
n = 100
x0 = torch.randn(n, 2) + torch.tensor([2.0, 2.0])
x1 = torch.randn(n, 2) + torch.tensor([-2.0, -2.0])
X = torch.cat([x0, x1])
y = torch.cat([torch.zeros(n), torch.ones(n)])
print(X.shape, y.shape, y.sum())

w = torch.zeros(2, 1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
for epoch in range(100):
    z = X @ w + b
    p = torch.sigmoid(z).squeeze(1)
    loss = -(y * torch.log(p + 1e-7) + (1 - y) * torch.log(1 - p + 1e-7)).mean()
    loss.backward()
    with torch.no_grad():
        w -= 0.1 * w.grad
        b -= 0.1 * b.grad
    w.grad.zero_()
    b.grad.zero_()
    if epoch % 20 == 0:
        acc = ((p > 0.5).float() == y).float().mean()
        print(f"epoch {epoch:3d} loss {loss.item():.4f} acc {acc.item():.3f}")
print(w.squeeze(), b)
with torch.no_grad():
    probs = torch.sigmoid(X @ w + b).squeeze()
    print(probs[:5], probs[-5:])
    print(F.binary_cross_entropy(probs, y).item(), F.binary_cross_entropy_with_logits((X @ w + b).squeeze(), y).item())

# softmax regression, 3 classes
torch.manual_seed(3)
centers = torch.tensor([[0.0, 3.0], [3.0, -2.0], [-3.0, -2.0]])
labels = torch.randint(0, 3, (150,))
feats = centers[labels] + 0.8 * torch.randn(150, 2)
print(torch.bincount(labels))
W = torch.normal(0, 0.01, size=(2, 3), requires_grad=True)
bb = torch.zeros(3, requires_grad=True)


def softmax(X):
    X_exp = torch.exp(X)
    partition = X_exp.sum(1, keepdim=True)
    return X_exp / partition


def cross_entropy(y_hat, y):
    return -torch.log(y_hat[range(len(y_hat)), y])


def accuracy(y_hat, y):
    if len(y_hat.shape) > 1 and y_hat.shape[1] > 1:
        y_hat = y_hat.argmax(axis=1)
    cmp = y_hat.type(y.dtype) == y
    return float(cmp.type(y.dtype).sum())


for epoch in range(60):
    y_hat = softmax(feats @ W + bb)
    l = cross_entropy(y_hat, labels)
    l.mean().backward()
    with torch.no_grad():
        W -= 0.5 * W.grad
        bb -= 0.5 * bb.grad
        W.grad.zero_()
        bb.grad.zero_()
    if epoch % 10 == 9:
        print(epoch + 1, round(l.mean().item(), 5), accuracy(y_hat, labels) / len(labels))
onehot = F.one_hot(labels, num_classes=3).float()
logits = feats @ W + bb
manual = -(onehot * F.log_softmax(logits, dim=1)).sum(dim=1).mean()
print(manual.item(), F.cross_entropy(logits, labels).item(), F.nll_loss(F.log_softmax(logits, 1), labels).item())
print(softmax(logits[:3]), F.softmax(logits[:3], dim=-1))
print(onehot[:4], onehot.dtype, F.one_hot(torch.tensor([2, 0])).shape)
pred = logits.argmax(dim=1)
conf = torch.zeros(3, 3, dtype=torch.long)
for t, p in zip(labels, pred):
    conf[t, p] += 1
print(conf)
print((pred == labels).float().mean().item(), (pred == labels).sum().item())
