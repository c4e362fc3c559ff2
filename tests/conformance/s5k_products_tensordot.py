# tensordot, kron, outer, cross, dot/vdot/inner, mm/mv/bmm/baddbmm/addmm, matrix_power, chain_matmul.
import torch

a = torch.arange(24.0).reshape(2, 3, 4)
b = torch.arange(12.0).reshape(4, 3)
print(torch.tensordot(a, b, dims=1).shape, torch.tensordot(a, b, dims=([1, 2], [1, 0])), torch.tensordot(a, a, dims=3), torch.tensordot(b, b, dims=0).shape, torch.tensordot(a, b, dims=[[2], [0]]).shape)
print(torch.kron(torch.tensor([[1, 2], [3, 4]]), torch.eye(2, dtype=torch.int64)), torch.kron(torch.tensor([1.0, 2.0]), torch.tensor([1.0, 10.0, 100.0])), torch.kron(torch.ones(2, 1), torch.tensor([[1.0, 2.0]])).shape)
v = torch.tensor([1.0, 2.0, 3.0])
w = torch.tensor([4.0, 5.0, 6.0])
print(torch.outer(v, w), torch.ger(v, w[:2]), v.outer(torch.tensor([1, 2])), torch.outer(torch.tensor([1, 2]), torch.tensor([3, 4])))
print(torch.cross(v, w, dim=0), torch.linalg.cross(v, w), torch.cross(torch.eye(3), torch.ones(3, 3), dim=1), torch.linalg.cross(torch.tensor([[1.0, 0.0, 0.0]]), torch.tensor([[0.0, 1.0, 0.0]])))
print(torch.dot(v, w), v.dot(w), torch.vdot(v, w), torch.inner(v, w), torch.inner(torch.ones(2, 3), v), torch.dot(torch.tensor([1, 2]), torch.tensor([3, 4])))
M = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
print(torch.mm(M, M), torch.mv(M, torch.tensor([1.0, -1.0])), torch.matrix_power(M, 3), torch.linalg.matrix_power(M, 0), torch.matrix_power(M, -1), torch.linalg.multi_dot([M, M, M]), torch.chain_matmul(M, M))
print(torch.addmm(torch.ones(2, 2), M, M, beta=0.5, alpha=2), torch.addmv(torch.ones(2), M, torch.ones(2)), torch.addr(torch.zeros(2, 2), torch.ones(2), torch.tensor([1.0, 2.0])), torch.baddbmm(torch.zeros(1, 2, 2), M[None], M[None]), torch.addbmm(torch.zeros(2, 2), torch.stack([M, M]), torch.stack([M, M])))
print(torch.bmm(torch.ones(3, 2, 4), torch.ones(3, 4, 1)).shape, torch.matmul(torch.ones(4), torch.ones(3, 4, 2)).shape, torch.matmul(torch.ones(2, 1, 3, 4), torch.ones(5, 4, 1)).shape, (torch.ones(3) @ torch.ones(3)).shape)
x = torch.tensor([[1.0, 2.0], [0.5, -1.0]], requires_grad=True)
y = torch.tensor([[0.0, 1.0, 2.0], [1.0, 1.0, 1.0]], requires_grad=True)
r = torch.tensordot(x, y, dims=([0], [0])).pow(2).sum() + torch.kron(x, x).sum() + torch.cross(torch.cat([x[0], x[1, :1]]), y[0], dim=0).sum()
r.backward()
print(r, x.grad, y.grad)
for bad in [lambda: torch.dot(v, w[:2]), lambda: torch.mm(M, v), lambda: torch.cross(torch.ones(2), torch.ones(2), dim=0), lambda: torch.bmm(M, M), lambda: torch.dot(v, w.long()), lambda: torch.mv(M, v), lambda: torch.linalg.cross(torch.ones(1, 3), torch.ones(3))]:
    try:
        bad()
    except RuntimeError as e:
        print("RuntimeError", e)
