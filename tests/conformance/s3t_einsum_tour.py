# An einsum tour: traces, diagonals, batched products, ellipsis broadcasting, implicit output, and its error messages.
import torch

torch.manual_seed(36)
A = torch.randn(3, 3)
B = torch.randn(3, 4)
C = torch.randn(2, 3, 4)
D = torch.randn(2, 4, 5)
v = torch.randn(4)
print(torch.einsum("ii", A), torch.einsum("ii->i", A))
print(torch.einsum("iij->j", torch.randn(3, 3, 2)), torch.einsum("bii->b", torch.randn(2, 3, 3)))
print(torch.einsum("bn,anm,bm->ba", torch.randn(2, 3), torch.randn(5, 3, 4), torch.randn(2, 4)))
print(torch.einsum("...ij,jk->...ik", C, torch.randn(4, 2)).shape, torch.einsum("...i,...i->...", torch.randn(2, 1, 3), torch.randn(4, 3)))
print(torch.einsum("Ij,jK->IK", B.T, B), torch.einsum("i,j,k->ijk", v, v[:2], v[:3]).shape)
print(torch.einsum("bij,bjk->bik", C, D).sum(), torch.einsum("bij->", C))
print(torch.einsum("abc->cab", C).shape, torch.einsum("i,ij->ij", v[:3], B))
print(torch.einsum("ij,jk", A, B), torch.einsum("ba", A))
print(torch.einsum("ij,jk->ik", torch.arange(6).view(2, 3), torch.arange(6).view(3, 2)))
print(torch.einsum("b i j , b j k -> b i k", C, D).shape, torch.einsum("ij,j->i", B, v))
print(torch.einsum(",i->i", torch.tensor(2.0), v), torch.einsum("...ij->...", C))
x = torch.randn(2, 3, requires_grad=True)
w = torch.randn(3, 4, requires_grad=True)
out = torch.einsum("ni,io->no", x, w)
out.pow(2).sum().backward()
print(out, x.grad, w.grad)
q = torch.randn(2, 2, 5, 8)
k = torch.randn(2, 2, 6, 8)
att = torch.einsum("bhqd,bhkd->bhqk", q, k) / 8 ** 0.5
print(att.shape, att.softmax(-1).sum(-1))
print(torch.allclose(att, q @ k.transpose(-1, -2) / 8 ** 0.5, atol=1e-5))
for eq, ops in [("ij,jk->ik", (A, C)), ("ij->k", (A,)), ("ij,jk", (A,)), ("ij->ii", (A,)), ("i,i->", (torch.ones(3), torch.ones(3, dtype=torch.float64))),
                ("ij,jk->ik", (A, B, B)), ("ij,jk->ik", (A, torch.randn(4, 2)))]:
    try:
        print(eq, torch.einsum(eq, *ops))
    except RuntimeError as e:
        print(eq, "RuntimeError:", e)
print(torch.einsum(A, [0, 1], B, [1, 2], [0, 2]).shape, torch.einsum(v, [0], v, [0]))
print(torch.einsum(C, [Ellipsis, 1], [Ellipsis]).shape)
print(torch.inner(torch.ones(2, 3), torch.ones(4, 3)), torch.inner(torch.tensor(2.0), v))
print(torch.inner(v, v), torch.tensordot(C, D, dims=([2], [1])).shape)
