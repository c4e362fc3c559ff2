# torch.linalg: norms, inverse, determinant, solve, Cholesky, eigh, singular values, and their gradients.
# conformance: rtol=1e-3 atol=1e-4
import torch

A = torch.randn(3, 3) + 3 * torch.eye(3)
S = A @ A.T + torch.eye(3)
v = torch.randn(5)
print(torch.linalg.norm(v), torch.linalg.norm(v, ord=1), torch.linalg.norm(v, ord=float("inf")))
print(torch.linalg.vector_norm(A, ord=3), torch.linalg.vector_norm(A, dim=1), torch.linalg.vector_norm(A, 0.5))
print(torch.linalg.matrix_norm(A), torch.linalg.matrix_norm(A, ord=1), torch.linalg.matrix_norm(A, ord=-float("inf")))
print(torch.linalg.norm(A, ord="nuc"), torch.linalg.norm(A, ord=2), torch.linalg.norm(A, dim=(0, 1), keepdim=True))
print(torch.linalg.inv(A))
print(torch.dist(torch.linalg.inv(A) @ A, torch.eye(3)) < 1e-5)
print(torch.linalg.det(A), torch.linalg.slogdet(A))
b = torch.randn(3)
B = torch.randn(3, 2)
print(torch.linalg.solve(A, b), torch.linalg.solve(A, B).shape)
print(torch.allclose(A @ torch.linalg.solve(A, B), B, atol=1e-5))
L = torch.linalg.cholesky(S)
print(L, torch.allclose(L @ L.T, S, atol=1e-4))
w, V = torch.linalg.eigh(S)
print(w, torch.allclose(V @ torch.diag(w) @ V.T, S, atol=1e-4))
print(torch.linalg.eigvalsh(S), torch.linalg.svdvals(A))
print(torch.linalg.matrix_rank(torch.ones(3, 3)), torch.linalg.matrix_power(A, 3)[0])
print(torch.linalg.matrix_power(A, -1)[1], torch.linalg.multi_dot([A, B, B.T]).shape)
batch = torch.randn(2, 3, 3) + 4 * torch.eye(3)
print(torch.linalg.det(batch), torch.linalg.inv(batch).shape)
print(torch.linalg.cond(A))

X = A.clone().requires_grad_()
torch.linalg.det(X).backward()
print(X.grad)
X.grad = None
torch.linalg.inv(X).sum().backward()
print(X.grad)
X.grad = None
torch.linalg.slogdet(X).logabsdet.backward()
print(X.grad)
X.grad = None
Bg = B.clone().requires_grad_()
torch.linalg.solve(X, Bg).square().sum().backward()
print(X.grad, Bg.grad)
Sg = S.clone().requires_grad_()
torch.linalg.cholesky(Sg).sum().backward()
print(Sg.grad)
Sg.grad = None
torch.linalg.eigvalsh(Sg).pow(2).sum().backward()
print(Sg.grad)
X.grad = None
torch.linalg.norm(X).backward()
print(X.grad)
X.grad = None
torch.linalg.matrix_norm(X, ord="nuc").backward()
print(X.grad)
try:
    torch.linalg.inv(torch.zeros(2, 3))
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.linalg.cholesky(-torch.eye(2))
except RuntimeError as e:
    print(type(e).__name__, isinstance(e, torch.linalg.LinAlgError))
