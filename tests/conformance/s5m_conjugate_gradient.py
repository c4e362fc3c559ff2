# Iterative linear solvers: conjugate gradient and Jacobi-preconditioned CG on an SPD system (2-D
# Poisson matrix built with kron), Jacobi and Gauss-Seidel iterations, power iteration and Rayleigh
# quotients, and the condition number's effect on convergence.
import torch

torch.set_default_dtype(torch.float64)
m = 8
T = 2 * torch.eye(m) - torch.diag(torch.ones(m - 1), 1) - torch.diag(torch.ones(m - 1), -1)
A = torch.kron(torch.eye(m), T) + torch.kron(T, torch.eye(m))
n = A.shape[0]
torch.manual_seed(1)
b = torch.randn(n)
x_true = torch.linalg.solve(A, b)
print(A.shape, torch.linalg.cond(A).item(), torch.linalg.eigvalsh(A)[[0, -1]])


def cg(A, b, M_inv=None, tol=1e-10, maxiter=500):
    x = torch.zeros_like(b)
    r = b - A @ x
    z = r if M_inv is None else M_inv * r
    p = z.clone()
    rz = r @ z
    for k in range(maxiter):
        Ap = A @ p
        alpha = rz / (p @ Ap)
        x = x + alpha * p
        r = r - alpha * Ap
        if r.norm() < tol * b.norm():
            return x, k + 1
        z = r if M_inv is None else M_inv * r
        rz_new = r @ z
        p = z + (rz_new / rz) * p
        rz = rz_new
    return x, maxiter


x, its = cg(A, b)
print("cg", its, (x - x_true).norm().item() < 1e-8)
D = torch.diag(torch.linspace(1, 100, n))
A2 = A + D
x2, its2 = cg(A2, b)
x3, its3 = cg(A2, b, M_inv=1 / A2.diagonal())
print("plain", its2, "jacobi-pcg", its3, (x2 - x3).norm().item() < 1e-8)
d = A.diagonal()
R = A - torch.diag(d)
x = torch.zeros(n)
for k in range(200):
    x = (b - R @ x) / d
print("jacobi err", (x - x_true).norm().item())
Lt = torch.tril(A)
U = A - Lt
x = torch.zeros(n)
for k in range(100):
    x = torch.linalg.solve_triangular(Lt, (b - U @ x).unsqueeze(1), upper=False).squeeze(1)
print("gauss-seidel err", (x - x_true).norm().item())
v = torch.ones(n) / n ** 0.5
for k in range(300):
    v = A @ v
    v = v / v.norm()
print("power iteration", (v @ A @ v).item(), torch.linalg.eigvalsh(A)[-1].item())
shift = 0.0
v = torch.ones(n)
LU = torch.linalg.lu_factor(A - shift * torch.eye(n))
for k in range(50):
    v = torch.linalg.lu_solve(*LU, v.unsqueeze(1)).squeeze(1)
    v = v / v.norm()
print("inverse iteration", (v @ A @ v).item(), torch.linalg.eigvalsh(A)[0].item())
