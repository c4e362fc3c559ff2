# torch.linalg: solve, inv, det, slogdet, norms, qr, cholesky, lstsq, matrix_rank, pinv, matrix_exp, with grads.
import torch

torch.manual_seed(0)
A = torch.randn(4, 4, dtype=torch.float64)
S = A @ A.T + 4 * torch.eye(4, dtype=torch.float64)
b = torch.randn(4, 2, dtype=torch.float64)
print(torch.linalg.solve(S, b))
print(torch.linalg.inv(S))
print(torch.linalg.det(A), torch.det(S))
print(torch.linalg.slogdet(A))
print(torch.logdet(S))
for ord in (None, "fro", "nuc", 1, -1, 2, -2, float("inf"), -float("inf")):
    print("matrix_norm", ord, torch.linalg.matrix_norm(A, ord=ord if ord is not None else "fro").item())
v = torch.tensor([3.0, -4.0, 1.0, 0.0])
for ord in (None, 0, 1, 2, 3, 0.5, float("inf"), -float("inf")):
    print("vector_norm", ord, torch.linalg.vector_norm(v, ord=2 if ord is None else ord).item())
print(torch.linalg.norm(A), torch.linalg.norm(A, dim=1), torch.linalg.norm(v, 1))
print(torch.norm(A, p="fro"), torch.norm(v, p=1), torch.norm(A, dim=0))
Q, R = torch.linalg.qr(A)
print(torch.allclose(Q @ R, A), (Q.T @ Q - torch.eye(4, dtype=torch.float64)).abs().max() < 1e-10)
print(R.diagonal().abs())
Qr, Rr = torch.linalg.qr(torch.randn(5, 3, dtype=torch.float64), mode="reduced")
print(Qr.shape, Rr.shape, torch.linalg.qr(torch.randn(5, 3), mode="complete")[0].shape)
L = torch.linalg.cholesky(S)
print(L)
print(torch.allclose(L @ L.T, S))
print(torch.cholesky_solve(b, L))
print(torch.linalg.cholesky_ex(S).info)
M = torch.randn(6, 3, dtype=torch.float64)
y = torch.randn(6, dtype=torch.float64)
print(torch.linalg.lstsq(M, y.unsqueeze(1)).solution.squeeze())
print(torch.linalg.matrix_rank(M), torch.linalg.matrix_rank(M @ M.T), torch.linalg.matrix_rank(torch.ones(3, 3)))
print(torch.linalg.pinv(M).shape, torch.allclose(torch.linalg.pinv(M) @ M, torch.eye(3, dtype=torch.float64)))
print(torch.linalg.matrix_exp(torch.tensor([[0.0, 1.0], [-1.0, 0.0]])))
print(torch.linalg.matrix_exp(A * 0.1))
print(torch.linalg.eigvalsh(S))
print(torch.linalg.matrix_power(S, 3)[0], torch.linalg.matrix_power(S, -1)[0])
print(torch.linalg.cond(S), torch.linalg.cross(torch.tensor([1.0, 0, 0]), torch.tensor([0.0, 1, 0])))
print(torch.linalg.multi_dot([A, S, A]).sum(), torch.linalg.vecdot(v, v))
Sg = S.clone().requires_grad_(True)
torch.linalg.det(Sg).backward()
print(Sg.grad)
Sg.grad = None
torch.linalg.inv(Sg).sum().backward()
print(Sg.grad)
Sg.grad = None
torch.linalg.solve(Sg, b).pow(2).sum().backward()
print(Sg.grad)
Sg.grad = None
torch.linalg.cholesky(Sg).sum().backward()
print(Sg.grad)
try:
    torch.linalg.cholesky(-S)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.linalg.solve(torch.zeros(2, 2), torch.ones(2))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.linalg.inv(torch.ones(2, 3))
except Exception as e:
    print(type(e).__name__, e)
