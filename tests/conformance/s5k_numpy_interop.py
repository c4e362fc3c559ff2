# NumPy interop: from_numpy sharing, dtype mapping, numpy() views, non-writable / non-contiguous arrays, scalars.
import numpy as np
import torch

for dt in [np.float32, np.float64, np.float16, np.int64, np.int32, np.int16, np.int8, np.uint8, np.bool_]:
    t = torch.from_numpy(np.zeros(2, dtype=dt))
    print(dt.__name__, t.dtype, torch.tensor(np.ones(1, dtype=dt)).dtype, torch.as_tensor(np.ones(1, dtype=dt)).dtype)
a = np.arange(6, dtype=np.float32).reshape(2, 3)
t = torch.from_numpy(a)
t.mul_(2)
print(a, np.shares_memory(t.numpy(), a))
b = a.T
tb = torch.from_numpy(b)
print(tb, tb.stride(), tb.is_contiguous(), tb.shape)
c = a[:, ::2]
print(torch.from_numpy(c), torch.from_numpy(c).stride(), torch.tensor(c).stride())
print(torch.tensor(np.float64(2.5)), torch.tensor(np.int32(7)).dtype, torch.tensor([np.float32(1.5), np.float32(2.5)]).dtype, torch.tensor(np.array([1.5, 2.5])).dtype, torch.tensor(np.array(True)))
x = torch.arange(4.0)
n = x.numpy()
n[0] = 99
print(x, x.numpy().dtype, x.long().numpy().dtype, x.bool().numpy().dtype, x.half().numpy().dtype, torch.ones(2, 2).numpy().shape)
print(np.asarray(torch.tensor([1, 2])), np.array(torch.tensor([1.5])), np.sum(torch.tensor([1.0, 2.0]).numpy()), torch.tensor([1.0, 2.0]).numpy().tolist())
print(torch.tensor(3.5).numpy(), torch.tensor(3.5).numpy().shape, float(torch.tensor(3.5).numpy()), torch.tensor([[1, 2]]).numpy().T)
print(torch.from_numpy(np.array([1, 2, 3])) + torch.tensor([0.5, 0.5, 0.5]), torch.from_numpy(np.array([1.0], dtype=np.float64)) * torch.tensor([2.0]))
mixed = [np.float32(1.0), 2, 3.5]
print(torch.tensor(mixed), torch.tensor(mixed).dtype, torch.tensor([np.int64(1), np.int64(2)]).dtype, torch.tensor(np.array([[1, 2], [3, 4]], dtype=np.int16)).sum(), torch.tensor(np.array([[1, 2], [3, 4]], dtype=np.int16)).sum().dtype)
ro = np.arange(3.0)
ro.flags.writeable = False
print(torch.tensor(ro), torch.as_tensor(ro).dtype)
print(torch.from_numpy(np.zeros((0, 3))).shape, torch.from_numpy(np.array(5.0)).shape, torch.from_numpy(np.ones(3))[1:].numpy().shape)
for bad in [lambda: torch.from_numpy([1, 2]), lambda: torch.tensor(np.array(["a"]))]:
    try:
        print(bad())
    except (TypeError, RuntimeError) as e:
        print(type(e).__name__, e)
