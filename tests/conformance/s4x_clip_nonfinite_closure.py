# clip_grad_norm_ with non-finite grads, error_if_nonfinite, foreach flag, optimizer.step(closure) for every optimizer.
import torch
import torch.nn as nn

p = nn.Parameter(torch.ones(3))
q = nn.Parameter(torch.ones(2))
p.grad = torch.tensor([1.0, float("inf"), 2.0])
q.grad = torch.tensor([3.0, 4.0])
print(nn.utils.clip_grad_norm_([p, q], 1.0), p.grad, q.grad)
p.grad = torch.tensor([1.0, float("nan"), 2.0])
try:
    nn.utils.clip_grad_norm_([p, q], 1.0, error_if_nonfinite=True)
except RuntimeError as e:
    print("RuntimeError:", str(e)[:60])
p.grad = torch.tensor([1.0, 2.0, 2.0])
q.grad = torch.tensor([3.0, 4.0])
print(nn.utils.clip_grad_norm_([p, q], 2.0, foreach=True), p.grad, q.grad)
print(nn.utils.clip_grad_norm_([p, q], 2.0, norm_type=1.0), nn.utils.clip_grad_norm_(iter([p, q]), 100.0))
nn.utils.clip_grad_value_([p, q], 0.25, foreach=False)
print(p.grad, q.grad)
q.grad = None
print(nn.utils.clip_grad_norm_([p, q], 0.1), p.grad)
torch.manual_seed(0)
X = torch.randn(20, 3)
y = X @ torch.tensor([1.0, -1.0, 2.0])
for name, kw in (("SGD", {"lr": 0.05}), ("Adam", {"lr": 0.05}), ("AdamW", {"lr": 0.05}), ("RMSprop", {"lr": 0.01}),
                 ("Adagrad", {"lr": 0.1}), ("Rprop", {}), ("NAdam", {"lr": 0.05}), ("RAdam", {"lr": 0.05}),
                 ("Adamax", {"lr": 0.05}), ("Adadelta", {"lr": 1.0}), ("ASGD", {"lr": 0.05})):
    w = torch.zeros(3, requires_grad=True)
    opt = getattr(torch.optim, name)([w], **kw)

    def closure():
        opt.zero_grad()
        loss = ((X @ w - y) ** 2).mean()
        loss.backward()
        return loss

    losses = [opt.step(closure).item() for _ in range(10)]
    print(name, [round(v, 5) for v in losses[::3]], w.detach())
