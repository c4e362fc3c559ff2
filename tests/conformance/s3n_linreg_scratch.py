# Linear regression from scratch, the way course notebooks do it: manual parameters, manual updates
# under torch.no_grad, grad.zero_(), then the same with nn.Linear + SGD, and a closed-form check.
import torch

torch.manual_seed(42)
true_w = torch.tensor([2.0, -3.4])
true_b = 4.2
X = torch.normal(0, 1, (200, 2))
y = X @ true_w + true_b + torch.normal(0, 0.01, (200,))
y = y.reshape(-1, 1)
print("features:", X[0], "label:", y[0])
print(X.shape, y.shape, X.dtype)


def data_iter(batch_size, features, labels):
    n = len(features)
    idx = torch.randperm(n)
    for i in range(0, n, batch_size):
        j = idx[i:min(i + batch_size, n)]
        yield features[j], labels[j]


w = torch.normal(0, 0.01, size=(2, 1), requires_grad=True)
b = torch.zeros(1, requires_grad=True)
print(w.requires_grad, w.is_leaf, b.grad)


def linreg(X, w, b):
    return torch.matmul(X, w) + b


def squared_loss(y_hat, y):
    return (y_hat - y.reshape(y_hat.shape)) ** 2 / 2


def sgd(params, lr, batch_size):
    with torch.no_grad():
        for param in params:
            param -= lr * param.grad / batch_size
            param.grad.zero_()


lr, num_epochs, batch_size = 0.03, 3, 10
for epoch in range(num_epochs):
    for Xb, yb in data_iter(batch_size, X, y):
        l = squared_loss(linreg(Xb, w, b), yb)
        l.sum().backward()
        sgd([w, b], lr, batch_size)
    with torch.no_grad():
        train_l = squared_loss(linreg(X, w, b), y)
        print(f"epoch {epoch + 1}, loss {float(train_l.mean()):f}")
print("w error:", true_w - w.reshape(true_w.shape))
print("b error:", true_b - b)
print(w.grad, b.grad)

# variant: w.grad = None style and .data updates
torch.manual_seed(1)
w2 = torch.randn(2, requires_grad=True)
b2 = torch.randn(1, requires_grad=True)
for step in range(30):
    pred = X @ w2 + b2
    loss = ((pred - y.squeeze()) ** 2).mean()
    loss.backward()
    w2.data -= 0.1 * w2.grad.data
    b2.data = b2.data - 0.1 * b2.grad.data
    w2.grad = None
    b2.grad = None
    if step % 5 == 0:
        print(step, round(loss.item(), 4), w2.detach().numpy().round(3).tolist(), b2.item())

# nn.Linear + optimizer
model = torch.nn.Linear(2, 1)
model.weight.data.normal_(0, 0.01)
model.bias.data.fill_(0)
opt = torch.optim.SGD(model.parameters(), lr=0.03)
loss_fn = torch.nn.MSELoss()
ds = torch.utils.data.TensorDataset(X, y)
dl = torch.utils.data.DataLoader(ds, batch_size=10, shuffle=True)
for epoch in range(3):
    for Xb, yb in dl:
        loss = loss_fn(model(Xb), yb)
        opt.zero_grad()
        loss.backward()
        opt.step()
    print(f"epoch {epoch + 1}, loss {loss_fn(model(X), y).item():.6f}")
print(model.weight.data, model.bias.data)

# closed form
Xa = torch.cat([X, torch.ones(200, 1)], dim=1)
theta = torch.linalg.solve(Xa.T @ Xa, Xa.T @ y)
print(theta.squeeze())
theta2 = torch.linalg.lstsq(Xa, y).solution
print(theta2.squeeze())
print(torch.allclose(theta, theta2, atol=1e-4))
