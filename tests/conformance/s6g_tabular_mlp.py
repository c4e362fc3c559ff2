# Tabular MLP: categorical columns through nn.Embedding (one table per column, concatenated), numeric columns
# standardised, BatchNorm1d in train/eval, dropout, nn.ModuleList of embeddings, binary classification with
# BCEWithLogitsLoss(pos_weight) and regression head with HuberLoss; running stats printed.
import torch
import torch.nn as nn

torch.manual_seed(10)
N = 64
cards = [5, 3, 7]
cats = torch.stack([torch.randint(0, c, (N,)) for c in cards], dim=1)
nums = torch.randn(N, 4) * torch.tensor([1.0, 10.0, 0.1, 3.0]) + torch.tensor([0.0, 50.0, 1.0, -2.0])
mean, std = nums.mean(0), nums.std(0)
nums_n = (nums - mean) / std
y = ((cats[:, 0] == 2) | (nums[:, 1] > 55)).float()
y_reg = nums[:, 0] * 2 + cats[:, 1].float()


class TabNet(nn.Module):
    def __init__(self, cards, n_num, out):
        super().__init__()
        self.embs = nn.ModuleList([nn.Embedding(c, min(4, (c + 1) // 2)) for c in cards])
        d = sum(e.embedding_dim for e in self.embs) + n_num
        self.bn_num = nn.BatchNorm1d(n_num, affine=False)
        self.mlp = nn.Sequential(nn.Linear(d, 16, bias=False), nn.BatchNorm1d(16), nn.ReLU(), nn.Dropout(0.1), nn.Linear(16, out))

    def forward(self, c, x):
        e = torch.cat([emb(c[:, i]) for i, emb in enumerate(self.embs)], dim=1)
        return self.mlp(torch.cat([e, self.bn_num(x)], dim=1))


print(mean, std)
clf = TabNet(cards, 4, 1)
print(clf)
pos_weight = (y == 0).sum() / (y == 1).sum()
crit = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
opt = torch.optim.AdamW(clf.parameters(), lr=0.02)
for epoch in range(25):
    clf.train()
    perm = torch.randperm(N)
    for b in range(0, N, 16):
        idx = perm[b:b + 16]
        loss = crit(clf(cats[idx], nums_n[idx]).squeeze(1), y[idx])
        opt.zero_grad()
        loss.backward()
        opt.step()
    if epoch % 5 == 4:
        clf.eval()
        with torch.no_grad():
            p = torch.sigmoid(clf(cats, nums_n).squeeze(1))
        print(epoch, f"{loss.item():.5f}", f"{((p > 0.5).float() == y).float().mean().item():.4f}")
print(clf.bn_num.running_mean, clf.bn_num.running_var, clf.bn_num.num_batches_tracked)
print(clf.mlp[1].running_mean[:4])
reg = TabNet(cards, 4, 1)
opt = torch.optim.Adam(reg.parameters(), lr=0.03)
hub = nn.HuberLoss(delta=1.0)
for step in range(30):
    out = reg(cats, nums_n).squeeze(1)
    loss = hub(out, y_reg)
    opt.zero_grad()
    loss.backward()
    opt.step()
print("reg", f"{loss.item():.5f}", reg.embs[2].weight.grad.abs().sum(1))
reg.eval()
print(reg(cats[:3], nums_n[:3]).detach().squeeze(1))
