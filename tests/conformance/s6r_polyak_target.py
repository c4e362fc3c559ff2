# Target networks: Polyak averaging under torch.no_grad with mul_/add_, lerp_, copy_ via zip(parameters()),
# torch._foreach-free loops, state_dict-based soft updates, and a check that target params never get grads.
import copy

import torch
import torch.nn as nn

torch.manual_seed(0)
net = nn.Sequential(nn.Linear(3, 8), nn.ReLU(), nn.Linear(8, 2))
targ = copy.deepcopy(net)
for p in targ.parameters():
    p.requires_grad = False
targ2 = copy.deepcopy(net)
targ3 = copy.deepcopy(net)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
polyak = 0.9
for step in range(5):
    x = torch.randn(4, 3)
    loss = (net(x) - targ(x)).pow(2).sum() + net(x).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
    with torch.no_grad():
        for p, p_targ in zip(net.parameters(), targ.parameters()):
            p_targ.data.mul_(polyak)
            p_targ.data.add_((1 - polyak) * p.data)
        for p, p2 in zip(net.parameters(), targ2.parameters()):
            p2.lerp_(p, 1 - polyak)
        sd, td = net.state_dict(), targ3.state_dict()
        for k in sd:
            td[k] = polyak * td[k] + (1 - polyak) * sd[k]
        targ3.load_state_dict(td)
    print(step, f"{loss.item():.6f}", [round(p.sum().item(), 5) for p in targ.parameters()])
for a, b, c in zip(targ.parameters(), targ2.parameters(), targ3.parameters()):
    print(torch.allclose(a, b, atol=1e-6), torch.allclose(a, c, atol=1e-6), a.grad, b.requires_grad)
print(targ[0].weight)
w = torch.zeros(3)
w.lerp_(torch.ones(3), torch.tensor([0.1, 0.5, 1.0]))
print(w, torch.lerp(torch.zeros(2), torch.tensor([2.0, 4.0]), 0.25))
a = torch.randn(3, requires_grad=True)
b = torch.randn(3, requires_grad=True)
torch.lerp(a, b, 0.3).sum().backward()
print(a.grad, b.grad)
# hard update with copy_
with torch.no_grad():
    for p, pt in zip(net.parameters(), targ.parameters()):
        pt.copy_(p)
print(all(torch.equal(p, pt) for p, pt in zip(net.parameters(), targ.parameters())))
