# Solving nonlinear systems with Newton-Raphson using autograd Jacobians (torch.autograd.functional,
# torch.func.jacrev/jacfwd), vmap over many starting points, and Gauss-Newton / Levenberg-Marquardt
# for nonlinear least squares (curve fitting an exponential decay).
import torch
from torch.autograd.functional import jacobian
from torch.func import jacfwd, jacrev, vmap

torch.set_default_dtype(torch.float64)


def F(v):
    x, y = v[0], v[1]
    return torch.stack([x ** 2 + y ** 2 - 4, torch.exp(x) + y - 1])


v = torch.tensor([1.0, -1.0])
for it in range(8):
    J = jacobian(F, v)
    v = v - torch.linalg.solve(J, F(v))
    print(it, v, F(v).norm().item())
print(torch.allclose(jacrev(F)(v), jacfwd(F)(v)), jacrev(F)(v))
starts = torch.tensor([[1.0, -1.0], [-2.0, 1.0], [-1.0, 1.5], [0.5, -2.0]])
V = starts.clone()
for it in range(12):
    Js = vmap(jacfwd(F))(V)
    V = V - torch.linalg.solve(Js, vmap(F)(V))
print("roots from several starts", V, vmap(F)(V).abs().max().item() < 1e-10)
torch.manual_seed(5)
t = torch.linspace(0, 4, 30)
y = 2.5 * torch.exp(-1.3 * t) + 0.5 + 0.02 * torch.randn(30)


def residuals(p):
    return p[0] * torch.exp(-p[1] * t) + p[2] - y


p = torch.tensor([1.0, 0.5, 0.0])
for it in range(10):
    J = jacobian(residuals, p)
    r = residuals(p)
    p = p - torch.linalg.lstsq(J, r.unsqueeze(1)).solution.squeeze(1)
print("gauss-newton", p, (residuals(p) ** 2).sum().item())
p = torch.tensor([1.0, 3.0, 1.0])
lam = 1e-2
cost = (residuals(p) ** 2).sum()
for it in range(30):
    J = jacrev(residuals)(p)
    r = residuals(p)
    A = J.T @ J
    step = torch.linalg.solve(A + lam * torch.diag(A.diagonal()), J.T @ r)
    new = p - step
    new_cost = (residuals(new) ** 2).sum()
    if new_cost < cost:
        p, cost, lam = new, new_cost, lam / 3
    else:
        lam = lam * 2
print("levenberg-marquardt", p, cost.item())
J = jacobian(residuals, p)
cov = torch.linalg.inv(J.T @ J) * cost / (30 - 3)
print("param std", cov.diagonal().sqrt())
