# 0-d tensors: repr, str, item, formatting, comparisons with Python numbers.
import torch

s = torch.tensor(3.14159)
print(s, repr(s), str(s), s.item(), s.dim(), s.shape, s.numel(), s.tolist())
print(f"{s.item():.2f}", f"{s:.3f}", "{:.1f}".format(s), float(s), int(s), bool(s), round(s.item(), 2))
i = torch.tensor(42)
print(i, i.item(), type(i.item()).__name__, int(i) + 1, i + 1, i * 2.5, i / 5, i // 5, i % 5, -i, abs(-i))
b = torch.tensor(False)
print(b, b.item(), type(b.item()).__name__, b.int(), ~b, b | True)
print(torch.tensor(1e-10), torch.tensor(1e10), torch.tensor(123456.789), torch.tensor(0.0), torch.tensor(-0.0), torch.tensor(100.0))
print(torch.tensor(2.0, dtype=torch.float64), torch.tensor(2, dtype=torch.int8), torch.tensor(2.0, dtype=torch.float16))
x = torch.arange(5.0)
print(x.sum(), x.mean(), x.max(), x.argmax(), x[2], x[-1], x.std(), x.prod(), x.norm())
print(x.sum().item() == 10.0, x.max() == 4, x.max() > 3.5, x[0] == 0, float(x.mean()), x.sum().shape)
print(torch.tensor(5) == 5, torch.tensor(5.0) == torch.tensor(5), torch.tensor(3) < torch.tensor(3.5))
print(torch.tensor([[5]]).item(), torch.tensor([2.5]).item(), torch.tensor(7).tolist(), torch.tensor([7]).tolist())
print(torch.scalar_tensor(3), torch.scalar_tensor(3, dtype=torch.int64), torch.as_tensor(2.5), torch.tensor(True) + torch.tensor(True))
print(torch.tensor(2.5).round(), torch.tensor(3.5).round(), torch.tensor(-2.5).round(), torch.tensor(7) ** 2, 2 ** torch.tensor(3), torch.tensor(2.0) ** -1)
try:
    torch.tensor([1, 2]).item()
except RuntimeError as e:
    print("RuntimeError", e)
try:
    torch.tensor(1.0)[0]
except IndexError as e:
    print("IndexError", e)
try:
    len(torch.tensor(1.0))
except TypeError as e:
    print("TypeError", e)
try:
    bool(torch.tensor([1, 2]))
except RuntimeError as e:
    print("RuntimeError", e)
