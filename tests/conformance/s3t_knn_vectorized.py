# Course-notebook style kNN and softmax loss: two-loop vs vectorised distances, voting with bincount/mode, gradients.
import torch

torch.manual_seed(41)
Xtr = torch.randn(20, 5)
ytr = torch.randint(0, 3, (20,))
Xte = torch.randn(6, 5)
d_loops = torch.zeros(6, 20)
for i in range(6):
    for j in range(20):
        d_loops[i, j] = torch.sqrt(((Xte[i] - Xtr[j]) ** 2).sum())
d_one = torch.stack([torch.sqrt(((Xtr - Xte[i]) ** 2).sum(1)) for i in range(6)])
d_vec = torch.sqrt((Xte ** 2).sum(1, keepdim=True) + (Xtr ** 2).sum(1) - 2 * Xte @ Xtr.T)
print(d_loops[0, :5], d_one[0, :5], d_vec[0, :5])
print(torch.allclose(d_loops, d_one), (d_loops - d_vec).abs().max() < 1e-4, torch.linalg.norm(d_loops - d_vec))
for k in [1, 3, 5]:
    nn_idx = d_vec.argsort(dim=1)[:, :k]
    votes = ytr[nn_idx]
    pred_mode = votes.mode(dim=1).values
    pred_bin = torch.stack([torch.bincount(v, minlength=3).argmax() for v in votes])
    print(k, nn_idx[0].tolist(), votes.tolist(), pred_mode.tolist(), pred_bin.tolist())
W = torch.randn(5, 3) * 0.01
X = torch.randn(10, 5)
y = torch.randint(0, 3, (10,))
reg = 0.1
loss_naive = 0.0
dW = torch.zeros_like(W)
for i in range(10):
    scores = X[i] @ W
    scores = scores - scores.max()
    p = scores.exp() / scores.exp().sum()
    loss_naive += -torch.log(p[y[i]])
    for c in range(3):
        dW[:, c] += (p[c] - (c == y[i]).float()) * X[i]
loss_naive = loss_naive / 10 + reg * (W * W).sum()
dW = dW / 10 + 2 * reg * W
scores = X @ W
scores = scores - scores.max(dim=1, keepdim=True).values
probs = scores.exp() / scores.exp().sum(1, keepdim=True)
loss_vec = -probs[torch.arange(10), y].log().mean() + reg * (W * W).sum()
dscores = probs.clone()
dscores[torch.arange(10), y] -= 1
dW_vec = X.T @ dscores / 10 + 2 * reg * W
print(loss_naive, loss_vec, (dW - dW_vec).abs().max() < 1e-6)
Wg = W.clone().requires_grad_()
loss_auto = torch.nn.functional.cross_entropy(X @ Wg, y) + reg * (Wg * Wg).sum()
loss_auto.backward()
print(loss_auto, (Wg.grad - dW_vec).abs().max() < 1e-6, Wg.grad)
margins = (X @ W - (X @ W)[torch.arange(10), y][:, None] + 1).clamp(min=0)
margins[torch.arange(10), y] = 0
print(margins.sum() / 10, (margins > 0).sum(1))
h = 1e-3
num_grad = torch.zeros_like(W)
for i in range(5):
    for j in range(3):
        Wp, Wm = W.clone(), W.clone()
        Wp[i, j] += h
        Wm[i, j] -= h
        fp = torch.nn.functional.cross_entropy(X.double() @ Wp.double(), y) + reg * (Wp.double() ** 2).sum()
        fm = torch.nn.functional.cross_entropy(X.double() @ Wm.double(), y) + reg * (Wm.double() ** 2).sum()
        num_grad[i, j] = (fp - fm) / (2 * h)
print(num_grad, (num_grad - dW_vec).abs().max() < 1e-3)
acc = (probs.argmax(1) == y).float().mean()
print(f"train acc {acc:.2f}", probs.argmax(1), torch.bincount(probs.argmax(1), minlength=3), y)
folds_X = torch.chunk(Xtr, 5)
folds_y = torch.chunk(ytr, 5)
for f in range(5):
    Xv, yv = folds_X[f], folds_y[f]
    Xt = torch.cat([folds_X[i] for i in range(5) if i != f])
    yt = torch.cat([folds_y[i] for i in range(5) if i != f])
    dist = torch.cdist(Xv, Xt)
    pred = yt[dist.argmin(1)]
    print(f, Xt.shape, (pred == yv).float().mean().item(), pred.tolist())
