# NumPy interop: from_numpy shares memory, .numpy(), as_tensor, dtype mapping, and tensor(list) inference.
import numpy as np
import torch

arr = np.arange(6, dtype=np.float32).reshape(2, 3)
t = torch.from_numpy(arr)
arr[0, 0] = 42
print(t, t.dtype)
t[1, 1] = -1
print(arr)
back = t.numpy()
print(type(back).__name__, back.dtype, back.shape)
print(torch.from_numpy(np.array([1, 2], dtype=np.int32)).dtype, torch.from_numpy(np.array([1.0])).dtype)
print(torch.from_numpy(np.array([True])).dtype, torch.from_numpy(np.zeros(2, dtype=np.uint8)).dtype)
print(torch.tensor(np.array([1.5, 2.5])).dtype, torch.as_tensor(np.ones(2)).dtype, torch.as_tensor([1, 2]).dtype)
print(torch.tensor(np.float32(3.5)), torch.tensor(np.int64(3)), torch.tensor([np.float32(1.0), 2.0]).dtype)
c = torch.as_tensor(arr)
c[0, 2] = 7
print(arr[0, 2], torch.tensor(arr).data_ptr() != c.data_ptr())
print(torch.tensor([[1, 2], [3, 4]]).numpy().tolist(), torch.arange(3).numpy().dtype)
print(np.asarray(torch.ones(2)), np.array(torch.tensor([1, 2])).dtype)
x = torch.randn(3, requires_grad=True)
print(x.detach().numpy().shape, x.detach().cpu().numpy().dtype)
print(float(torch.tensor(2.5)), int(torch.tensor(3)), bool(torch.tensor(0)), torch.tensor(4.0).item())
print(torch.tensor(list(range(4))), torch.tensor([[1.0, 2], [3, 4]]), torch.tensor((1, 2, 3)).shape)
print(torch.ones(2) * np.float32(2.0), (torch.ones(2) + np.float64(1.0)).dtype)
print(torch.stack([torch.from_numpy(np.ones(2)), torch.from_numpy(np.zeros(2))]))
print(torch.zeros(3).numpy().sum(), np.mean(torch.arange(4.0).numpy()))
