# Global knobs set at the top of training scripts: float32 matmul precision, tf32 flags, thread counts,
# default dtype round trip, printing them back.
import torch

print(torch.get_float32_matmul_precision())
for mode in ("high", "medium", "highest"):
    torch.set_float32_matmul_precision(mode)
    print(mode, torch.get_float32_matmul_precision())
torch.backends.cuda.matmul.allow_tf32 = True
torch.backends.cudnn.allow_tf32 = True
print(torch.backends.cuda.matmul.allow_tf32, torch.backends.cudnn.allow_tf32)
torch.backends.cuda.matmul.allow_tf32 = False
print(torch.backends.cuda.matmul.allow_tf32)
n = torch.get_num_threads()
print(isinstance(n, int), n >= 1)
torch.set_num_threads(1)
print(torch.get_num_threads())
print(isinstance(torch.get_num_interop_threads(), int))
torch.set_num_threads(max(1, n))
print(torch.get_num_threads() == max(1, n))
print(torch.get_default_dtype())
torch.set_default_dtype(torch.float64)
print(torch.get_default_dtype(), torch.tensor([1.5]).dtype, torch.zeros(1).dtype, torch.nn.Linear(2, 2).weight.dtype)
torch.set_default_dtype(torch.float32)
print(torch.get_default_dtype(), torch.tensor([1.5]).dtype)
torch.manual_seed(0)
a = torch.randn(4, 5)
b = torch.randn(5, 3)
print(a @ b)
print(torch.get_default_device() if hasattr(torch, "get_default_device") else "cpu")
