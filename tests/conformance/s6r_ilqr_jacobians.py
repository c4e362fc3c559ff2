# iLQR on a cart-pole-like system: dynamics Jacobians with torch.autograd.functional.jacobian and
# torch.func.jacrev, cost Hessians with torch.func.hessian, the backward pass with torch.linalg.solve and
# regularised Quu, a forward pass with line search, and the cost decrease per iteration.
import torch
from torch.autograd.functional import jacobian
from torch.func import hessian, jacrev

torch.set_default_dtype(torch.float64)
torch.manual_seed(0)
dt = 0.05


def dyn(x, u):
    p, v, th, om = x[0], x[1], x[2], x[3]
    acc = u[0] - 0.5 * torch.sin(th) * om ** 2
    alpha = 9.8 * torch.sin(th) - acc * torch.cos(th)
    return torch.stack([p + dt * v, v + dt * acc, th + dt * om, om + dt * alpha])


def step_cost(x, u):
    return 0.1 * (x ** 2).sum() + 2.0 * x[2] ** 2 + 0.01 * (u ** 2).sum()


def final_cost(x):
    return 10.0 * (x ** 2).sum()


H = 15
x0 = torch.tensor([0.0, 0.0, 0.3, 0.0])
U = torch.zeros(H, 1)


def rollout(U):
    xs = [x0]
    for t in range(H):
        xs.append(dyn(xs[-1], U[t]))
    X = torch.stack(xs)
    return X, sum(step_cost(X[t], U[t]) for t in range(H)) + final_cost(X[-1])


X, J = rollout(U)
print("J0", J.item())
A0, B0 = jacobian(dyn, (X[0], U[0]))
A1, B1 = jacrev(dyn, argnums=(0, 1))(X[0], U[0])
print(A0, B0.T, torch.allclose(A0, A1), torch.allclose(B0, B1))
mu = 1e-3
for it in range(4):
    ks, Ks = [], []
    Vx = jacrev(final_cost)(X[-1])
    Vxx = hessian(final_cost)(X[-1])
    for t in reversed(range(H)):
        A, B = jacobian(dyn, (X[t], U[t]))
        lx, lu = jacrev(step_cost, argnums=(0, 1))(X[t], U[t])
        (lxx, lxu), (lux, luu) = hessian(step_cost, argnums=(0, 1))(X[t], U[t])
        Qx = lx + A.T @ Vx
        Qu = lu + B.T @ Vx
        Qxx = lxx + A.T @ Vxx @ A
        Quu = luu + B.T @ Vxx @ B + mu * torch.eye(1)
        Qux = lux + B.T @ Vxx @ A
        k = -torch.linalg.solve(Quu, Qu)
        K = -torch.linalg.solve(Quu, Qux)
        Vx = Qx + K.T @ Quu @ k + K.T @ Qu + Qux.T @ k
        Vxx = Qxx + K.T @ Quu @ K + K.T @ Qux + Qux.T @ K
        Vxx = 0.5 * (Vxx + Vxx.T)
        ks.insert(0, k)
        Ks.insert(0, K)
    for a in (1.0, 0.5, 0.25, 0.125):
        xn, Un = x0, []
        for t in range(H):
            un = U[t] + a * ks[t] + Ks[t] @ (xn - X[t])
            Un.append(un)
            xn = dyn(xn, un)
        Xn, Jn = rollout(torch.stack(Un))
        if Jn < J:
            break
    X, U, J = Xn, torch.stack(Un), Jn
    print(it, a, f"{J.item():.8f}", U[:3].flatten())
print(X[-1])
