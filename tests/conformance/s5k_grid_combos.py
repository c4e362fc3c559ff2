# meshgrid (ij / xy), cartesian_prod, combinations (r, with_replacement), and grid building idioms.
import torch

a = torch.tensor([1, 2, 3])
b = torch.tensor([10, 20])
gi = torch.meshgrid(a, b, indexing="ij")
gx = torch.meshgrid(a, b, indexing="xy")
print(gi, gx, gi[0].shape, gx[0].shape, torch.meshgrid([a, b], indexing="ij")[1], torch.meshgrid(a, indexing="ij"))
X, Y = torch.meshgrid(torch.linspace(-1, 1, 3), torch.linspace(0, 1, 2), indexing="xy")
print(X, Y, torch.stack([X, Y], -1).reshape(-1, 2), (X ** 2 + Y ** 2).sqrt())
c = torch.tensor([0.0, 1.0])
print(torch.meshgrid(a, b, c.long(), indexing="ij")[2].shape, torch.meshgrid(a, b, c.long(), indexing="xy")[0].shape)
try:
    torch.meshgrid(a, c, indexing="ij")
except RuntimeError as e:
    print("RuntimeError", e)
print(torch.cartesian_prod(a, b), torch.cartesian_prod(a), torch.cartesian_prod(a, b, torch.tensor([0, 1])).shape, torch.cartesian_prod(torch.tensor([1.5]), torch.tensor([2.5, 3.5])))
print(torch.combinations(a), torch.combinations(torch.arange(4), r=3), torch.combinations(a, with_replacement=True), torch.combinations(a, r=1), torch.combinations(torch.tensor([1.0, 2.0, 3.0]), r=2).sum(1))
print(torch.combinations(torch.tensor([5]), r=2), torch.combinations(a, r=4).shape, torch.combinations(a, r=0) if False else "")
ys, xs = torch.meshgrid(torch.arange(3), torch.arange(4), indexing="ij")
print(ys, xs, (ys * 4 + xs), torch.stack(torch.meshgrid(torch.arange(2), torch.arange(2), indexing="ij"), dim=0))
pairs = torch.combinations(torch.arange(4))
pts = torch.tensor([[0.0, 0.0], [1.0, 0.0], [0.0, 2.0], [3.0, 4.0]])
print(pairs, (pts[pairs[:, 0]] - pts[pairs[:, 1]]).norm(dim=1), torch.cdist(pts, pts), torch.pdist(pts))
