# Early stopping with a patience counter and best-weights restore (copy.deepcopy of state_dict),
# gradient clipping by norm / value / inf-norm, grad-norm logging, and NaN detection.
import copy
import torch
import torch.nn as nn

torch.manual_seed(3)
X = torch.randn(60, 5)
y = X[:, :2].sum(1, keepdim=True) + 0.5 * torch.randn(60, 1)
Xtr, ytr, Xva, yva = X[:40], y[:40], X[40:], y[40:]
model = nn.Sequential(nn.Linear(5, 32), nn.ReLU(), nn.Linear(32, 32), nn.ReLU(), nn.Linear(32, 1))
opt = torch.optim.Adam(model.parameters(), lr=0.02)
best_loss, best_state, best_epoch = float("inf"), None, -1
patience, bad = 4, 0
for epoch in range(60):
    model.train()
    loss = nn.functional.mse_loss(model(Xtr), ytr)
    opt.zero_grad()
    loss.backward()
    total_norm = nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
    opt.step()
    model.eval()
    with torch.no_grad():
        val = nn.functional.mse_loss(model(Xva), yva).item()
    print(f"epoch {epoch:2d} train {loss.item():.4f} val {val:.4f} grad_norm {total_norm.item():.4f}")
    if val < best_loss - 1e-4:
        best_loss, best_epoch, bad = val, epoch, 0
        best_state = copy.deepcopy(model.state_dict())
    else:
        bad += 1
        if bad >= patience:
            print(f"Early stopping at epoch {epoch}, best epoch {best_epoch} ({best_loss:.4f})")
            break
model.load_state_dict(best_state)
with torch.no_grad():
    print(round(nn.functional.mse_loss(model(Xva), yva).item(), 4))
clone = copy.deepcopy(model)
print(clone[0].weight is model[0].weight, torch.equal(clone[0].weight, model[0].weight), clone)

lin = nn.Linear(4, 3)
out = lin(torch.randn(5, 4) * 10).pow(2).sum()
out.backward()
g = [p.grad.clone() for p in lin.parameters()]
print(torch.cat([x.flatten() for x in g]).norm())
n2 = nn.utils.clip_grad_norm_(lin.parameters(), 5.0)
print(n2, lin.weight.grad.norm(), lin.bias.grad)
for p, gg in zip(lin.parameters(), g):
    p.grad = gg.clone()
ninf = nn.utils.clip_grad_norm_(lin.parameters(), 2.0, norm_type=float("inf"))
print(ninf, lin.weight.grad.abs().max())
for p, gg in zip(lin.parameters(), g):
    p.grad = gg.clone()
n1 = nn.utils.clip_grad_norm_(lin.parameters(), 10.0, norm_type=1)
print(n1, lin.bias.grad)
for p, gg in zip(lin.parameters(), g):
    p.grad = gg.clone()
nn.utils.clip_grad_value_(lin.parameters(), clip_value=3.0)
print(lin.weight.grad, lin.bias.grad)
print(nn.utils.clip_grad_norm_(lin.weight, 1.0), nn.utils.get_total_norm([p.grad for p in lin.parameters()]))
lin.weight.grad[0, 0] = float("nan")
print(nn.utils.clip_grad_norm_(lin.parameters(), 1.0))
try:
    nn.utils.clip_grad_norm_(lin.parameters(), 1.0, error_if_nonfinite=True)
except RuntimeError as e:
    print("RuntimeError", str(e)[:60])
vec = nn.utils.parameters_to_vector(lin.parameters())
print(vec.shape, vec[:3])
nn.utils.vector_to_parameters(torch.arange(15.0), lin.parameters())
print(lin.weight, lin.bias)
bad_model = nn.Linear(2, 1)
with torch.no_grad():
    bad_model.weight.fill_(1e38)
l = bad_model(torch.tensor([[1e38, 1e38]])).sum()
print(l, torch.isfinite(l).item(), torch.isnan(l - l).item())
