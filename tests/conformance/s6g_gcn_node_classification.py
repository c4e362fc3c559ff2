# GCN on a small hand-made graph: dense adjacency with self-loops, symmetric normalisation, adjacency matrix
# powers (walk counts, k-hop reachability via matrix_power), and semi-supervised node classification with
# train/val masks, Adam, weight decay and dropout in eval mode.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(8)
edges = [(0, 1), (1, 2), (2, 0), (2, 3), (3, 4), (4, 5), (5, 6), (6, 4), (6, 7), (7, 8), (8, 9), (9, 7)]
n = 10
A = torch.zeros(n, n)
for i, j in edges:
    A[i, j] = A[j, i] = 1.0
print(A.sum(1), torch.linalg.matrix_power(A, 2)[0], torch.matrix_power(A, 3).diagonal() / 6)
reach = (torch.linalg.matrix_power(A + torch.eye(n), 3) > 0).sum(1)
print("3-hop reach", reach)
A_hat = A + torch.eye(n)
d = A_hat.sum(1)
D = torch.diag(d.pow(-0.5))
A_norm = D @ A_hat @ D
print(A_norm[2], torch.allclose(A_norm, A_norm.T))
ev = torch.linalg.eigvalsh(A_norm)
print(ev.max(), ev.min())


class GCN(nn.Module):
    def __init__(self, fin, hid, out, p=0.5):
        super().__init__()
        self.l1 = nn.Linear(fin, hid)
        self.l2 = nn.Linear(hid, out)
        self.drop = nn.Dropout(p)

    def forward(self, x, adj):
        h = F.relu(adj @ self.l1(x))
        h = self.drop(h)
        return adj @ self.l2(h)


labels = torch.tensor([0, 0, 0, 0, 1, 1, 1, 2, 2, 2])
X = torch.eye(n) + 0.1 * torch.randn(n, n)
train_mask = torch.zeros(n, dtype=torch.bool)
train_mask[[0, 5, 8]] = True
model = GCN(n, 8, 3, p=0.0)
opt = torch.optim.Adam(model.parameters(), lr=0.05, weight_decay=5e-4)
for epoch in range(40):
    model.train()
    out = model(X, A_norm)
    loss = F.cross_entropy(out[train_mask], labels[train_mask])
    opt.zero_grad()
    loss.backward()
    opt.step()
    if epoch % 10 == 9:
        model.eval()
        with torch.no_grad():
            pred = model(X, A_norm).argmax(1)
        acc = (pred[~train_mask] == labels[~train_mask]).float().mean()
        print(epoch, f"{loss.item():.5f}", pred.tolist(), f"{acc.item():.4f}")
with torch.no_grad():
    emb = F.relu(A_norm @ model.l1(X))
print(emb.norm(dim=1))
L = torch.diag(A.sum(1)) - A
vals, vecs = torch.linalg.eigh(L)
print("laplacian", vals[:3], (vals.abs() < 1e-5).sum())
