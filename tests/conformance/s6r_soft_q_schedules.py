# Soft Q-learning and training-loop details: soft values alpha*logsumexp(q/alpha) with -inf entries and all -inf
# rows, softmax NaNs and nan_to_num, logsumexp gradients, clip_grad_norm_ with no grads / inf-norm / 1-norm,
# LinearLR and PolynomialLR annealing as in PPO, and requires_grad of sample() vs rsample().
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(0)
q = torch.tensor([[1.0, float("-inf"), 2.0], [float("-inf")] * 3, [0.5, 0.5, 0.5]])
alpha = 0.5
v = alpha * torch.logsumexp(q / alpha, dim=1)
print(v, F.softmax(q / alpha, dim=1), torch.nan_to_num(F.softmax(q, 1), nan=0.0), torch.isfinite(v))
print(torch.nan_to_num(torch.tensor([float("nan"), float("inf"), -float("inf")])), torch.logsumexp(torch.tensor([float("-inf"), 0.0]), 0))
x = torch.randn(3, requires_grad=True)
y = alpha * torch.logsumexp(torch.stack([x, torch.tensor([0.0, float('-inf'), 1.0])]) / alpha, 0)
y.sum().backward(); print(y, x.grad)
net = nn.Linear(3, 2)
print(nn.utils.clip_grad_norm_(net.parameters(), 1.0))
net(torch.randn(4, 3)).sum().backward()
print(nn.utils.clip_grad_norm_(net.parameters(), 0.1, norm_type=float("inf")), net.weight.grad)
print(nn.utils.clip_grad_norm_(net.parameters(), 0.1, norm_type=1.0), net.bias.grad)
opt = torch.optim.Adam(net.parameters(), lr=2.5e-4)
s = torch.optim.lr_scheduler.LinearLR(opt, start_factor=1.0, end_factor=0.0, total_iters=5)
lrs = []
for i in range(7):
    opt.step(); s.step(); lrs.append(s.get_last_lr()[0])
print(lrs)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
s = torch.optim.lr_scheduler.PolynomialLR(opt, total_iters=4, power=1.0)
for i in range(5):
    opt.step(); s.step(); print(opt.param_groups[0]["lr"])
print(torch.distributions.Categorical(logits=torch.zeros(3)).sample().dtype, torch.distributions.Normal(0., 1.).sample().requires_grad)
t = torch.zeros(3, requires_grad=True)
print(torch.distributions.Normal(t, 1.).sample().requires_grad, torch.distributions.Normal(t, 1.).rsample().requires_grad)
