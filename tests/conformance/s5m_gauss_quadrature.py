# Orthogonal polynomials and Gaussian quadrature: Golub-Welsch (eigh of the Jacobi matrix) for
# Gauss-Legendre / Gauss-Hermite nodes and weights, checked against torch.special polynomial families.
import math

import torch

torch.set_default_dtype(torch.float64)


def golub_welsch(alpha, beta, mu0):
    J = torch.diag(alpha) + torch.diag(beta.sqrt(), 1) + torch.diag(beta.sqrt(), -1)
    nodes, vecs = torch.linalg.eigh(J)
    weights = mu0 * vecs[0] ** 2
    return nodes, weights


for n in (2, 3, 5, 8):
    k = torch.arange(1, n, dtype=torch.float64)
    nodes, w = golub_welsch(torch.zeros(n), k ** 2 / (4 * k ** 2 - 1), 2.0)
    exact = 2 * math.sin(1.0)
    approx = (w * torch.cos(nodes)).sum()
    print(n, nodes, w, abs(approx.item() - exact))
    print("   P_n(nodes)", torch.special.legendre_polynomial_p(nodes, n).abs().max().item() < 1e-10)
nodes, w = golub_welsch(torch.zeros(6), torch.arange(1, 6, dtype=torch.float64) / 2, math.sqrt(math.pi))
print("hermite nodes", nodes, w.sum(), math.sqrt(math.pi))
print("E[X^4] N(0,1)", (w * (math.sqrt(2) * nodes) ** 4).sum() / math.sqrt(math.pi))
print(torch.special.hermite_polynomial_h(nodes, 6).abs().max() < 1e-8)
x = torch.linspace(-1, 1, 5)
for n in range(4):
    print(n, torch.special.legendre_polynomial_p(x, n), torch.special.chebyshev_polynomial_t(x, n),
          torch.special.chebyshev_polynomial_u(x, n), torch.special.hermite_polynomial_he(x, n),
          torch.special.laguerre_polynomial_l(x, n))
P = [torch.ones_like(x), x]
for n in range(1, 5):
    P.append(((2 * n + 1) * x * P[n] - n * P[n - 1]) / (n + 1))
print(torch.stack(P), torch.allclose(torch.stack(P)[5], torch.special.legendre_polynomial_p(x, 5)))
theta = torch.arccos(x)
print(torch.allclose(torch.cos(3 * theta), torch.special.chebyshev_polynomial_t(x, 3)))
xs = torch.linspace(0, 2, 201)
f = torch.exp(-xs ** 2)
h = xs[1] - xs[0]
print(torch.trapezoid(f, xs).item(), (h / 3 * (f[0] + 4 * f[1:-1:2].sum() + 2 * f[2:-1:2].sum() + f[-1])).item(),
      math.sqrt(math.pi) / 2 * math.erf(2.0))
