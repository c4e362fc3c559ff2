# Adagrad with lr_decay / initial_accumulator_value and Adadelta with rho / weight_decay, on logistic regression.
import torch
import torch.nn.functional as F

torch.manual_seed(3)
X = torch.randn(60, 2)
y = ((X[:, 0] + 0.5 * X[:, 1]) > 0).float()


def fit(make, epochs=10):
    w = torch.zeros(2, requires_grad=True)
    b = torch.zeros(1, requires_grad=True)
    opt = make([w, b])
    for epoch in range(epochs):
        opt.zero_grad()
        logits = X @ w + b
        loss = F.binary_cross_entropy_with_logits(logits, y)
        loss.backward()
        opt.step()
        if epoch % 3 == 0:
            print(f"  epoch {epoch} loss {loss.item():.6f}")
    acc = ((X @ w + b > 0).float() == y).float().mean()
    print("  w", w.data.numpy().round(5), "b", b.data.numpy().round(5), "acc", acc.item())
    return opt, w


print("Adagrad plain")
opt, w = fit(lambda p: torch.optim.Adagrad(p, lr=0.5))
print("  sum", opt.state[w]["sum"].numpy().round(5), "step", opt.state[w]["step"])
print("Adagrad lr_decay")
fit(lambda p: torch.optim.Adagrad(p, lr=0.5, lr_decay=0.1))
print("Adagrad init acc + wd")
fit(lambda p: torch.optim.Adagrad(p, lr=0.5, initial_accumulator_value=0.5, weight_decay=0.01))
print("Adadelta default")
opt, w = fit(lambda p: torch.optim.Adadelta(p))
print("  square_avg", opt.state[w]["square_avg"].numpy().round(8), "acc_delta", opt.state[w]["acc_delta"].numpy())
print("Adadelta lr=10 rho=0.5")
fit(lambda p: torch.optim.Adadelta(p, lr=10.0, rho=0.5))
print("Adadelta wd maximize")
fit(lambda p: torch.optim.Adadelta(p, lr=5.0, weight_decay=0.1, maximize=False))
print(torch.optim.Adagrad([torch.zeros(2, requires_grad=True)], lr=0.1, lr_decay=0.01))
