# Control and simulation with autograd: a differentiable pendulum rolled out with RK4 and optimised open-loop
# by Adam and by LBFGS (closure, strong_wolfe), finite-horizon LQR by a backward Riccati recursion with
# torch.linalg.solve, and a Kalman filter with cholesky / solve_triangular on a constant-velocity target.
import torch

torch.manual_seed(0)
dt, g, l = 0.05, 9.81, 1.0


def f(s, u):
    th, om = s[0], s[1]
    return torch.stack([om, -g / l * torch.sin(th) + u - 0.1 * om])


def rk4(s, u):
    k1 = f(s, u)
    k2 = f(s + 0.5 * dt * k1, u)
    k3 = f(s + 0.5 * dt * k2, u)
    k4 = f(s + dt * k3, u)
    return s + dt / 6 * (k1 + 2 * k2 + 2 * k3 + k4)


def cost(U):
    s = torch.tensor([0.5, 0.0])
    c = 0.0
    for t in range(U.shape[0]):
        s = rk4(s, U[t])
        c = c + s[0] ** 2 + 0.1 * s[1] ** 2 + 0.01 * U[t] ** 2
    return c


U = torch.zeros(20, requires_grad=True)
opt = torch.optim.Adam([U], lr=0.3)
for it in range(15):
    opt.zero_grad()
    c = cost(U)
    c.backward()
    opt.step()
    if it % 5 == 0:
        print("adam", it, f"{c.item():.5f}", f"{U.grad.norm().item():.5f}")
U2 = torch.zeros(20, requires_grad=True)
lbfgs = torch.optim.LBFGS([U2], lr=1, max_iter=20, line_search_fn="strong_wolfe")


def closure():
    lbfgs.zero_grad()
    c = cost(U2)
    c.backward()
    return c


for it in range(2):
    c = lbfgs.step(closure)
    print("lbfgs", it, f"{c.item():.5f}", f"{cost(U2).item():.5f}")
print(U2.detach()[:5])

A = torch.tensor([[1.0, dt], [0.0, 1.0]], dtype=torch.float64)
B = torch.tensor([[0.0], [dt]], dtype=torch.float64)
Q = torch.diag(torch.tensor([1.0, 0.1], dtype=torch.float64))
R = torch.tensor([[0.01]], dtype=torch.float64)
P = Q.clone()
Ks = []
for t in range(30):
    K = torch.linalg.solve(R + B.T @ P @ B, B.T @ P @ A)
    P = Q + A.T @ P @ (A - B @ K)
    Ks.append(K)
print(K, P)
x = torch.tensor([[1.0], [0.0]], dtype=torch.float64)
for K in reversed(Ks):
    x = (A - B @ K) @ x
print(x.T, torch.linalg.matrix_power(A - B @ Ks[-1], 20).norm(), torch.linalg.matrix_norm(A - B @ Ks[-1], ord=2))

F_ = torch.tensor([[1.0, 1.0], [0.0, 1.0]])
H = torch.tensor([[1.0, 0.0]])
Qn, Rn = 0.01 * torch.eye(2), torch.tensor([[0.5]])
xs, zs = [], []
truth = torch.tensor([0.0, 1.0])
for t in range(10):
    truth = F_ @ truth
    zs.append(H @ truth + 0.7 * torch.randn(1))
m, Pk = torch.zeros(2), torch.eye(2)
for z in zs:
    m, Pk = F_ @ m, F_ @ Pk @ F_.T + Qn
    S = H @ Pk @ H.T + Rn
    L = torch.linalg.cholesky(S)
    Kt = torch.cholesky_solve((H @ Pk).contiguous(), L).T
    m = m + Kt @ (z - H @ m)
    Pk = (torch.eye(2) - Kt @ H) @ Pk
    xs.append(m.clone())
print(torch.stack(xs), Pk)
Lp = torch.linalg.cholesky(Pk)
print(torch.linalg.solve_triangular(Lp, torch.ones(2, 1), upper=False).T)
