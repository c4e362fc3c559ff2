# Grad-mode context managers and decorators: no_grad, enable_grad inside no_grad, set_grad_enabled(bool),
# inference_mode tensors, is_inference, and what happens to requires_grad of results.
import torch

x = torch.ones(2, requires_grad=True)
with torch.no_grad():
    y = x * 2
    with torch.enable_grad():
        z = x * 3
    print("inside", torch.is_grad_enabled())
print(y.requires_grad, z.requires_grad, y.grad_fn, torch.is_grad_enabled())

for mode in (True, False):
    with torch.set_grad_enabled(mode):
        out = x ** 2
    print("set_grad_enabled", mode, out.requires_grad)

torch.set_grad_enabled(False)
print("function form", torch.is_grad_enabled(), (x * 2).requires_grad)
torch.set_grad_enabled(True)
print("restored", torch.is_grad_enabled())


@torch.no_grad()
def evaluate(t):
    return t * 5, torch.is_grad_enabled()


@torch.enable_grad()
def forced(t):
    return t * 5


r, flag = evaluate(x)
print("decorated no_grad", r.requires_grad, flag)
with torch.no_grad():
    print("decorated enable_grad", forced(x).requires_grad)

with torch.inference_mode():
    inf = x * 2
    print("inference", torch.is_inference_mode_enabled(), inf.requires_grad)
print(torch.is_inference_mode_enabled(), x.is_inference())
with torch.inference_mode(mode=False):
    print("inference_mode(False)", (x * 2).requires_grad)


@torch.inference_mode()
def predict(model, t):
    return model(t)


lin = torch.nn.Linear(2, 1)
p = predict(lin, torch.ones(1, 2))
print("predict", p.requires_grad, p.grad_fn)

with torch.no_grad():
    x.mul_(2)
print("in-place under no_grad", x, x.requires_grad, x.is_leaf)
try:
    x.mul_(2)
except RuntimeError as e:
    print("RuntimeError:", e)

with torch.no_grad():
    w = torch.nn.Parameter(torch.zeros(2))
    print("param created under no_grad", w.requires_grad)
    s = w + 1
print(s.requires_grad)
print(torch.no_grad().__class__.__name__, torch.set_grad_enabled(True).__class__.__name__)
try:
    torch.set_grad_enabled(1)
except TypeError as e:
    print("TypeError:", e)
print(torch.is_grad_enabled())
