# Recommender matrix factorisation: user/item nn.Embedding with biases, dot-product scores via (u * i).sum(-1)
# and bmm, MSE training with SparseAdam-free Adam + weight_decay, BPR pairwise loss with logsigmoid,
# top-k recommendation excluding seen items, and embedding max_norm / padding_idx behaviour.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(9)
n_users, n_items, k = 8, 12, 4


class MF(nn.Module):
    def __init__(self):
        super().__init__()
        self.u = nn.Embedding(n_users, k)
        self.i = nn.Embedding(n_items, k)
        self.ub = nn.Embedding(n_users, 1)
        self.ib = nn.Embedding(n_items, 1)
        nn.init.normal_(self.u.weight, std=0.1)
        nn.init.normal_(self.i.weight, std=0.1)
        nn.init.zeros_(self.ub.weight)
        nn.init.zeros_(self.ib.weight)
        self.mu = nn.Parameter(torch.tensor(3.0))

    def forward(self, users, items):
        dot = (self.u(users) * self.i(items)).sum(-1)
        return dot + self.ub(users).squeeze(-1) + self.ib(items).squeeze(-1) + self.mu


users = torch.randint(0, n_users, (60,))
items = torch.randint(0, n_items, (60,))
ratings = (torch.rand(60) * 4 + 1).round()
model = MF()
opt = torch.optim.Adam(model.parameters(), lr=0.05, weight_decay=1e-4)
for epoch in range(30):
    pred = model(users, items)
    loss = F.mse_loss(pred, ratings)
    opt.zero_grad()
    loss.backward()
    opt.step()
    if epoch % 6 == 5:
        print(epoch, f"{loss.item():.5f}", f"{torch.sqrt(loss).item():.5f}")
with torch.no_grad():
    scores = model.u.weight @ model.i.weight.T + model.ub.weight + model.ib.weight.T + model.mu
    seen = torch.zeros(n_users, n_items, dtype=torch.bool)
    seen[users, items] = True
    scores[seen] = float("-inf")
    top = scores.topk(3, dim=1)
print(top.indices, top.values[:2])
u_e = model.u(users[:5]).unsqueeze(1)
i_e = model.i(items[:5]).unsqueeze(2)
print(torch.bmm(u_e, i_e).squeeze(), (model.u(users[:5]) * model.i(items[:5])).sum(1))
pos = torch.randint(0, n_items, (16,))
neg = torch.randint(0, n_items, (16,))
uu = torch.randint(0, n_users, (16,))
u = nn.Embedding(n_users, k)
it = nn.Embedding(n_items, k)
opt2 = torch.optim.SGD(list(u.parameters()) + list(it.parameters()), lr=0.1)
for step in range(10):
    x_ui = (u(uu) * it(pos)).sum(1)
    x_uj = (u(uu) * it(neg)).sum(1)
    bpr = -F.logsigmoid(x_ui - x_uj).mean() + 1e-3 * (u(uu).pow(2).sum() + it(pos).pow(2).sum()) / 16
    opt2.zero_grad()
    bpr.backward()
    opt2.step()
print("bpr", f"{bpr.item():.6f}", u.weight.grad[uu[0]])
emb = nn.Embedding(5, 3, padding_idx=0, max_norm=1.0)
with torch.no_grad():
    emb.weight.mul_(3)
out = emb(torch.tensor([[0, 2, 4], [2, 1, 0]]))
print(out, emb.weight.norm(dim=1))
print(F.embedding(torch.tensor([1, 3]), torch.arange(15.0).view(5, 3), max_norm=2.0, norm_type=1.0))
