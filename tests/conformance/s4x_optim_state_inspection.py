# optimizer internals printed: state tensors after steps, step counters, param_groups edits, add_param_group.
import torch

torch.manual_seed(0)
p1 = torch.nn.Parameter(torch.tensor([1.0, -2.0]))
p2 = torch.nn.Parameter(torch.tensor([[0.5, 0.5], [1.0, -1.0]]))


def loss_fn():
    return (p1 ** 2).sum() + (p2 @ p1).pow(2).sum() + p2.abs().sum()


for name, kw in (("Adam", {"lr": 0.1}), ("AdamW", {"lr": 0.1, "weight_decay": 0.1}), ("SGD", {"lr": 0.05, "momentum": 0.9}),
                 ("RMSprop", {"lr": 0.01, "centered": True}), ("Adagrad", {"lr": 0.1}), ("Adadelta", {}),
                 ("Adamax", {"lr": 0.1}), ("NAdam", {"lr": 0.1}), ("RAdam", {"lr": 0.1}), ("ASGD", {"lr": 0.05}),
                 ("Rprop", {"lr": 0.05})):
    with torch.no_grad():
        p1.copy_(torch.tensor([1.0, -2.0]))
        p2.copy_(torch.tensor([[0.5, 0.5], [1.0, -1.0]]))
    opt = getattr(torch.optim, name)([p1, p2], **kw)
    for _ in range(3):
        opt.zero_grad()
        loss_fn().backward()
        opt.step()
    st = opt.state[p1]
    print(name, loss_fn().item(), {k: (v.tolist() if torch.is_tensor(v) else v) for k, v in sorted(st.items())})
opt = torch.optim.SGD([p1], lr=0.1)
opt.add_param_group({"params": [p2], "lr": 0.01, "momentum": 0.5})
print([(g["lr"], g["momentum"]) for g in opt.param_groups])
for g in opt.param_groups:
    g["lr"] *= 0.5
opt.zero_grad()
loss_fn().backward()
opt.step()
print(p1.data, p2.data, opt.state[p2]["momentum_buffer"])
sd = opt.state_dict()
print(sd["param_groups"][1]["params"], list(sd["state"].keys()))
