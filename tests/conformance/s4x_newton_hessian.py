# Newton's method with autograd Hessians, gradient descent on analytic functions, manual updates in no_grad.
import torch
from torch.autograd.functional import hessian, jacobian


def himmel(p):
    return (p[0] ** 2 + p[1] - 11) ** 2 + (p[0] + p[1] ** 2 - 7) ** 2


p = torch.tensor([3.5, 2.5], dtype=torch.float64)
for it in range(6):
    g = jacobian(himmel, p)
    H = hessian(himmel, p)
    p = p - torch.linalg.solve(H, g)
    print(it, p, himmel(p).item())
q = torch.tensor([-2.0, 2.0], requires_grad=True)
for it in range(200):
    loss = himmel(q)
    loss.backward()
    with torch.no_grad():
        q -= 0.005 * q.grad
        q.grad.zero_()
    if it % 40 == 0:
        print(it, f"{loss.item():.5f}", q.detach())
print(q, himmel(q))
x = torch.tensor([0.0, 0.0], requires_grad=True)
A = torch.tensor([[5.0, 1.0], [1.0, 2.0]])
b = torch.tensor([1.0, -1.0])
for it in range(50):
    f = 0.5 * x @ A @ x - b @ x
    (g,) = torch.autograd.grad(f, x)
    with torch.no_grad():
        alpha = (g @ g) / (g @ A @ g)
        x.sub_(alpha * g)
print(x, torch.linalg.solve(A, b))
w = torch.zeros(3, requires_grad=True)
data = torch.linspace(-1, 1, 20)
target = 2 * data ** 2 - data + 0.5
feats = torch.stack([data ** 2, data, torch.ones_like(data)], 1)
for it in range(300):
    loss = ((feats @ w - target) ** 2).mean()
    w.grad = None
    loss.backward()
    w.data.add_(w.grad, alpha=-0.5)
print(w, loss)
(gg,) = torch.autograd.grad(((feats @ w - target) ** 2).mean(), w, create_graph=True)
Hw = torch.stack([torch.autograd.grad(gg[i], w, retain_graph=True)[0] for i in range(3)])
print(Hw, 2 * feats.T @ feats / 20)
