# BatchNorm / Dropout / LayerNorm behaviour in train vs eval mode, running statistics, momentum=None,
# track_running_stats=False, and the effect of model.eval() on predictions.
import torch
import torch.nn as nn

torch.manual_seed(0)
bn = nn.BatchNorm1d(3)
print(bn.running_mean, bn.running_var, bn.num_batches_tracked, bn.momentum, bn.eps)
for i in range(3):
    x = torch.randn(8, 3) * (i + 1) + i
    y = bn(x)
    print(i, y.mean(0), y.var(0, unbiased=False), bn.running_mean, bn.running_var, bn.num_batches_tracked)
bn.eval()
print(bn(torch.ones(2, 3)))
print(bn.training, bn.state_dict().keys())

cma = nn.BatchNorm1d(2, momentum=None)
for i in range(4):
    cma(torch.randn(5, 2) + i)
print(cma.running_mean, cma.running_var, cma.num_batches_tracked)
nostat = nn.BatchNorm2d(2, track_running_stats=False)
print(nostat.running_mean, list(nostat.state_dict().keys()))
img = torch.randn(4, 2, 3, 3)
nostat.eval()
print(nostat(img)[0, 0])
bn2 = nn.BatchNorm2d(2, affine=False)
o = bn2(img)
print(o.mean(dim=(0, 2, 3)), o.var(dim=(0, 2, 3), unbiased=False), bn2.running_var)
seq = torch.randn(4, 2, 6)
bn1 = nn.BatchNorm1d(2)
print(bn1(seq).mean(dim=(0, 2)), bn1.running_mean)

drop = nn.Dropout(p=0.5)
a = torch.ones(4, 6)
d = drop(a)
print(d, (d == 0).sum().item(), d.sum().item())
drop.eval()
print(torch.equal(drop(a), a))
print(nn.functional.dropout(a, 0.3, training=True))
print(nn.functional.dropout(a, 0.3, training=False).sum())
print(nn.Dropout2d(0.5)(torch.ones(2, 4, 2, 2))[:, :, 0, 0])
print(nn.AlphaDropout(0.3)(torch.randn(3, 4)))

ln = nn.LayerNorm(6)
t = torch.randn(2, 3, 6) * 4 + 2
z = ln(t)
print(z.mean(-1), z.std(-1, unbiased=False))
ln2 = nn.LayerNorm([3, 6], elementwise_affine=False)
print(ln2(t).mean(dim=(-1, -2)))
gn = nn.GroupNorm(2, 4)
print(gn(torch.randn(2, 4, 5)).reshape(2, 2, -1).mean(-1))
inn = nn.InstanceNorm1d(2, track_running_stats=True)
inn(torch.randn(3, 2, 5))
print(inn.running_mean, inn.running_var)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 8, bias=False)
        self.bn = nn.BatchNorm1d(8)
        self.drop = nn.Dropout(0.3)
        self.out = nn.Linear(8, 1)

    def forward(self, x):
        return self.out(self.drop(torch.relu(self.bn(self.fc(x)))))


net = Net()
X = torch.randn(16, 4)
print(net.training, [m.training for m in net.children()])
tr1 = net(X[:4])
tr2 = net(X[:4])
print(torch.equal(tr1, tr2))
net.eval()
with torch.no_grad():
    e1 = net(X[:4])
    e2 = net(X[:4])
print(torch.equal(e1, e2), e1.squeeze(), [m.training for m in net.modules()])
net.train(False)
print(net.training)
net.train()
print(net.bn.training, net.drop.training)
y = X.sum(1, keepdim=True)
opt = torch.optim.Adam(net.parameters(), lr=0.01)
for epoch in range(20):
    net.train()
    loss = nn.functional.mse_loss(net(X), y)
    opt.zero_grad()
    loss.backward()
    opt.step()
    if epoch % 5 == 4:
        net.eval()
        with torch.no_grad():
            print(epoch, round(loss.item(), 4), round(nn.functional.mse_loss(net(X), y).item(), 4))
print(net.bn.running_mean, net.bn.num_batches_tracked)
