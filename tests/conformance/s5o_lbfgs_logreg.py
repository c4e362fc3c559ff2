# LBFGS full-batch logistic regression with closure: default vs strong_wolfe, tolerance params, state counters.
import torch
import torch.nn as nn

torch.manual_seed(0)
X = torch.randn(80, 3, dtype=torch.float64)
w_true = torch.tensor([1.0, -2.0, 0.5], dtype=torch.float64)
y = (torch.sigmoid(X @ w_true) > torch.rand(80, dtype=torch.float64)).double()

for ls in [None, "strong_wolfe"]:
    model = nn.Linear(3, 1).double()
    with torch.no_grad():
        model.weight.zero_()
        model.bias.zero_()
    crit = nn.BCEWithLogitsLoss()
    opt = torch.optim.LBFGS(model.parameters(), lr=1.0 if ls else 0.5, max_iter=15, history_size=5,
                            line_search_fn=ls, tolerance_grad=1e-9, tolerance_change=1e-12)
    calls = []

    def closure():
        opt.zero_grad()
        loss = crit(model(X).squeeze(1), y)
        loss.backward()
        calls.append(loss.item())
        return loss

    for outer in range(3):
        loss = opt.step(closure)
        print(ls, outer, f"{loss.item():.8f}", model.weight.detach().numpy().round(6), round(model.bias.item(), 6))
    st = opt.state[model.weight]
    print("  closure calls", len(calls), "n_iter", st["n_iter"], "func_evals", st["func_evals"])
    print("  final loss", f"{crit(model(X).squeeze(1), y).item():.8f}")

# a quadratic: LBFGS finds the minimum exactly
x = torch.zeros(4, requires_grad=True, dtype=torch.float64)
target = torch.tensor([1.0, 2.0, 3.0, 4.0], dtype=torch.float64)
opt = torch.optim.LBFGS([x], line_search_fn="strong_wolfe")


def quad():
    opt.zero_grad()
    loss = ((x - target) ** 2 * torch.arange(1, 5, dtype=torch.float64)).sum()
    loss.backward()
    return loss


opt.step(quad)
print("quadratic", x.detach().numpy().round(8), opt.state[x]["n_iter"])
