# Creation: arange with float steps, linspace, logspace, full, eye, *_like, dtype= arguments.
import numpy as np
import torch

print(torch.arange(0, 1, 0.1), torch.arange(0, 1, 0.1).shape, torch.arange(1, 2.5, 0.5), torch.arange(-1, 1, 0.25))
print(torch.arange(10, 0, -3), torch.arange(5.0, 0, -1.5), torch.arange(0, 0.3, 0.1).shape, torch.arange(1, 4, dtype=torch.float64))
print(torch.arange(3).dtype, torch.arange(3.0).dtype, torch.arange(0, 3, 1.0).dtype, torch.arange(torch.tensor(4)), torch.arange(2, 8, 2, dtype=torch.int32))
print(torch.linspace(0, 1, 5), torch.linspace(-5, 5, 3), torch.linspace(0, 1, 1), torch.linspace(0, 1, 0), torch.linspace(1, 0, 4))
print(torch.linspace(0, 10, 6, dtype=torch.int64), torch.linspace(0, 1, 4, dtype=torch.float64), torch.linspace(2, 3, steps=3))
print(torch.logspace(0, 2, 3), torch.logspace(-1, 1, 5), torch.logspace(0, 3, 4, base=2), torch.logspace(0, 1, 3, dtype=torch.float64))
print(torch.full((2, 3), 7), torch.full((2,), 1.5), torch.full((2, 2), True), torch.full((1, 2), -1, dtype=torch.float32), torch.full((2,), 3.0).dtype, torch.full((2,), 3).dtype)
print(torch.eye(3), torch.eye(2, 4), torch.eye(3, dtype=torch.int64), torch.eye(1), torch.eye(0).shape)
x = torch.tensor([[1, 2], [3, 4]])
print(torch.zeros_like(x), torch.ones_like(x, dtype=torch.float32), torch.full_like(x, 9), torch.full_like(x, 2.7), torch.empty_like(x).shape, torch.empty_like(x).dtype)
print(torch.zeros(2, 3, dtype=torch.int32), torch.ones(2, dtype=torch.bool), torch.zeros((2, 2)), torch.zeros([1, 2]), torch.ones(size=(2,)), torch.zeros(3).dtype)
print(torch.empty(2, 3).shape, torch.empty(0).shape, torch.empty((2, 0, 3)).numel(), torch.zeros(()).shape, torch.zeros(()))
print(torch.tensor([[1, 2], [3, 4.0]]), torch.tensor([True, False, True]).sum(), torch.tensor([1, 2.5, True]), torch.tensor([[True, 1]]), torch.tensor(np.array([1, 2], dtype=np.int32)))
print(torch.tensor(np.arange(4.0)).dtype, torch.tensor(np.float32(2.5)), torch.tensor(np.array(3)), torch.tensor([np.float64(1.5), 2]), torch.tensor(range(4)))
a = np.arange(6.0).reshape(2, 3)
t = torch.from_numpy(a)
a[0, 0] = 100
print(t, t.dtype)
t[1, 1] = -5
print(a)
u = torch.as_tensor(a)
u += 1
print(a[0])
v = torch.tensor(a)
v += 1
print(a[0], v[0])
n = t.numpy()
n[0, 1] = 42
print(t[0])
print(torch.zeros(2, 3).new_ones(2), torch.ones(2).new_zeros((1, 3)), torch.ones(2, dtype=torch.int32).new_full((2,), 5), torch.ones(2).new_tensor([1, 2]), torch.ones(2).new_empty(3).shape)
print(torch.tril_indices(3, 3), torch.triu_indices(3, 3, 1), torch.tril_indices(2, 3, -1))
print(torch.arange(0, 5, 2).tolist(), torch.arange(0.5, 3).tolist(), torch.linspace(0, 1, 3).tolist())
print(torch.heaviside(torch.tensor([-1.0, 0.0, 2.0]), torch.tensor([0.5])))
