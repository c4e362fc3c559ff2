# print(optimizer) for every optimizer: torch prints the param groups.
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1))
ps = list(model.parameters())
opts = [
    torch.optim.SGD(ps, lr=0.1),
    torch.optim.SGD(ps, lr=0.1, momentum=0.9, nesterov=True, weight_decay=1e-4),
    torch.optim.Adam(ps),
    torch.optim.Adam(ps, lr=1e-3, amsgrad=True),
    torch.optim.AdamW(ps, lr=3e-4),
    torch.optim.RMSprop(ps, lr=0.01),
    torch.optim.Adagrad(ps),
    torch.optim.Adadelta(ps),
    torch.optim.Adamax(ps),
    torch.optim.NAdam(ps),
    torch.optim.RAdam(ps),
    torch.optim.ASGD(ps),
    torch.optim.Rprop(ps),
    torch.optim.LBFGS(ps),
]
for o in opts:
    print(o)
    print(type(o).__name__, sorted(o.defaults.keys()))
