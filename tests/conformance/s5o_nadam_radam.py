# NAdam (momentum_decay, decoupled_weight_decay) and RAdam (decoupled_weight_decay) on a quadratic bowl.
import torch

torch.manual_seed(0)
A = torch.randn(5, 5)
A = A @ A.T + torch.eye(5)
b = torch.randn(5)


def f(x):
    return 0.5 * x @ A @ x - b @ x


def run(make, steps=12):
    x = torch.zeros(5, requires_grad=True)
    opt = make([x])
    vals = []
    for _ in range(steps):
        opt.zero_grad()
        loss = f(x)
        loss.backward()
        opt.step()
        vals.append(round(loss.item(), 4))
    return x, opt, vals


for kw in [{}, {"momentum_decay": 0.01}, {"weight_decay": 0.1}, {"weight_decay": 0.1, "decoupled_weight_decay": True},
           {"betas": (0.8, 0.99)}]:
    x, opt, vals = run(lambda p: torch.optim.NAdam(p, lr=0.1, **kw))
    st = opt.state[x]
    print("NAdam", kw, vals)
    print("   x", x.detach().numpy().round(5), "mu_product", round(float(st["mu_product"]), 6))

for kw in [{}, {"weight_decay": 0.2}, {"weight_decay": 0.2, "decoupled_weight_decay": True}]:
    x, opt, vals = run(lambda p: torch.optim.RAdam(p, lr=0.05, **kw))
    print("RAdam", kw, vals)
    print("   x", x.detach().numpy().round(5))

print(sorted(torch.optim.NAdam([torch.zeros(1, requires_grad=True)]).defaults.items()))
print(sorted(torch.optim.RAdam([torch.zeros(1, requires_grad=True)]).defaults.items()))
