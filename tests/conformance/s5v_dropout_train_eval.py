# Dropout family and train()/eval(): Dropout, Dropout1d/2d/3d (whole channels zeroed), AlphaDropout,
# F.dropout(training=...), inplace dropout, scaling by 1/(1-p), eval() as identity, the module.training
# flags propagating to children, and the warning-free behaviour of p=0 / p=1.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.ones(2, 4, 3, 3)
d2 = nn.Dropout2d(p=0.5)
print(d2, d2.training)
y = d2(x)
print(y[:, :, 0, 0], (y.sum(dim=(2, 3)) / 9))
print(((y == 0).flatten(2).all(-1) | (y == 2).flatten(2).all(-1)).all())
d2.eval()
print(torch.equal(d2(x), x))
d1 = nn.Dropout1d(0.25)
print(d1(torch.ones(2, 5, 4))[..., 0])
d3 = nn.Dropout3d(0.5)
print(d3(torch.ones(1, 6, 2, 2, 2)).sum(dim=(2, 3, 4)))
d = nn.Dropout(0.2)
z = d(torch.ones(4, 10))
print(z, (z != 0).float().mean())
print(F.dropout(torch.ones(3, 4), 0.5, training=False))
print(F.dropout(torch.ones(3, 4), 0.5, training=True))
print(F.dropout2d(torch.ones(1, 4, 2, 2), 0.5).flatten(1))
t = torch.ones(2, 6)
F.dropout(t, 0.5, inplace=True)
print(t)
print(nn.Dropout(0.0)(torch.ones(2, 3)), nn.Dropout(1.0)(torch.ones(2, 3)))
ad = nn.AlphaDropout(0.2)
a = ad(torch.randn(3, 5))
print(ad, a)
print(nn.FeatureAlphaDropout(0.5)(torch.randn(1, 3, 2)))
try:
    nn.Dropout(1.5)
except ValueError as e:
    print("ValueError:", e)

model = nn.Sequential(nn.Conv2d(1, 4, 3), nn.BatchNorm2d(4), nn.ReLU(), nn.Dropout2d(0.3), nn.Flatten(),
                      nn.Linear(4 * 4 * 4, 8), nn.Dropout(0.5), nn.Linear(8, 2))
inp = torch.randn(5, 1, 6, 6)
model.train()
out1, out2 = model(inp), model(inp)
print(torch.allclose(out1, out2), [m.training for m in model])
model.eval()
e1, e2 = model(inp), model(inp)
print(torch.equal(e1, e2), [m.training for m in model], model.training)
print(e1)
model[3].train()
print([m.training for m in model], model.training)
model.train(False)
print(all(not m.training for m in model.modules()))
