# Forgetting zero_grad: gradients keep growing across iterations.
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Linear(2, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.01)
x = torch.randn(8, 2)
y = x.sum(1, keepdim=True)
for step in range(4):
    loss = ((model(x) - y) ** 2).mean()
    loss.backward()
    print(step, "grad norm", round(model.weight.grad.norm().item(), 4), "bias grad", model.bias.grad)
print("no step taken, grads accumulate:", model.weight.grad)
opt.zero_grad()
print("after zero_grad (set_to_none default):", model.weight.grad)
for step in range(3):
    opt.zero_grad(set_to_none=False)
    loss = ((model(x) - y) ** 2).mean()
    loss.backward()
    print(step, "fresh", model.weight.grad)
    opt.step()
model.zero_grad()
print(model.weight.grad, model.bias.grad)
w = torch.ones(2, requires_grad=True)
for i in range(3):
    (w * (i + 1)).sum().backward()
    print("w.grad", w.grad)
w.grad.zero_()
print("zeroed", w.grad)
w.grad = None
print("none", w.grad)
(w ** 2).sum().backward()
print(w.grad)
with torch.no_grad():
    w -= 0.1 * w.grad
print(w, w.is_leaf)
w.grad.data.zero_()
print(w.grad)
