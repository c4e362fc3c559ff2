# Kernel methods: RBF / polynomial / Laplacian Gram matrices, kernel ridge regression, kernel
# centering and kernel PCA eigenvalues, and a dual-form kernel perceptron.
import torch

torch.manual_seed(31)
torch.set_default_dtype(torch.float64)


def rbf_kernel(A, B, gamma=0.5):
    return torch.exp(-gamma * torch.cdist(A, B).pow(2))


def poly_kernel(A, B, degree=3, c=1.0):
    return (A @ B.T + c) ** degree


def laplace_kernel(A, B, gamma=0.5):
    return torch.exp(-gamma * torch.cdist(A, B, p=1))


X = torch.rand(40, 1) * 6 - 3
y = torch.sin(2 * X).squeeze() + 0.1 * torch.randn(40)
Xt = torch.linspace(-3, 3, 7).unsqueeze(1)
for name, k in [("rbf", rbf_kernel), ("poly", poly_kernel), ("laplace", laplace_kernel)]:
    K = k(X, X)
    for lam in (1e-3, 1e-1):
        alpha = torch.linalg.solve(K + lam * torch.eye(len(X)), y)
        pred = k(Xt, X) @ alpha
        train_mse = ((K @ alpha - y) ** 2).mean()
        print(name, lam, f"{train_mse.item():.6f}", pred)
K = rbf_kernel(X, X)
n = len(X)
one = torch.full((n, n), 1.0 / n)
Kc = K - one @ K - K @ one + one @ K @ one
ev = torch.linalg.eigvalsh(Kc).flip(0)
print("kpca eigenvalues", ev[:5], ev.sum(), torch.trace(Kc))
print(torch.linalg.eigvalsh(K).min() > -1e-10, torch.linalg.matrix_rank(poly_kernel(X, X, 2)))
P = torch.randn(60, 2)
lab = torch.where((P ** 2).sum(1) < 1.0, 1.0, -1.0)
Kp = rbf_kernel(P, P, 2.0)
a = torch.zeros(60)
for epoch in range(10):
    mistakes = 0
    for i in range(60):
        f = (a * lab) @ Kp[:, i]
        if lab[i] * f <= 0:
            a[i] += 1
            mistakes += 1
    print("epoch", epoch, "mistakes", mistakes)
    if mistakes == 0:
        break
print(a.nonzero().squeeze(1).tolist(), torch.sign((a * lab) @ Kp).eq(lab).double().mean())
