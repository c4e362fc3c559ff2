# vmap patterns: in_dims tuples/None, out_dims, nested, randomness-free batching, jacrev over batches.
import torch
from torch.func import jacfwd, jacrev, vmap

torch.manual_seed(0)
A = torch.randn(4, 3, 3)
v = torch.randn(4, 3)
print(vmap(torch.mv)(A, v))
print(vmap(torch.mv, in_dims=(None, 0))(A[0], v))
print(vmap(lambda x: x ** 2 + 1, out_dims=1)(torch.arange(6.0).view(3, 2)))
print(vmap(lambda x, y: (x + y, x * y))(torch.ones(3), torch.arange(3.0)))
print(vmap(lambda d: d["a"] * d["b"])({"a": torch.ones(2, 2), "b": torch.arange(4.0).view(2, 2)}))
print(vmap(lambda x: x.sum(), in_dims=0)(torch.arange(12.0).view(3, 4)))
print(vmap(lambda x: torch.nn.functional.softmax(x, dim=0))(torch.randn(2, 4)))
print(vmap(torch.linalg.det)(A))
print(vmap(lambda x: x @ x.T)(torch.randn(2, 2, 3)).shape)
print(vmap(lambda x: x.mean(0), in_dims=2)(torch.randn(2, 3, 4)))
print(vmap(vmap(torch.dot))(torch.randn(2, 3, 4), torch.randn(2, 3, 4)))
print(vmap(torch.add, in_dims=(0, None))(torch.ones(2, 3), 5.0))


def f(x):
    return torch.sin(x) * x.sum()


x = torch.randn(5, 3)
jb = vmap(jacrev(f))(x)
print(jb.shape, jb[0])
print(vmap(jacfwd(f))(x)[1])
model = torch.nn.Linear(3, 2)
print(vmap(model)(x).shape, torch.allclose(vmap(model)(x), model(x)))
print(vmap(lambda r: r.clamp(min=0).max())(x))
print(vmap(lambda r: torch.where(r > 0, r, torch.zeros_like(r)))(x))
print(torch.vmap(lambda r: r.norm(), chunk_size=2)(x))
