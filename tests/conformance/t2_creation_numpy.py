# Tensor creation functions and NumPy interop (memory sharing, dtypes).
import numpy as np
import torch

print(torch.arange(5), torch.arange(1, 4), torch.arange(0, 1, 0.25), torch.arange(5.0), torch.arange(10, 0, -3), torch.arange(0, 5, 2, dtype=torch.float64))
print(torch.arange(1, 2.5, 0.5).dtype, torch.arange(3).dtype, torch.arange(0.0, 1.0, 0.1).shape, torch.arange(-1, 1, 0.3))
print(torch.linspace(0, 1, 5), torch.linspace(-1, 1, steps=4), torch.linspace(0, 10, 1), torch.linspace(3, 3, 3), torch.linspace(0, 1, 5, dtype=torch.float64).dtype)
print(torch.logspace(0, 2, 3), torch.logspace(0, 1, 4, base=2), torch.full((2, 3), 7), torch.full((2,), 1.5), torch.full((2, 2), True), torch.full((1,), 3, dtype=torch.float32))
print(torch.full((2, 3), 7).dtype, torch.full((2,), 1.5).dtype, torch.eye(3), torch.eye(2, 4), torch.eye(3, dtype=torch.int64), torch.zeros(2, 3, dtype=torch.bool))
x = torch.tensor([[1.5, 2], [3, 4]])
print(torch.zeros_like(x), torch.ones_like(x, dtype=torch.int32), torch.full_like(x, 9), torch.empty_like(x).shape, torch.zeros_like(torch.arange(3)).dtype, torch.rand_like(x).shape)
print(torch.tensor([[1, 2], [3, 4]]), torch.tensor([[[1.0]]]).shape, torch.tensor([]).shape, torch.tensor([[]]).shape, torch.tensor(()).dtype, torch.tensor([[1, 2]], dtype=torch.float16))
print(torch.tensor([1, 2.5, True]), torch.tensor([np.float32(1.5)]).dtype, torch.tensor(np.array([1, 2])).dtype, torch.tensor(np.float64(2.0)).dtype, torch.tensor([torch.tensor(1.0), torch.tensor(2.0)]))
print(torch.zeros(2, 3).shape, torch.zeros((2, 3)).shape, torch.zeros([2, 3]).shape, torch.ones(torch.Size([2])).shape, torch.empty(0).shape, torch.zeros(()).shape, torch.zeros(3, 0).numel())
print(torch.tril(torch.ones(3, 3)), torch.triu(torch.ones(3, 4), diagonal=1), torch.diag(torch.tensor([1, 2, 3])), torch.diag(torch.arange(9).view(3, 3)), torch.diag_embed(torch.tensor([[1.0, 2.0]])))
print(torch.meshgrid(torch.arange(2), torch.arange(3), indexing="ij"), torch.meshgrid(torch.arange(2), torch.arange(3), indexing="xy")[0].shape, torch.cartesian_prod(torch.arange(2), torch.arange(2)))
print(torch.tril_indices(3, 3), torch.triu_indices(3, 3, 1), torch.combinations(torch.arange(4), 2), torch.block_diag(torch.ones(1, 1), 2 * torch.ones(2, 2)))
a = np.arange(6, dtype=np.float32).reshape(2, 3)
t = torch.from_numpy(a)
a[0, 0] = 100
print(t, t.dtype)
t[1, 1] = -5
print(a)
t.add_(1)
print(a[0])
n = t.numpy()
n[0, 1] = 42
print(t[0, 1], type(n).__name__, n.dtype)
c = torch.tensor(a)
a[0, 0] = 0
print(c[0, 0])
at = torch.as_tensor(a)
a[1, 2] = 77
print(at[1, 2], torch.as_tensor(a, dtype=torch.float64)[1, 2], torch.asarray(a).dtype)
print(torch.from_numpy(np.array([1, 2], dtype=np.int32)).dtype, torch.from_numpy(np.array([True])).dtype, torch.from_numpy(np.zeros(2, dtype=np.uint8)).dtype, torch.from_numpy(np.array(3.0)).shape)
print(torch.tensor([1, 2]).numpy().dtype, torch.tensor([1.0]).numpy().dtype, torch.tensor([True]).numpy().dtype, torch.ones(2, dtype=torch.float16).numpy().dtype)
print(torch.arange(4).reshape(2, 2).tolist(), torch.tensor(2.5).tolist(), torch.tensor([True, False]).tolist(), torch.tensor(3).item(), type(torch.tensor(3).item()).__name__, type(torch.tensor(3.0).item()).__name__)
print(torch.tensor([1.5, 2.5]).detach().numpy().sum(), np.asarray(torch.ones(2, 2)).shape, np.array(torch.arange(3)).dtype, float(torch.tensor([2.5])), int(torch.tensor(7.9)), bool(torch.tensor([0])))
ts = torch.from_numpy(np.arange(10)[::2].copy())
print(ts, ts.is_contiguous(), torch.tensor(np.arange(10)[::2]), torch.from_numpy(np.ascontiguousarray(np.arange(6).reshape(2, 3).T)).stride())
print(torch.empty(2, 3).dtype, torch.empty(2, 3, dtype=torch.int64).shape, torch.zeros(2).new_zeros(3), torch.ones(2, dtype=torch.int32).new_ones((2, 2)), torch.tensor([1.0]).new_tensor([1, 2]), torch.tensor([1]).new_full((2,), 3.7))
print(torch.tensor([1.0]).new_empty(3).shape, torch.zeros(2, dtype=torch.float64).new_tensor([1, 2]).dtype, torch.heaviside(torch.tensor([-1.0, 0.0, 2.0]), torch.tensor(0.5)))
