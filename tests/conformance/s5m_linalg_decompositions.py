# A linear-algebra workout in float64: det/slogdet, symmetric eigh with sign-fixed eigenvectors,
# QR (Gram-Schmidt check), SVD, LU factor/solve, triangular solves, matrix powers/exponential, ranks.
import torch

torch.manual_seed(2718)
dt = torch.float64
A = torch.randn(5, 5, dtype=dt)
S = A @ A.T + torch.eye(5, dtype=dt)
print("det", torch.linalg.det(A).item(), torch.det(A).item(), torch.prod(torch.linalg.eigvalsh(S)).item(),
      torch.linalg.det(S).item())
sign, logabs = torch.linalg.slogdet(A)
print(sign.item(), logabs.item(), torch.slogdet(S))
w, V = torch.linalg.eigh(S)
V = V * torch.sign(V[0])
print(w)
print(V)
print(torch.allclose(V @ torch.diag(w) @ V.T, S), torch.allclose(V.T @ V, torch.eye(5, dtype=dt)))
Q, R = torch.linalg.qr(A)
d = torch.sign(torch.diagonal(R))
Q, R = Q * d, d.unsqueeze(1) * R
print(R)


def gram_schmidt(M):
    Qs = []
    for j in range(M.shape[1]):
        v = M[:, j].clone()
        for q in Qs:
            v -= (q @ M[:, j]) * q
        Qs.append(v / v.norm())
    return torch.stack(Qs, 1)


print("gs == qr", torch.allclose(gram_schmidt(A), Q))
U, s, Vh = torch.linalg.svd(A)
print("singular", s, s.max() / s.min(), torch.linalg.cond(A))
print(torch.allclose((U * s) @ Vh, A), torch.linalg.matrix_norm(A, ord=2).item(), torch.linalg.matrix_norm(A).item())
LU, piv = torch.linalg.lu_factor(A)
b = torch.randn(5, 2, dtype=dt)
x = torch.linalg.lu_solve(LU, piv, b)
P, L, U2 = torch.linalg.lu(A)
print(piv, torch.allclose(P @ L @ U2, A), torch.allclose(A @ x, b))
print(L.diagonal(), U2.diagonal())
Lc = torch.linalg.cholesky(S)
y = torch.linalg.solve_triangular(Lc, b, upper=False)
z = torch.linalg.solve_triangular(Lc.T, y, upper=True)
print(torch.allclose(z, torch.linalg.solve(S, b)), torch.linalg.solve_triangular(Lc, b, upper=False, left=True)[0])
print(torch.linalg.solve_triangular(Lc.T, b.T, upper=True, left=False))
M = torch.tensor([[0.9, 0.1], [0.5, 0.5]], dtype=dt)
for k in (1, 2, 10, 50):
    print(k, torch.linalg.matrix_power(M, k))
print(torch.linalg.matrix_power(S, -1) @ S - torch.eye(5, dtype=dt) < 1e-12)
G = torch.tensor([[0.0, -1.0], [1.0, 0.0]], dtype=dt)
print(torch.linalg.matrix_exp(G * torch.pi / 2), torch.matrix_exp(0.1 * S[:2, :2]))
low = torch.randn(6, 2, dtype=dt) @ torch.randn(2, 6, dtype=dt)
print(torch.linalg.matrix_rank(low), torch.linalg.matrix_rank(low, hermitian=False, atol=1e-8),
      torch.linalg.matrix_rank(S, hermitian=True))
print(torch.linalg.vector_norm(A, ord=3, dim=1), torch.linalg.vector_norm(A, ord=0), torch.linalg.norm(A, ord=-2))
print(torch.linalg.multi_dot([A, S, b]).T, torch.linalg.vander(torch.tensor([1.0, 2.0, 3.0], dtype=dt)))
print(torch.linalg.inv_ex(S).info, torch.linalg.cholesky_ex(-S).info, torch.linalg.eigvalsh(S, UPLO="U"))
