# batched linalg with gradients in float64, checked against finite differences and identities.
import torch

torch.manual_seed(0)
A = torch.randn(3, 4, 4, dtype=torch.float64)
S = A @ A.transpose(-1, -2) + torch.eye(4, dtype=torch.float64)
B = torch.randn(3, 4, 2, dtype=torch.float64)
print(torch.linalg.solve(S, B).sum(dim=(1, 2)))
print(torch.linalg.inv(S).diagonal(dim1=-2, dim2=-1))
print(torch.linalg.det(S), torch.linalg.slogdet(S).logabsdet)
print(torch.linalg.cholesky(S)[:, -1])
L, info = torch.linalg.cholesky_ex(S)
print(info)
print(torch.linalg.eigvalsh(S))
print(torch.linalg.svdvals(A))
print(torch.linalg.norm(A, dim=(-2, -1)), torch.linalg.matrix_norm(A, ord=2))
print(torch.linalg.vector_norm(B, ord=3, dim=1))
print(torch.linalg.matrix_rank(A), torch.linalg.pinv(A[:, :, :2]).shape)
print(torch.linalg.solve_triangular(torch.linalg.cholesky(S), B, upper=False).sum())
print(torch.triangular_solve(B, torch.linalg.cholesky(S), upper=False).solution.sum())
P, Lu, U = torch.linalg.lu(A)
print(torch.allclose(P @ Lu @ U, A), U.diagonal(dim1=-2, dim2=-1))
LU, piv = torch.linalg.lu_factor(A)
print(piv, torch.linalg.lu_solve(LU, piv, B).sum())
print(torch.linalg.matrix_exp(0.1 * A).sum(dim=(1, 2)))
for fn in (lambda m: torch.linalg.det(m).sum(), lambda m: torch.linalg.inv(m).sum(),
           lambda m: torch.linalg.slogdet(m)[1].sum(), lambda m: torch.linalg.eigvalsh(m @ m.mT).sum(),
           lambda m: torch.linalg.svdvals(m).sum(), lambda m: torch.linalg.matrix_norm(m, "nuc").sum(),
           lambda m: torch.linalg.qr(m)[1].diagonal(dim1=-2, dim2=-1).abs().sum(),
           lambda m: torch.linalg.cholesky(m @ m.mT + torch.eye(4, dtype=m.dtype)).sum(),
           lambda m: torch.linalg.matrix_exp(0.1 * m).sum(),
           lambda m: torch.linalg.solve(m @ m.mT + torch.eye(4, dtype=m.dtype), B).sum()):
    M = A.clone().requires_grad_(True)
    fn(M).backward()
    print(M.grad.sum().item(), M.grad[0, 0])
print(torch.autograd.gradcheck(lambda m: torch.linalg.pinv(m), (A[0, :, :3].clone().requires_grad_(True),)))
print(torch.autograd.gradcheck(lambda m: torch.linalg.eigh(m @ m.mT)[0], (A[0].clone().requires_grad_(True),)))
