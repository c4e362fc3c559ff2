# Creation with dtype / requires_grad arguments, *_like preserving dtype, default dtype switching, tensor() inference.
import torch

print(torch.zeros(2, dtype=torch.float64), torch.ones(2, 2, dtype=torch.int8), torch.full((2,), 1, dtype=torch.bool), torch.arange(3, dtype=torch.float16), torch.eye(2, dtype=torch.bool))
x = torch.tensor([1, 2, 3], dtype=torch.int32)
print(torch.zeros_like(x).dtype, torch.ones_like(x, dtype=torch.float64), torch.rand_like(x.float()).dtype, torch.full_like(x, 2.9), torch.empty_like(x, dtype=torch.bool).dtype, torch.randn_like(torch.zeros(2, dtype=torch.float64)).dtype)
print(torch.zeros(3, requires_grad=True), torch.ones(2, dtype=torch.float64, requires_grad=True), torch.tensor([1.0], requires_grad=True).dtype, torch.arange(3.0, requires_grad=True))
try:
    torch.tensor([1, 2], requires_grad=True)
except RuntimeError as e:
    print("RuntimeError", e)
try:
    torch.zeros(2, dtype=torch.int64, requires_grad=True)
except RuntimeError as e:
    print("RuntimeError", e)
print(torch.get_default_dtype(), torch.tensor([1.5]).dtype, torch.tensor(2).dtype, torch.tensor(True).dtype, torch.tensor([1, 2.0]).dtype, torch.tensor([]).dtype, torch.tensor([[]]).shape)
torch.set_default_dtype(torch.float64)
print(torch.get_default_dtype(), torch.tensor([1.5]).dtype, torch.zeros(2).dtype, torch.arange(0, 1, 0.5).dtype, torch.linspace(0, 1, 3).dtype, torch.tensor([1, 2]).dtype, torch.tensor([1]) * 0.5, (torch.tensor([1]) * 0.5).dtype, torch.full((1,), 2.5).dtype)
torch.set_default_dtype(torch.float32)
print(torch.tensor([1.5]).dtype, torch.tensor([1.5], dtype=torch.float64) + 1.5, torch.tensor(1.5, dtype=torch.float64) + torch.ones(2))
print(torch.tensor([[1, 2], [3, 4]]).new_tensor([5, 6]).dtype, torch.zeros(2, dtype=torch.float16).new_zeros(3).dtype, torch.ones(1).new_full((2,), 7).dtype, torch.tensor([1.0]).new_ones(2, dtype=torch.int64))
print(torch.empty(3).fill_(2.5), torch.empty(2, 2, dtype=torch.int64).fill_(7), torch.zeros(3).fill_(torch.tensor(4.0)), torch.zeros(3, dtype=torch.int64).fill_(2.9), torch.empty(2).zero_())
for bad in [lambda: torch.tensor([[1, 2], [3]]), lambda: torch.tensor([1, "a"]), lambda: torch.zeros(-1), lambda: torch.arange(0, 10, 0), lambda: torch.arange(10, 0, 1), lambda: torch.linspace(0, 1, -1), lambda: torch.full((2,), None), lambda: torch.eye(-1)]:
    try:
        print(bad())
    except (RuntimeError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
