# Graph attention and link prediction: a GAT layer with per-edge LeakyReLU scores, edge softmax through
# scatter_reduce(amax) + index_add_, multi-head concat; k-NN graph built with cdist/topk; link prediction
# with dot-product decoder, random negative edges and BCEWithLogits; AUC of held-out edges.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(14)
N, Fin = 12, 5
pts = torch.randn(N, 2)
X = torch.cat([pts, torch.randn(N, Fin - 2)], 1)
d = torch.cdist(pts, pts)
d.fill_diagonal_(float("inf"))
knn = d.topk(3, dim=1, largest=False).indices
src = torch.arange(N).repeat_interleave(3)
dst = knn.reshape(-1)
ei = torch.unique(torch.cat([torch.stack([src, dst]), torch.stack([dst, src])], 1), dim=1)
print(ei.shape, ei[:, :8])


class GATLayer(nn.Module):
    def __init__(self, fin, fout, heads):
        super().__init__()
        self.W = nn.Linear(fin, fout * heads, bias=False)
        self.a_src = nn.Parameter(torch.randn(heads, fout) * 0.3)
        self.a_dst = nn.Parameter(torch.randn(heads, fout) * 0.3)
        self.h, self.f = heads, fout

    def forward(self, x, ei):
        s, t = ei
        h = self.W(x).view(-1, self.h, self.f)
        e = F.leaky_relu((h[s] * self.a_src).sum(-1) + (h[t] * self.a_dst).sum(-1), 0.2)
        emax = torch.full((x.shape[0], self.h), -1e9).scatter_reduce(
            0, t.unsqueeze(1).expand(-1, self.h), e, reduce="amax", include_self=True)
        w = (e - emax[t]).exp()
        den = torch.zeros(x.shape[0], self.h).index_add_(0, t, w)
        alpha = w / den[t]
        out = torch.zeros(x.shape[0], self.h, self.f).index_add_(0, t, alpha.unsqueeze(-1) * h[s])
        return out.reshape(x.shape[0], -1), alpha


gat = GATLayer(Fin, 4, 2)
out, alpha = gat(X, ei)
out.tanh().sum().backward()
print(out[0], alpha[:4], gat.a_src.grad, gat.W.weight.grad[0])
perm = torch.randperm(ei.shape[1])
test_e = ei[:, perm[:6]]
train_e = ei[:, perm[6:]]
enc = GATLayer(Fin, 4, 2)
opt = torch.optim.Adam(enc.parameters(), lr=0.02)
for epoch in range(25):
    z, _ = enc(X, train_e)
    neg = torch.randint(0, N, (2, train_e.shape[1]))
    pos_s = (z[train_e[0]] * z[train_e[1]]).sum(-1)
    neg_s = (z[neg[0]] * z[neg[1]]).sum(-1)
    logits = torch.cat([pos_s, neg_s])
    labels = torch.cat([torch.ones_like(pos_s), torch.zeros_like(neg_s)])
    loss = F.binary_cross_entropy_with_logits(logits, labels)
    opt.zero_grad()
    loss.backward()
    opt.step()
    if epoch % 8 == 0:
        print(epoch, f"{loss.item():.5f}")
with torch.no_grad():
    z, _ = enc(X, train_e)
    neg = torch.randint(0, N, (2, 6))
    sc = torch.cat([(z[test_e[0]] * z[test_e[1]]).sum(-1), (z[neg[0]] * z[neg[1]]).sum(-1)])
    lab = torch.cat([torch.ones(6), torch.zeros(6)])
    auc = (sc[lab == 1].unsqueeze(1) > sc[lab == 0].unsqueeze(0)).float().mean()
print("auc", auc.item(), torch.sigmoid(sc))
