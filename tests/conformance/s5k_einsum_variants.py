# einsum in its many spellings: traces, diagonals, batched products, ellipsis, repeated subscripts, sublists.
import torch

torch.manual_seed(0)
A = torch.arange(9.0).reshape(3, 3)
B = torch.arange(6.0).reshape(3, 2)
v = torch.tensor([1.0, 2.0, 3.0])
print(torch.einsum("ii", A), torch.einsum("ii->i", A), torch.einsum("ij->ji", A), torch.einsum("ij->", A), torch.einsum("ij->j", A), torch.einsum("ij->i", A))
print(torch.einsum("ij,jk->ik", A, B), torch.einsum("ij,j->i", A, v), torch.einsum("i,i->", v, v), torch.einsum("i,j->ij", v, v), torch.einsum("ij,ij->ij", A, A), torch.einsum("ij,ij->", A, A))
x = torch.randn(2, 3, 4)
y = torch.randn(2, 4, 5)
print(torch.allclose(torch.einsum("bij,bjk->bik", x, y), x @ y, atol=1e-6), torch.einsum("bij,bjk->bik", x, y).shape, torch.einsum("...ij,...jk->...ik", x, y).shape, torch.einsum("b i j, b j k -> b i k", x, y).shape)
print(torch.einsum("...i,...i->...", x, x).shape, torch.einsum("i...->...", x).shape, torch.einsum("bij->b", x).shape, torch.einsum("bii->bi", torch.ones(2, 3, 3)), torch.einsum("iij->j", torch.ones(2, 2, 3)))
print(torch.einsum(A, [0, 1], B, [1, 2], [0, 2]), torch.einsum(v, [0], v, [1]), torch.einsum("ij,jk,kl->il", A, B, torch.ones(2, 2)), torch.einsum("i,i,i->", v, v, v))
q = torch.randn(2, 4, 3)
k = torch.randn(2, 5, 3)
print(torch.einsum("bqd,bkd->bqk", q, k).shape, torch.allclose(torch.einsum("bqd,bkd->bqk", q, k), q @ k.transpose(1, 2), atol=1e-6), torch.einsum("bhqd,bhkd->bhqk", torch.ones(1, 2, 3, 4), torch.ones(1, 2, 5, 4)).shape)
print(torch.einsum("ij,kl->ijkl", torch.eye(2), torch.ones(2, 2)).shape, torch.einsum("i,j->", v, v), torch.einsum("ij->", torch.ones(0, 3)), torch.einsum("ab,ab->a", A.int(), A.int()), torch.einsum("i->i", v))
w = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
u = torch.tensor([0.5, -1.0], requires_grad=True)
r = torch.einsum("ij,j,i->", w, u, u)
r.backward()
print(r, w.grad, u.grad)
for bad in [lambda: torch.einsum("ij,jk->ik", A, v), lambda: torch.einsum("ij->k", A), lambda: torch.einsum("ij", v), lambda: torch.einsum("ij,jk", A)]:
    try:
        bad()
    except (RuntimeError, ValueError) as e:
        print(type(e).__name__, e)
