# Same model trained with AdamW, RMSprop, Adagrad and Adamax; final losses and a parameter.
import torch
import torch.nn as nn

x = torch.randn(40, 4)
y = (x[:, :1] * 2 - x[:, 1:2]).sin()
for name, kw in [("AdamW", dict(lr=0.01, weight_decay=0.05)), ("RMSprop", dict(lr=0.005, alpha=0.9)),
                 ("Adagrad", dict(lr=0.05)), ("Adamax", dict(lr=0.02)),
                 ("SGD", dict(lr=0.1, nesterov=True, momentum=0.8)), ("NAdam", dict(lr=0.01)),
                 ("RAdam", dict(lr=0.01)), ("Adadelta", dict(lr=1.0))]:
    torch.manual_seed(3)
    model = nn.Sequential(nn.Linear(4, 8), nn.SiLU(), nn.Linear(8, 1))
    opt = getattr(torch.optim, name)(model.parameters(), **kw)
    for _ in range(30):
        opt.zero_grad()
        loss = ((model(x) - y) ** 2).mean()
        loss.backward()
        opt.step()
    print(name, round(loss.item(), 6), model[2].bias.data)
