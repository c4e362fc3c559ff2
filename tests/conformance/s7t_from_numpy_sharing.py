# from_numpy/as_tensor/tensor/numpy(): which share memory, and strides of arrays numpy made.
import numpy as np
import torch

a = np.arange(6, dtype=np.float32).reshape(2, 3)
t1, t2, t3 = torch.from_numpy(a), torch.as_tensor(a), torch.tensor(a)
a[0, 0] = 42
print(t1[0, 0].item(), t2[0, 0].item(), t3[0, 0].item())
f = np.asfortranarray(a)
tf = torch.from_numpy(f)
print(tf.stride(), tf.is_contiguous(), tf.t().is_contiguous())
s = a[:, ::2]
ts = torch.from_numpy(s)
print(ts.stride(), ts.storage_offset(), ts.tolist())
o = torch.from_numpy(a[1:, 1:])
print(o.stride(), o.tolist())
n = t1.numpy()
n[1, 1] = -3
print(t1[1, 1].item(), np.shares_memory(n, a))
tt = t1.t().numpy()
print(tt.strides, tt.flags["C_CONTIGUOUS"], tt.flags["F_CONTIGUOUS"])
d = torch.as_tensor(a, dtype=torch.float64)
a[0, 1] = 9
print(d[0, 1].item(), d.dtype)
i = torch.from_numpy(np.array([1, 2], dtype=np.int32))
print(i.dtype, torch.from_numpy(np.array(3.0)).shape)
b = torch.from_numpy(np.array([True, False]))
print(b.dtype, b.element_size(), torch.from_numpy(np.arange(3, dtype=np.uint8)).dtype)
