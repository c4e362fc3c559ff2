# clip_grad_norm_ returns the total norm, clip_grad_value_, norm types, foreach, in-place updates inside no_grad.
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3))
x = torch.randn(16, 4)
y = torch.randint(0, 3, (16,))
loss = nn.functional.cross_entropy(model(x), y) * 10
loss.backward()
norms = [p.grad.norm() for p in model.parameters()]
print(torch.stack(norms), torch.norm(torch.stack(norms)))
for nt in (2.0, 1, float("inf"), 3):
    g = [p.grad.clone() for p in model.parameters()]
    tot = nn.utils.clip_grad_norm_(model.parameters(), max_norm=0.5, norm_type=nt)
    print(nt, tot, sum(p.grad.abs().sum() for p in model.parameters()))
    for p, gg in zip(model.parameters(), g):
        p.grad.copy_(gg)
tot = nn.utils.clip_grad_norm_(model.parameters(), 1e6)
print(tot, model[0].weight.grad[0])
nn.utils.clip_grad_value_(model.parameters(), clip_value=0.05)
print(model[0].weight.grad.max(), model[0].weight.grad.min(), model[2].bias.grad)
print(nn.utils.clip_grad_norm_([], 1.0))
p = torch.nn.Parameter(torch.ones(3))
p.grad = torch.tensor([3.0, 4.0, 0.0])
print(nn.utils.clip_grad_norm_(p, 1.0), p.grad)
print(nn.utils.get_total_norm([torch.tensor([3.0, 4.0])]) if hasattr(nn.utils, "get_total_norm") else "n/a")
lr = 0.1
for step in range(5):
    model.zero_grad()
    loss = nn.functional.cross_entropy(model(x), y)
    loss.backward()
    nn.utils.clip_grad_norm_(model.parameters(), 0.3)
    with torch.no_grad():
        for q in model.parameters():
            q -= lr * q.grad
    print(step, f"{loss.item():.5f}")
with torch.no_grad():
    for q in model.parameters():
        q.add_(q.grad, alpha=-lr)
        q.mul_(0.99)
    model[0].bias.fill_(0.0)
    model[2].weight[0].zero_()
print(model[0].bias, model[2].weight[:2])
print(model[0].weight.requires_grad, model[0].weight.is_leaf, model[0].weight.grad_fn)
w = torch.randn(3, requires_grad=True)
try:
    w -= 1.0
except RuntimeError as e:
    print("RuntimeError:", e)
w.data -= 1.0
print(w.requires_grad)
vec = nn.utils.parameters_to_vector(model.parameters())
print(vec.shape, vec.sum())
nn.utils.vector_to_parameters(vec * 0.5, model.parameters())
print(model[2].bias)
