# The same model trained by each optimizer; state_dict shapes; zero_grad(set_to_none); closures.
# conformance: rtol=2e-4 atol=1e-5
import torch
import torch.nn as nn

torch.manual_seed(19)
X = torch.randn(40, 5)
y = (X[:, :1] * 2 - X[:, 1:2] + 0.1 * torch.randn(40, 1))
init = nn.Linear(5, 1).state_dict()
configs = {
    "sgd": lambda p: torch.optim.SGD(p, lr=0.05),
    "sgd_nesterov_wd": lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9, nesterov=True, weight_decay=1e-3),
    "adam": lambda p: torch.optim.Adam(p, lr=0.05),
    "adam_amsgrad": lambda p: torch.optim.Adam(p, lr=0.05, amsgrad=True, weight_decay=0.01),
    "adamw": lambda p: torch.optim.AdamW(p, lr=0.05),
    "rmsprop": lambda p: torch.optim.RMSprop(p, lr=0.01, momentum=0.5, centered=True),
    "adagrad": lambda p: torch.optim.Adagrad(p, lr=0.1, lr_decay=0.01),
    "adadelta": lambda p: torch.optim.Adadelta(p, lr=1.0),
    "adamax": lambda p: torch.optim.Adamax(p, lr=0.05),
    "nadam": lambda p: torch.optim.NAdam(p, lr=0.05),
    "radam": lambda p: torch.optim.RAdam(p, lr=0.05),
    "rprop": lambda p: torch.optim.Rprop(p, lr=0.01),
}
for name, make in configs.items():
    model = nn.Linear(5, 1)
    model.load_state_dict(init)
    opt = make(model.parameters())
    losses = []
    for _ in range(15):
        opt.zero_grad()
        loss = nn.functional.mse_loss(model(X), y)
        loss.backward()
        opt.step()
        losses.append(loss.item())
    st = opt.state_dict()["state"].get(0, {})
    print(f"{name:16s} {losses[0]:.5f} {losses[7]:.5f} {losses[-1]:.5f}", sorted(st.keys()))
    print(type(opt).__name__, opt.defaults.get("lr"), model.bias.data)
model = nn.Linear(5, 1)
lbfgs = torch.optim.LBFGS(model.parameters(), lr=0.5, max_iter=10, history_size=5)


def closure():
    lbfgs.zero_grad()
    loss = nn.functional.mse_loss(model(X), y)
    loss.backward()
    return loss


for i in range(3):
    print("lbfgs", i, lbfgs.step(closure).item())
opt = torch.optim.SGD(model.parameters(), lr=0.1)
opt.zero_grad(set_to_none=True)
print(model.weight.grad)
nn.functional.mse_loss(model(X), y).backward()
opt.zero_grad(set_to_none=False)
print(model.weight.grad)
print(repr(torch.optim.Adam(model.parameters(), lr=0.001)))
