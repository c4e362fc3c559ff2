# D2L "Saving memory": Y = Y + X allocates, Z[:] = ..., X += Y and out= keep the same memory.
import torch

X = torch.arange(12, dtype=torch.float32).reshape((3, 4))
Y = torch.tensor([[2.0, 1, 4, 3], [1, 2, 3, 4], [4, 3, 2, 1]])
before = id(Y)
Y = Y + X
print(id(Y) == before)
Z = torch.zeros_like(Y)
zid, zptr = id(Z), Z.data_ptr()
Z[:] = X + Y
print(id(Z) == zid, Z.data_ptr() == zptr)
before = id(X)
X += Y
print(id(X) == before)
p = X.data_ptr()
X[:] = X + Y
print(X.data_ptr() == p)
out = torch.empty(3, 4)
q = out.data_ptr()
r = torch.add(X, Y, out=out)
print(r is out, out.data_ptr() == q, out[0])
torch.mul(X, 2, out=out)
print(out.data_ptr() == q, out[1])
A = X.numpy()
B = torch.from_numpy(A)
print(type(A).__name__, type(B).__name__, A.dtype, B.dtype)
A[0, 0] = -1.0
print(X[0, 0].item(), B[0, 0].item())
X.add_(1)
print(A[0, 0], float(B[0, 0]))
a = torch.tensor([3.5])
print(a, a.item(), float(a), int(a))
