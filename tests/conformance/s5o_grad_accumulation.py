# Gradient accumulation: micro-batches with loss / accum_steps match one big batch; accumulation with DataLoader.
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
X = torch.randn(32, 5)
y = torch.randint(0, 3, (32,))


def make():
    torch.manual_seed(1)
    return nn.Sequential(nn.Linear(5, 16), nn.ReLU(), nn.Linear(16, 3))


crit = nn.CrossEntropyLoss()
big = make()
crit(big(X), y).backward()
g_big = [p.grad.clone() for p in big.parameters()]

small = make()
accum = 4
for i, (xb, yb) in enumerate(zip(X.chunk(accum), y.chunk(accum))):
    loss = crit(small(xb), yb) / accum
    loss.backward()
    print("micro", i, f"{loss.item():.6f}", f"{small[0].weight.grad.norm().item():.6f}")
for a, b in zip(g_big, small.parameters()):
    print("match", tuple(a.shape), torch.allclose(a, b.grad, atol=1e-6), f"{(a - b.grad).abs().max().item():.2e}")

# the training loop version
model = make()
opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
loader = DataLoader(TensorDataset(X, y), batch_size=4, shuffle=False)
accum_steps = 3
opt.zero_grad()
updates = 0
for step, (xb, yb) in enumerate(loader):
    loss = crit(model(xb), yb) / accum_steps
    loss.backward()
    if (step + 1) % accum_steps == 0 or step + 1 == len(loader):
        nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
        opt.step()
        opt.zero_grad()
        updates += 1
        print(f"update {updates} after batch {step} loss {loss.item() * accum_steps:.5f}")
print("updates", updates, "len(loader)", len(loader))
with torch.no_grad():
    print("final loss", f"{crit(model(X), y).item():.6f}")

# accumulation with sum-reduction then dividing grads by the sample count
model = make()
for xb, yb in zip(X.split(10), y.split(10)):
    nn.functional.cross_entropy(model(xb), yb, reduction="sum").backward()
for p in model.parameters():
    p.grad /= len(X)
print("sum-then-divide matches mean:", all(torch.allclose(a, p.grad, atol=1e-6) for a, p in zip(g_big, model.parameters())))
