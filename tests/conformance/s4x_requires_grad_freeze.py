# requires_grad_ toggling, freezing layers, detach vs data, leaf checks and grads of frozen params.
import torch
import torch.nn as nn

torch.manual_seed(0)
net = nn.Sequential(nn.Linear(3, 4), nn.Tanh(), nn.Linear(4, 2))
for p in net[0].parameters():
    p.requires_grad_(False)
print([p.requires_grad for p in net.parameters()])
opt = torch.optim.SGD(filter(lambda p: p.requires_grad, net.parameters()), lr=0.1)
x = torch.randn(8, 3)
before = net[0].weight.clone()
for _ in range(3):
    opt.zero_grad()
    loss = net(x).pow(2).mean()
    loss.backward()
    opt.step()
print(loss.item(), torch.equal(before, net[0].weight), net[0].weight.grad, net[2].bias.grad)
net.requires_grad_(True)
print(all(p.requires_grad for p in net.parameters()))
net.requires_grad_(False)
out = net(x)
print(out.requires_grad, out.grad_fn)
net.requires_grad_()
a = torch.randn(3, requires_grad=True)
b = a.detach()
c = a.data
b[0] = 100.0
print(a[0].item() == 100.0, b.requires_grad, c.requires_grad, b._version, a._version)
y = a * 2
z = y.detach()
print(z.is_leaf, y.is_leaf, a.is_leaf, z.requires_grad)
d = a.detach().clone().requires_grad_(True)
print(d.is_leaf, d.grad)
(d * 3).sum().backward()
print(d.grad)
e = torch.randn(2, 2)
print(e.requires_grad, e.is_leaf, e.grad)
e.requires_grad = True
(e ** 2).sum().backward()
print(torch.equal(e.grad, 2 * e.detach()))
f = torch.zeros(2, requires_grad=True)
g = f + 1
print(g.is_leaf, g.requires_grad, g.detach_().requires_grad, g.is_leaf)
h = torch.ones(3, requires_grad=True)
k = h * 2
k.retain_grad()
print(k.retains_grad, h.retains_grad)
k.sum().backward()
print(k.grad, h.grad)
emb = nn.Embedding(5, 3)
emb.weight.requires_grad = False
print(emb(torch.tensor([1, 2])).requires_grad)
lin = nn.Linear(2, 2)
lin.weight.requires_grad = False
o = lin(torch.ones(1, 2)).sum()
o.backward()
print(lin.weight.grad, lin.bias.grad)
print(sum(p.numel() for p in net.parameters() if p.requires_grad))
