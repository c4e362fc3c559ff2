# zero_grad(): set_to_none default vs False, model.zero_grad, grads of unused params, optimizer skipping None grads.
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(3, 2), nn.Linear(2, 1))
extra = nn.Parameter(torch.ones(2))
opt = torch.optim.SGD(list(model.parameters()) + [extra], lr=0.1, momentum=0.9)
x = torch.randn(4, 3)

print("before any backward", [p.grad for p in model.parameters()])
model(x).sum().backward()
print("after backward", [tuple(p.grad.shape) for p in model.parameters()], extra.grad)
opt.step()
print("state for extra?", extra in opt.state, len(opt.state))

opt.zero_grad(set_to_none=False)
print("set_to_none=False", [p.grad.abs().sum().item() for p in model.parameters()])
g_obj = model[0].weight.grad
model(x).sum().backward()
print("same grad tensor reused", g_obj is model[0].weight.grad, model[0].weight.grad.numpy().round(4))

opt.zero_grad()
print("default zero_grad", [p.grad for p in model.parameters()])

model(x).sum().backward()
model.zero_grad()
print("model.zero_grad", [p.grad for p in model.parameters()])
model(x).sum().backward()
model.zero_grad(set_to_none=False)
print("model.zero_grad(False)", [p.grad.sum().item() for p in model.parameters()])

w0 = extra.detach().clone()
model(x).sum().backward()
opt.step()
print("extra unchanged (None grad)", torch.equal(w0, extra.detach()))

# the classic bug: forgetting zero_grad doubles the gradient
w = torch.tensor([1.0, 2.0], requires_grad=True)
for i in range(3):
    (w * w).sum().backward()
    print("accumulated", i, w.grad)
w.grad.zero_()
print("after grad.zero_()", w.grad)
w.grad = None
(3 * w).sum().backward()
print("fresh", w.grad)
