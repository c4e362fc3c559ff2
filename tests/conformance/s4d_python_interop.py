# Python/NumPy interop as tutorials use it: iterating tensors, builtins (sum/max/sorted/round/abs/len),
# 0-d int tensors as indices, math on 0-d tensors, numpy conversions and dtypes, legacy constructors and
# type strings, bool() of tensors, error messages users hit (numpy on requires_grad, bool of many values).
import math

import numpy as np
import torch

torch.manual_seed(0)
t = torch.tensor([3.0, 1.0, 2.0])
print([x for x in t], [x.item() for x in t], len(t), sum(t), max(t), min(t), sorted(t))
print(sorted(t.tolist()), round(t[0].item()), round(torch.tensor(2.567).item(), 2), abs(torch.tensor(-2.0)))
i = torch.tensor(2)
names = ["a", "b", "c"]
print(names[i], list(range(i)), [0, 1, 2, 3][i:], math.sqrt(torch.tensor(16.0)), math.exp(torch.tensor(0.0)))
print(float(t[1]), int(torch.tensor(7.9)), complex(torch.tensor(1.0)), bool(torch.tensor(0.0)))
print(np.array(t), np.asarray(t).dtype, np.float32(torch.tensor(1.5)), t.numpy().sum(), np.mean(t.numpy()))
print(torch.tensor(np.float64(1.5)).dtype, torch.tensor([np.float32(1)]).dtype, torch.tensor(np.int32(3)).dtype)
print(torch.from_numpy(np.arange(3, dtype=np.int32)).dtype, torch.as_tensor([1, 2], dtype=torch.float).dtype)
print(torch.from_numpy(np.zeros((2, 2), dtype=np.float16)).dtype, torch.tensor(np.array([True, False])).dtype)
print(torch.tensor([1, 2.5]).dtype, torch.tensor([1, 2]).dtype, torch.tensor([[1], [2]]).float().dtype)
print(t.type(), torch.zeros(2, dtype=torch.long).type(), t.type(torch.DoubleTensor).dtype, t.type("torch.IntTensor"))
print(torch.FloatTensor([1, 2]), torch.LongTensor([3]), torch.FloatTensor(2, 3).shape, torch.Tensor([1, 2]).dtype)
print(torch.BoolTensor([1, 0]), torch.DoubleTensor([0.5]), torch.IntTensor([4]).dtype, torch.ByteTensor([1]).dtype)
print(isinstance(t, torch.Tensor), isinstance(t, torch.FloatTensor), torch.is_tensor(t), torch.is_floating_point(t))
print(t > 1.5, (t > 1.5).any(), bool((t > 0).all()), torch.equal(t, t.clone()))
if t[0] > t[1]:
    print("first bigger")
try:
    bool(t > 1)
except RuntimeError as e:
    print("RuntimeError", e)
w = torch.ones(2, requires_grad=True)
try:
    w.numpy()
except RuntimeError as e:
    print("RuntimeError", e)
print(w.detach().numpy(), w.tolist(), w.data.numpy())
try:
    torch.ones(2, 3) @ torch.ones(2, 3)
except RuntimeError as e:
    print("RuntimeError", e)
try:
    torch.ones(2, 3) + torch.ones(3, 2)
except RuntimeError as e:
    print("RuntimeError", e)
try:
    torch.ones(4).view(3)
except RuntimeError as e:
    print("RuntimeError", e)
try:
    torch.nn.Linear(3, 2)(torch.ones(4, 5))
except RuntimeError as e:
    print("RuntimeError", e)
try:
    torch.nn.functional.cross_entropy(torch.randn(3, 4), torch.tensor([0.0, 1.0, 2.0]))
except RuntimeError as e:
    print("RuntimeError", e)
try:
    torch.nn.functional.cross_entropy(torch.randn(3, 4), torch.tensor([0, 1, 5]))
except IndexError as e:
    print("IndexError", e)
try:
    torch.tensor([1, 2])[5]
except IndexError as e:
    print("IndexError", e)
d = {}
k = torch.tensor(1)
d[k] = "one"
print(len(d), d[k], k in d, hash(k) == hash(k))
a, b = torch.tensor([1.0, 2.0])
print(a, b, *torch.arange(3))
x, y = torch.randn(2, 3).unbind(0)
print(x.shape, torch.randn(4, 2).chunk(2)[1].shape, [c.shape for c in torch.arange(10).split(4)])
print(np.float64(2.0) * torch.ones(2), (torch.ones(2) * np.float64(2.0)).dtype, (np.int64(2) + torch.ones(2)).dtype)
print(torch.tensor([1, 2]) * 1.5, torch.tensor([1, 2]) / 2, torch.tensor([5, -5]) // 2, torch.tensor([5, -5]) % 3)
print(2 ** torch.tensor([1.0, 2.0]), 1 - torch.tensor([0.25]), torch.tensor([True]) + 1, -torch.tensor([1, 2]))
print(torch.tensor(3) == 3, 3.0 == torch.tensor(3.0), torch.tensor([1, 2]) == torch.tensor([1, 3]))
