# Polynomial regression: Vandermonde features, least-squares fits of growing degree, train/test
# error (under/over-fitting), then gradient descent on a degree-3 model with manual updates.
import math

import torch

torch.manual_seed(7)
max_degree = 8
n_train, n_test = 30, 30
true_w = torch.zeros(max_degree)
true_w[0:4] = torch.tensor([5, 1.2, -3.4, 5.6])
x = torch.rand(n_train + n_test, 1) * 2 - 1
poly = torch.pow(x, torch.arange(max_degree).reshape(1, -1))
for i in range(max_degree):
    poly[:, i] /= math.gamma(i + 1)
labels = poly @ true_w + torch.randn(n_train + n_test) * 0.1
print(x[:2].T, poly[:2], labels[:2])
xt = x.squeeze().double()
yt = labels.double()
for deg in range(1, 8):
    V = torch.vander(xt[:n_train], N=deg + 1, increasing=True)
    coef = torch.linalg.lstsq(V, yt[:n_train].unsqueeze(1)).solution.squeeze(1)
    Vte = torch.vander(xt[n_train:], N=deg + 1, increasing=True)
    tr = ((V @ coef - yt[:n_train]) ** 2).mean()
    te = ((Vte @ coef - yt[n_train:]) ** 2).mean()
    print(f"degree {deg}: train {tr:.5f} test {te:.5f}")
print(torch.vander(torch.tensor([1, 2, 3])), torch.vander(torch.tensor([1., 2.]), N=4))
w = torch.zeros(4, requires_grad=True)
feats = poly[:n_train, :4]
for step in range(400):
    loss = ((feats @ w - labels[:n_train]) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        w -= 0.1 * w.grad
    w.grad.zero_()
    if step % 100 == 0:
        print(step, loss.item())
print("weight:", w.detach().numpy().round(3))
coeffs = torch.tensor([1.0, -2.0, 0.5])
xs = torch.linspace(-2, 2, 5)
horner = torch.zeros_like(xs)
for c in coeffs:
    horner = horner * xs + c
print(horner, horner.dtype)
