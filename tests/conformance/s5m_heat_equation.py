# Finite differences for the 1-D heat equation: explicit scheme with conv1d as the Laplacian stencil,
# implicit (backward Euler) with a tridiagonal solve, Crank-Nicolson, and inverse-problem fitting of
# the diffusion coefficient through the explicit solver.
import math

import torch
import torch.nn.functional as F

nx = 41
dx = 1.0 / (nx - 1)
x = torch.linspace(0, 1, nx, dtype=torch.float64)
u0 = torch.sin(math.pi * x) + 0.5 * torch.sin(3 * math.pi * x)
alpha = 0.1
dt = 0.4 * dx ** 2 / alpha
steps = 100
T = dt * steps
exact = (torch.sin(math.pi * x) * math.exp(-alpha * math.pi ** 2 * T)
         + 0.5 * torch.sin(3 * math.pi * x) * math.exp(-alpha * 9 * math.pi ** 2 * T))
stencil = torch.tensor([[[1.0, -2.0, 1.0]]], dtype=torch.float64)


def explicit(u, a, steps):
    for _ in range(steps):
        lap = F.conv1d(u.view(1, 1, -1), stencil).view(-1) / dx ** 2
        inner = u[1:-1] + dt * a * lap
        u = F.pad(inner, (1, 1))
    return u


ue = explicit(u0, alpha, steps)
print("explicit err", (ue - exact).abs().max().item())
n = nx - 2
r = alpha * dt / dx ** 2
Lap = torch.diag(torch.full((n,), -2.0, dtype=torch.float64)) + torch.diag(torch.ones(n - 1, dtype=torch.float64), 1) \
    + torch.diag(torch.ones(n - 1, dtype=torch.float64), -1)
I = torch.eye(n, dtype=torch.float64)
A_imp = I - r * Lap
u = u0[1:-1].clone()
LU, piv = torch.linalg.lu_factor(A_imp)
for _ in range(steps):
    u = torch.linalg.lu_solve(LU, piv, u.unsqueeze(1)).squeeze(1)
print("implicit err", (u - exact[1:-1]).abs().max().item())
A_cn = I - 0.5 * r * Lap
B_cn = I + 0.5 * r * Lap
M = torch.linalg.solve(A_cn, B_cn)
ucn = torch.linalg.matrix_power(M, steps) @ u0[1:-1]
print("crank-nicolson err", (ucn - exact[1:-1]).abs().max().item())
print("spectral radius", torch.linalg.eigvalsh((M + M.T) / 2).abs().max().item())
print(ue[::8], ucn[::8])
target = explicit(u0, 0.07, 40).detach()
a = torch.tensor(0.02, dtype=torch.float64, requires_grad=True)
opt = torch.optim.Adam([a], lr=0.01)
for it in range(20):
    opt.zero_grad()
    loss = ((explicit(u0, a, 40) - target) ** 2).sum()
    loss.backward()
    opt.step()
    if it % 5 == 0:
        print(it, f"{loss.item():.3e}", a.item(), a.grad.item())
print("recovered alpha", a.item())
