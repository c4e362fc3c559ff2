# Linear classifiers from scratch: the perceptron algorithm, a soft-margin linear SVM trained by
# subgradient descent on the hinge loss (manual updates), Pegasos, and the squared-hinge variant.
import torch

torch.manual_seed(101)
n = 100
X = torch.cat([torch.randn(n // 2, 2) + 2.0, torch.randn(n // 2, 2) - 2.0])
y = torch.cat([torch.ones(n // 2), -torch.ones(n // 2)])
perm = torch.randperm(n)
X, y = X[perm], y[perm]
w = torch.zeros(2)
b = torch.zeros(())
for epoch in range(20):
    errors = 0
    for xi, yi in zip(X, y):
        if yi * (w @ xi + b) <= 0:
            w += yi * xi
            b += yi
            errors += 1
    print("epoch", epoch, "errors", errors)
    if errors == 0:
        break
print("perceptron", w, b, (torch.sign(X @ w + b) == y).float().mean())
C = 1.0
w = torch.zeros(2, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
for step in range(300):
    margins = y * (X @ w + b)
    loss = 0.5 * (w ** 2).sum() + C * torch.clamp(1 - margins, min=0).mean()
    loss.backward()
    with torch.no_grad():
        w -= 0.1 * w.grad
        b -= 0.1 * b.grad
        w.grad.zero_()
        b.grad.zero_()
    if step % 75 == 0:
        print(step, loss.item())
with torch.no_grad():
    margins = y * (X @ w + b)
    sv = (margins < 1 + 1e-3).nonzero().squeeze(1)
    print("svm", w, b, "margin", 2 / w.norm(), "support vectors", len(sv))
    print("hinge", torch.nn.functional.relu(1 - margins).mean(), torch.nn.functional.hinge_embedding_loss(
        -margins, -torch.ones(n), margin=1.0))
lam = 0.01
wp = torch.zeros(2)
for t in range(1, 1001):
    i = torch.randint(n, (1,)).item()
    eta = 1.0 / (lam * t)
    if y[i] * (wp @ X[i]) < 1:
        wp = (1 - eta * lam) * wp + eta * y[i] * X[i]
    else:
        wp = (1 - eta * lam) * wp
    wp = wp * min(1.0, (1 / lam ** 0.5) / wp.norm().item())
print("pegasos", wp, (torch.sign(X @ wp) == y).float().mean().item())
model = torch.nn.Linear(2, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.05, weight_decay=1e-3)
for epoch in range(100):
    opt.zero_grad()
    out = model(X).squeeze(1)
    loss = torch.clamp(1 - y * out, min=0).pow(2).mean()
    loss.backward()
    opt.step()
print("squared hinge", loss.item(), model.weight.data, model.bias.data)
print(torch.nn.functional.soft_margin_loss(model(X).squeeze(1), y).item())
print(torch.nn.MultiMarginLoss()(torch.stack([-model(X).squeeze(1), model(X).squeeze(1)], 1), (y > 0).long()).item())
