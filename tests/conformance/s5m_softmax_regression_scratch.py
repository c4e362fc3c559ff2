# Softmax regression from scratch: hand-written softmax and cross-entropy via fancy indexing,
# one-hot with scatter_, SGD updates with .data, accuracy and confusion matrix.
import torch
import torch.nn.functional as F

torch.manual_seed(3)
num_inputs, num_outputs, n = 4, 3, 150
centers = torch.randn(num_outputs, num_inputs) * 2
labels = torch.randint(0, num_outputs, (n,))
X = centers[labels] + torch.randn(n, num_inputs)


def softmax(X):
    X_exp = torch.exp(X - X.max(dim=1, keepdim=True).values)
    partition = X_exp.sum(1, keepdim=True)
    return X_exp / partition


def cross_entropy(y_hat, y):
    return -torch.log(y_hat[range(len(y_hat)), y])


def accuracy(y_hat, y):
    if len(y_hat.shape) > 1 and y_hat.shape[1] > 1:
        y_hat = y_hat.argmax(axis=1)
    cmp = y_hat.type(y.dtype) == y
    return float(cmp.type(y.dtype).sum())


W = torch.normal(0, 0.01, size=(num_inputs, num_outputs), requires_grad=True)
b = torch.zeros(num_outputs, requires_grad=True)
print(softmax(torch.tensor([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]])))
for epoch in range(30):
    for i in range(0, n, 25):
        xb, yb = X[i:i + 25], labels[i:i + 25]
        y_hat = softmax(xb @ W + b)
        l = cross_entropy(y_hat, yb).mean()
        l.backward()
        W.data -= 0.1 * W.grad.data
        b.data -= 0.1 * b.grad.data
        W.grad.data.zero_()
        b.grad.data.zero_()
    if epoch % 10 == 9:
        with torch.no_grad():
            out = X @ W + b
            print(epoch + 1, cross_entropy(softmax(out), labels).mean().item(),
                  F.cross_entropy(out, labels).item(), accuracy(out, labels) / n)
one_hot = torch.zeros(n, num_outputs).scatter_(1, labels.unsqueeze(1), 1.0)
print(one_hot[:4], torch.equal(one_hot.long(), F.one_hot(labels, num_outputs)))
with torch.no_grad():
    P = softmax(X @ W + b)
    print(-(one_hot * P.log()).sum(1).mean())
    pred = P.argmax(1)
    conf = torch.zeros(num_outputs, num_outputs, dtype=torch.int64)
    for t, p in zip(labels, pred):
        conf[t, p] += 1
    print(conf)
    print(W, b)
    print(P.sum(1)[:3], P.max(1))
