# LBFGS with closure, with and without strong_wolfe line search; closed-form vs iterative least squares.
import torch

torch.manual_seed(0)


def rosen(p):
    return (1 - p[0]) ** 2 + 100 * (p[1] - p[0] ** 2) ** 2


for ls in (None, "strong_wolfe"):
    p = torch.tensor([-1.2, 1.0], requires_grad=True)
    opt = torch.optim.LBFGS([p], lr=1 if ls else 0.1, max_iter=20, history_size=10, line_search_fn=ls)
    evals = [0]

    def closure():
        opt.zero_grad()
        loss = rosen(p)
        loss.backward()
        evals[0] += 1
        return loss

    for it in range(5):
        loss = opt.step(closure)
        print(ls, it, f"{loss.item():.6f}", p.detach().numpy().round(5))
    print("evals", evals[0], opt.state[p]["n_iter"], opt.state[p]["func_evals"])

X = torch.randn(50, 3)
true_w = torch.tensor([[1.5], [-2.0], [0.7]])
Y = X @ true_w + 0.3 + 0.01 * torch.randn(50, 1)
Xb = torch.cat([X, torch.ones(50, 1)], dim=1)
w_closed = torch.linalg.lstsq(Xb, Y).solution
w_normal = torch.linalg.solve(Xb.T @ Xb, Xb.T @ Y)
w_pinv = torch.linalg.pinv(Xb) @ Y
print(w_closed.squeeze(), w_normal.squeeze(), (w_pinv - w_closed).abs().max() < 1e-4)
lin = torch.nn.Linear(3, 1)
opt = torch.optim.LBFGS(lin.parameters(), line_search_fn="strong_wolfe", max_iter=50)


def closure():
    opt.zero_grad()
    loss = torch.nn.functional.mse_loss(lin(X), Y)
    loss.backward()
    return loss


for _ in range(3):
    l = opt.step(closure)
print(f"{l.item():.6f}", lin.weight.data, lin.bias.data)
lin2 = torch.nn.Linear(3, 1)
sgd = torch.optim.SGD(lin2.parameters(), lr=0.1)
for ep in range(200):
    sgd.zero_grad()
    loss = torch.nn.functional.mse_loss(lin2(X), Y)
    loss.backward()
    sgd.step()
    if ep % 50 == 0:
        print(ep, f"{loss.item():.6f}")
print(lin2.weight.data, lin2.bias.data)
print(torch.allclose(lin2.weight.data.squeeze(), w_closed[:3].squeeze(), atol=1e-2))
q = torch.zeros(3, requires_grad=True)
A = torch.tensor([[4.0, 1.0, 0.0], [1.0, 3.0, 0.5], [0.0, 0.5, 2.0]])
bvec = torch.tensor([1.0, 2.0, 3.0])
opt = torch.optim.LBFGS([q], lr=1, tolerance_grad=1e-9, tolerance_change=1e-12)


def cl():
    opt.zero_grad()
    l = 0.5 * q @ A @ q - bvec @ q
    l.backward()
    return l


opt.step(cl)
print(q.data, torch.linalg.solve(A, bvec))
