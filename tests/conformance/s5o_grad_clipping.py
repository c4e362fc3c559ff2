# clip_grad_norm_ (norm types, returned total norm, error_if_nonfinite, foreach), clip_grad_value_,
# clipping a single tensor, and clip inside a training loop.
import torch
import torch.nn as nn
from torch.nn.utils import clip_grad_norm_, clip_grad_value_

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(6, 10), nn.Tanh(), nn.Linear(10, 2))
x = torch.randn(12, 6) * 5
y = torch.randn(12, 2)


def fresh_grads():
    model.zero_grad()
    nn.functional.mse_loss(model(x), y * 20).backward()


for nt in [2.0, 1, 3, float("inf"), "inf"]:
    fresh_grads()
    total = clip_grad_norm_(model.parameters(), max_norm=0.5, norm_type=nt)
    after = torch.norm(torch.stack([torch.norm(p.grad.detach(), float(nt)) for p in model.parameters()]), float(nt))
    print("norm_type", nt, "total", f"{total.item():.5f}", "after", f"{after.item():.5f}", total.dtype, total.shape)

fresh_grads()
before = [p.grad.clone() for p in model.parameters()]
total = clip_grad_norm_(model.parameters(), max_norm=1e6)
print("no-op clip", f"{total.item():.5f}", all(torch.equal(a, p.grad) for a, p in zip(before, model.parameters())))

fresh_grads()
clip_grad_value_(model.parameters(), clip_value=0.1)
print("value clip", [f"{p.grad.abs().max().item():.4f}" for p in model.parameters()])
print("value clip grad0 row", model[0].weight.grad[0].numpy().round(4))

t = torch.randn(5, requires_grad=True)
(t * 10).sum().backward()
n = clip_grad_norm_(t, 1.0)
print("single tensor", f"{n.item():.5f}", t.grad.norm().item() < 1.0 + 1e-5)

w = torch.tensor([1.0, 2.0], requires_grad=True)
(w * float("inf")).sum().backward()
try:
    clip_grad_norm_([w], 1.0, error_if_nonfinite=True)
except RuntimeError as e:
    print("RuntimeError:", str(e).split(".")[0])
print("nonfinite total", clip_grad_norm_([w], 1.0).item())

print("empty", clip_grad_norm_([], 1.0))

opt = torch.optim.SGD(model.parameters(), lr=0.05)
for step in range(5):
    opt.zero_grad()
    loss = nn.functional.mse_loss(model(x), y * 20)
    loss.backward()
    gn = clip_grad_norm_(model.parameters(), 2.0)
    opt.step()
    print(f"step {step} loss {loss.item():.4f} grad_norm {gn.item():.4f}")
