# Printing optimizer.state, per-param state, and state_dict after steps, for several optimizers.
import torch
import torch.nn as nn

torch.manual_seed(0)
x = torch.randn(6, 2)
y = torch.randn(6, 1)
for cls, kw in [(torch.optim.SGD, {"lr": 0.1, "momentum": 0.9}), (torch.optim.Adam, {"lr": 0.01}),
                (torch.optim.AdamW, {"lr": 0.01, "amsgrad": True}), (torch.optim.RMSprop, {"lr": 0.01, "centered": True}),
                (torch.optim.Adagrad, {"lr": 0.1}), (torch.optim.Adadelta, {}), (torch.optim.NAdam, {}),
                (torch.optim.RAdam, {}), (torch.optim.Adamax, {}), (torch.optim.ASGD, {}), (torch.optim.Rprop, {})]:
    torch.manual_seed(1)
    m = nn.Linear(2, 1)
    opt = cls(m.parameters(), **kw)
    print(cls.__name__, len(opt.state))
    for _ in range(2):
        opt.zero_grad()
        nn.functional.mse_loss(m(x), y).backward()
        opt.step()
    st = opt.state[m.bias]
    print(sorted(st.keys()))
    print({k: (v if not torch.is_tensor(v) or v.dim() == 0 else v.shape) for k, v in sorted(st.items())})
    sd = opt.state_dict()
    print(sd["param_groups"][0]["params"], sorted(sd["state"].keys()))
    print(m.bias)
