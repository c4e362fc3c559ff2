# no_grad / enable_grad / set_grad_enabled / inference_mode nesting, as decorators and context managers.
import torch

x = torch.ones(3, requires_grad=True)


@torch.no_grad()
def frozen(t):
    return t * 2


@torch.enable_grad()
def tracked(t):
    return t * 3


@torch.inference_mode()
def infer(t):
    return t + 1


print(frozen(x).requires_grad, tracked(x).requires_grad)
with torch.no_grad():
    print(torch.is_grad_enabled(), (x * 2).requires_grad, tracked(x).requires_grad)
    with torch.enable_grad():
        print(torch.is_grad_enabled(), (x * 2).requires_grad)
        with torch.set_grad_enabled(False):
            print(torch.is_grad_enabled(), (x * 2).requires_grad)
    print(torch.is_grad_enabled())
print(torch.is_grad_enabled())
torch.set_grad_enabled(False)
print(torch.is_grad_enabled(), (x + 1).requires_grad)
torch.set_grad_enabled(True)
print(torch.is_grad_enabled(), (x + 1).requires_grad)
for mode in (True, False):
    with torch.set_grad_enabled(mode):
        y = x ** 2
    print(mode, y.requires_grad, y.grad_fn is None)
r = infer(x)
print(r.requires_grad, x.is_inference())
with torch.inference_mode():
    print(torch.is_inference_mode_enabled(), torch.is_grad_enabled())
    z = x * 5
    with torch.inference_mode(False):
        print(torch.is_inference_mode_enabled())
print(z.requires_grad, torch.is_inference_mode_enabled())
with torch.no_grad():
    w = x.detach().requires_grad_()
    print(w.requires_grad, w.is_leaf, (w * 2).requires_grad)
d = x.detach()
print(d.requires_grad, d.is_leaf)
d.requires_grad_(True)
print(d.requires_grad)
d.requires_grad_(False)
print(d.requires_grad)
a = torch.randn(2, 2)
a.requires_grad = True
b = a @ a
print(b.requires_grad, b.is_leaf)
try:
    b.requires_grad_(False)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    torch.tensor([1, 2]).requires_grad_()
except RuntimeError as e:
    print("RuntimeError:", e)


class Net(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = torch.nn.Linear(2, 2)

    @torch.no_grad()
    def predict(self, x):
        return self.fc(x)


net = Net()
print(net.predict(torch.ones(1, 2)).requires_grad, net.fc(torch.ones(1, 2)).requires_grad)
with torch.autograd.set_grad_enabled(False):
    print(net.fc(torch.ones(1, 2)).requires_grad)
print(torch.autograd.grad_mode.no_grad is torch.no_grad)
