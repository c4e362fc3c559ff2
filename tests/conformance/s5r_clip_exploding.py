# Exploding gradients in a vanilla RNN and the two remedies from the docs/blogs: clip_grad_norm_ (L2, inf,
# returned total norm, foreach, error_if_nonfinite) and clip_grad_value_; gradient norms per step printed.
import torch
import torch.nn as nn

torch.manual_seed(0)
rnn = nn.RNN(4, 16, nonlinearity="relu")
with torch.no_grad():
    rnn.weight_hh_l0.mul_(3.0)
head = nn.Linear(16, 1)
x = torch.randn(30, 2, 4)
y = torch.randn(2, 1)
params = list(rnn.parameters()) + list(head.parameters())
out, h = rnn(x)
loss = nn.functional.mse_loss(head(h[-1]), y)
loss.backward()
norms = [p.grad.norm().item() for p in params]
print(f"{loss.item():.4e}", [f"{n:.3e}" for n in norms])
total = torch.nn.utils.clip_grad_norm_(params, max_norm=1.0)
print(f"{total.item():.4e}", f"{torch.norm(torch.stack([p.grad.norm() for p in params])).item():.6f}")

for p in params:
    p.grad = None
opt = torch.optim.SGD(params, lr=0.05)
torch.manual_seed(1)
with torch.no_grad():
    rnn.weight_hh_l0.copy_(torch.randn(16, 16) * 0.2)
for step in range(6):
    opt.zero_grad()
    out, h = rnn(x)
    loss = nn.functional.mse_loss(head(h[-1]), y)
    loss.backward()
    n_inf = nn.utils.clip_grad_norm_(params, 0.5, norm_type="inf")
    n2 = nn.utils.get_total_norm([p.grad for p in params]) if hasattr(nn.utils, "get_total_norm") else None
    opt.step()
    print(step, f"{loss.item():.5f}", f"{n_inf.item():.5f}", f"{n2.item():.5f}")
for p in params:
    p.grad = torch.full_like(p, 3.0)
params[0].grad[0, 0] = -7.0
nn.utils.clip_grad_value_(params, clip_value=0.25)
print(params[0].grad[0, :3], params[-1].grad)
w = torch.ones(3, requires_grad=True)
w.grad = torch.tensor([1.0, float("nan"), 2.0])
try:
    nn.utils.clip_grad_norm_([w], 1.0, error_if_nonfinite=True)
except RuntimeError as e:
    print("RuntimeError:", str(e)[:70])
print(nn.utils.clip_grad_norm_([w], 1.0))
w.grad = torch.tensor([3.0, 4.0, 0.0])
print(nn.utils.clip_grad_norm_([w], 1.0, foreach=False), w.grad)
print(nn.utils.clip_grad_norm_(w, 10.0), w.grad)
print(nn.utils.clip_grad_norm_([], 1.0))
