# Exceptions that training scripts catch and print: shape mismatches in Linear/matmul/cat/view,
# cross_entropy target issues, device/dtype errors, backward twice, item() on non-scalars.
import torch
import torch.nn as nn

torch.manual_seed(0)
fc = nn.Linear(10, 4)


def show(fn):
    try:
        fn()
        print("no error")
    except Exception as e:
        print(f"{type(e).__name__}: {e}")


show(lambda: fc(torch.randn(3, 8)))
show(lambda: torch.randn(2, 3) @ torch.randn(4, 5))
show(lambda: torch.cat([torch.randn(2, 3), torch.randn(2, 4)]))
show(lambda: torch.randn(2, 3).view(4, 2))
show(lambda: torch.randn(4).item())
show(lambda: torch.randn(2, 3) + torch.randn(3, 2))
show(lambda: nn.functional.cross_entropy(torch.randn(3, 5), torch.tensor([0, 1, 7])))
show(lambda: nn.functional.mse_loss(torch.randn(3), torch.randn(3, 1)))
show(lambda: nn.functional.cross_entropy(torch.randn(3, 5), torch.tensor([0.0, 1.0, 2.0])))
show(lambda: nn.functional.nll_loss(torch.randn(3, 5), torch.tensor([0, 1])))
show(lambda: torch.stack([torch.ones(2), torch.ones(3)]))
show(lambda: torch.randn(2, 2).long() @ torch.randn(2, 2))
show(lambda: torch.zeros(3).reshape(-1, -1))
show(lambda: nn.Conv2d(3, 8, 3)(torch.randn(1, 1, 5, 5)))
show(lambda: nn.BatchNorm1d(4)(torch.randn(1, 4)))
x = torch.randn(3, requires_grad=True)
y = (x * 2).sum()
y.backward()
show(lambda: y.backward())
show(lambda: x.numpy())
show(lambda: torch.tensor([1, 2]).mean())
try:
    fc(torch.randn(3, 8))
except RuntimeError as e:
    msg = str(e)
    if "shapes cannot be multiplied" in msg:
        print("shape mismatch detected:", msg.split("(")[1].split(")")[0])
