# Printing non-contiguous views, expanded tensors, Size/dtype objects, lists/dicts of tensors and return types.
import torch

x = torch.arange(12.0).reshape(3, 4)
print(x.t(), x[:, ::2], x[::-1] if False else x.flip(0), x.expand(2, 3, 4)[1], x.unsqueeze(1), x[None, None])
print(torch.Size([2, 3]), torch.Size([]), torch.Size([0]), x.shape, x.shape[1:], torch.Size([2, 3]) + (4,), repr(torch.Size([1])), x.size(), str(x.dtype), torch.float64, torch.int8, torch.bool, torch.half, torch.long)
print([torch.tensor(1), torch.tensor(2.5)], (torch.ones(2), torch.zeros(1, dtype=torch.int64)), {"a": torch.tensor([1.0, 2.0]), "b": torch.tensor(3)}, [x.sum(0)])
print(x.max(1), x.sort(1, descending=True), x.topk(2), x.min(0), torch.aminmax(x), x.median(1), x.mode(1), x.kthvalue(2, 1), torch.std_mean(x, 1), torch.linalg.slogdet(torch.eye(2)), torch.frexp(torch.tensor([8.0, 0.5])))
vals, idx = x.max(1)
r = x.max(1)
print(r.values, r.indices, r[0], len(r), type(r).__name__, tuple(r)[1])
print(torch.tensor([[1e-3, 2e-3], [3e-3, 4e-3]]).t(), torch.tensor([[1, -1], [100, 1000]]).t(), torch.tensor([[True, False], [False, False]]).t())
print(torch.zeros(2, 3, 0), torch.ones(1, 1, 1), torch.ones(2, 1, 2, 1), torch.tensor([[[[1.5]]]]))
print(torch.arange(6.0).view(2, 3) * torch.tensor([1e-10, 1.0, 1e10]))
print(torch.tensor([1.0, 2.0]).half() * 1000, torch.tensor([0.001, 1000.0], dtype=torch.float16), torch.tensor([123456.0], dtype=torch.float64), torch.tensor([1 / 3], dtype=torch.float16))
print(f"{x.sum()}", f"{x[0, 1]:.1f}", "%s" % torch.tensor([1, 2]), "{}".format(torch.tensor(1.5)), str(torch.tensor([1.0])), repr(torch.tensor([True])), f"{torch.tensor(3)!r}")
