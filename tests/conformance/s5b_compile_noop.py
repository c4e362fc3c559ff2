# torch.compile used as a drop-in wrapper: compiled module/function give the same numbers, training
# through the compiled model, state_dict keys of the original, disable flag, mode/backends arguments.
import torch
import torch.nn as nn

torch.manual_seed(0)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 8)
        self.fc2 = nn.Linear(8, 1)

    def forward(self, x):
        return self.fc2(torch.relu(self.fc1(x)))


model = Net()
use_compile = hasattr(torch, "compile")
print("has compile:", use_compile)
x = torch.randn(6, 4)
ref = model(x)
cmodel = torch.compile(model, disable=True)
print(torch.allclose(cmodel(x), ref))
print(sorted(model.state_dict().keys()))
opt = torch.optim.SGD(model.parameters(), lr=0.05)
y = torch.randn(6, 1)
for i in range(4):
    opt.zero_grad()
    loss = nn.functional.mse_loss(cmodel(x), y)
    loss.backward()
    opt.step()
    print(i, round(loss.item(), 5))
print(model.fc2.bias)


def f(a, b):
    return (a * b).sum() + a.mean()


cf = torch.compile(f, disable=True)
a, b = torch.randn(3), torch.randn(3)
print(f"{f(a, b).item():.5f} {cf(a, b).item():.5f}")


@torch.compile(disable=True)
def g(t):
    return torch.sin(t) ** 2 + torch.cos(t) ** 2


print(g(torch.linspace(0, 3, 4)))
print(torch.compiler.is_compiling())
