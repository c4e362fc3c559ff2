# What RL scripts print while logging: module and optimizer reprs, parameter counts, named_parameters with
# no grads yet, distribution reprs, tensor printing of mixed magnitudes / ints / NaN / bools, set_printoptions
# precision and sci_mode, numpy round, tolist, and f-string formatting of item()s.
import torch
import torch.nn as nn
torch.manual_seed(0)
# printing of various things in logs
net = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))
print(net)
print(sum(p.numel() for p in net.parameters() if p.requires_grad))
for name, p in net.named_parameters():
    print(name, tuple(p.shape), p.grad)
opt = torch.optim.Adam(net.parameters(), lr=3e-4, eps=1e-5)
print(opt)
print(torch.optim.RMSprop(net.parameters(), lr=7e-4, alpha=0.99, eps=1e-5))
d = torch.distributions.Normal(torch.zeros(2), torch.ones(2))
print(d, torch.distributions.Categorical(logits=torch.zeros(2, 3)))
print(torch.tensor([1e-8, 1.0, 1e6]), torch.tensor([123456.0, 0.5]), torch.tensor([1, -2, 3000]))
print(torch.tensor([[0.1234567, 1e-5]]), torch.tensor(float('nan')), torch.tensor([True, False]))
torch.set_printoptions(precision=2, sci_mode=False)
print(torch.tensor([1e-8, 1.0, 1e6]), torch.randn(2, 3))
torch.set_printoptions(profile="default")
print(torch.randn(3).numpy().round(3), torch.randn(2, 2).tolist())
print(f"{torch.tensor(0.123456).item():8.3f}|{torch.tensor([1.5]).item():>6}")
