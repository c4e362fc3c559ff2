# An autoencoder trained with MSE, and a multi-label classifier with BCEWithLogitsLoss and sigmoid thresholds.
import torch
import torch.nn as nn

data = torch.rand(32, 8)
enc = nn.Sequential(nn.Linear(8, 4), nn.ReLU(), nn.Linear(4, 2))
dec = nn.Sequential(nn.Linear(2, 4), nn.ReLU(), nn.Linear(4, 8), nn.Sigmoid())
opt = torch.optim.RMSprop(list(enc.parameters()) + list(dec.parameters()), lr=0.01)
for epoch in range(30):
    recon = dec(enc(data))
    loss = nn.functional.mse_loss(recon, data)
    opt.zero_grad()
    loss.backward()
    opt.step()
    if epoch % 10 == 9:
        print(epoch, loss.item())
print(enc(data[:2]))

X = torch.randn(40, 5)
Y = torch.stack([(X[:, 0] > 0), (X[:, 1] + X[:, 2] > 0), (X[:, 3] < -0.5)], dim=1).float()
clf = nn.Linear(5, 3)
crit = nn.BCEWithLogitsLoss(pos_weight=torch.tensor([1.0, 2.0, 3.0]))
opt = torch.optim.SGD(clf.parameters(), lr=0.5, momentum=0.5)
for _ in range(40):
    loss = crit(clf(X), Y)
    opt.zero_grad()
    loss.backward()
    opt.step()
pred = (torch.sigmoid(clf(X)) > 0.5).float()
print(loss.item(), (pred == Y).float().mean(0), pred[:4])
print(nn.MultiLabelSoftMarginLoss()(clf(X), Y).item(), nn.BCELoss(weight=torch.tensor([1.0, 0.5, 2.0]))(torch.sigmoid(clf(X)), Y).item())
