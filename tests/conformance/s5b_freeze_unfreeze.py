# Freeze a backbone, train the head, unfreeze the last block with a smaller lr param group; print which
# params have grads, requires_grad maps, and optimizer group sizes.
import torch
import torch.nn as nn

torch.manual_seed(0)
backbone = nn.Sequential(nn.Linear(6, 12), nn.ReLU(), nn.Linear(12, 12), nn.ReLU())
head = nn.Linear(12, 3)
model = nn.Sequential(backbone, head)


def set_requires_grad(module, flag):
    for p in module.parameters():
        p.requires_grad = flag


def trainable(model):
    return sum(p.numel() for p in model.parameters() if p.requires_grad)


set_requires_grad(backbone, False)
print(trainable(model), {n: p.requires_grad for n, p in model.named_parameters()})
opt = torch.optim.SGD(filter(lambda p: p.requires_grad, model.parameters()), lr=0.1)
x = torch.randn(16, 6)
y = torch.randint(0, 3, (16,))
frozen_before = backbone[0].weight.clone()
for step in range(3):
    opt.zero_grad()
    loss = nn.functional.cross_entropy(model(x), y)
    loss.backward()
    opt.step()
    print(f"head-only {step}: {loss.item():.5f}")
print(torch.equal(frozen_before, backbone[0].weight), backbone[0].weight.grad is None, head.weight.grad is not None)
backbone[2].requires_grad_(True)
opt.add_param_group({"params": backbone[2].parameters(), "lr": 0.01})
print(trainable(model), [len(g["params"]) for g in opt.param_groups], [g["lr"] for g in opt.param_groups])
for step in range(3):
    opt.zero_grad()
    loss = nn.functional.cross_entropy(model(x), y)
    loss.backward()
    opt.step()
    gn = {n: round(p.grad.norm().item(), 5) for n, p in model.named_parameters() if p.grad is not None}
    print(f"partial {step}: {loss.item():.5f}", gn)
for name, param in model.named_parameters():
    if name.startswith("0.0"):
        param.requires_grad = True
print([n for n, p in model.named_parameters() if p.requires_grad])
model.requires_grad_(False)
print(trainable(model), model(x).requires_grad)
with torch.no_grad():
    print(model(x[:2]))
