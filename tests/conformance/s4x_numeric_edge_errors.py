# numeric edge cases and their errors: std of one element, mean of ints, quantile ranges, singular solves.
import warnings

import torch

warnings.simplefilter("ignore")
print(torch.tensor([3.0]).std(), torch.tensor([3.0]).var(correction=0), torch.tensor([]).mean(), torch.tensor([]).sum())
for fn in (lambda: torch.tensor([1, 2, 3]).mean(), lambda: torch.tensor([1, 2]).std(),
           lambda: torch.quantile(torch.tensor([1.0, 2.0]), 1.5), lambda: torch.quantile(torch.tensor([1, 2]), 0.5),
           lambda: torch.linalg.inv(torch.zeros(3, 3)), lambda: torch.linalg.cholesky(torch.tensor([[1.0, 2.0], [2.0, 1.0]])),
           lambda: torch.multinomial(torch.tensor([0.5, 0.5]), 3), lambda: torch.multinomial(torch.tensor([-1.0, 2.0]), 1),
           lambda: torch.randint(5, 2, (3,)), lambda: torch.normal(torch.zeros(2), torch.tensor([-1.0, 1.0])),
           lambda: torch.bernoulli(torch.tensor([1.5])), lambda: torch.histc(torch.tensor([1, 2]), bins=2),
           lambda: torch.bincount(torch.tensor([-1, 2])), lambda: torch.linalg.solve(torch.ones(2, 3), torch.ones(2)),
           lambda: torch.cumsum(torch.ones(3), dim=2), lambda: torch.logsumexp(torch.tensor([1, 2]), 0),
           lambda: torch.tensor([1.0, 2.0]).var(dim=3), lambda: torch.tensor([[1.0]]).matrix_exp().inverse()[1]):
    try:
        r = fn()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, str(e).split("\n")[0])
print(torch.tensor([1, 2, 3]).float().mean(), torch.tensor([1, 2, 3]).mean(dtype=torch.float64))
print(torch.tensor([1, 2, 3]).sum(), torch.tensor([True, True]).sum(), torch.tensor([1, 2], dtype=torch.int8).sum().dtype)
print(torch.tensor([1, 2], dtype=torch.uint8).prod().dtype, torch.tensor([2.5, 3.5]).prod(dtype=torch.float64))
print(torch.median(torch.tensor([1.0, 2.0, 3.0, 4.0])), torch.tensor([[1.0, 5.0], [3.0, 2.0]]).median(dim=0))
print(torch.quantile(torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]), 0.5, dim=0, keepdim=True))
print(torch.tensor([float("nan"), 1.0]).max(), torch.tensor([float("nan"), 1.0]).sum(), torch.tensor([float("nan"), 1.0]).nansum())
print(torch.tensor([1.0, float("inf")]).mean(), torch.tensor([float("inf"), -float("inf")]).sum(), torch.tensor([0.0]).log())
print(torch.softmax(torch.tensor([float("-inf"), 0.0]), 0), torch.softmax(torch.tensor([float("-inf"), float("-inf")]), 0))
print(torch.logsumexp(torch.tensor([float("-inf"), float("-inf")]), 0), torch.logsumexp(torch.tensor([float("inf"), 1.0]), 0))
print(torch.sqrt(torch.tensor([-1.0])), torch.tensor(-8.0) ** (1 / 3), torch.tensor([0.0]) ** 0, 0 ** torch.tensor([0.0, 2.0]))
x = torch.tensor([0.0, 1.0], requires_grad=True)
(x.sqrt().sum()).backward()
print(x.grad)
x.grad = None
(x.norm()).backward()
print(x.grad)
z = torch.zeros(3, requires_grad=True)
z.norm().backward()
print(z.grad)
z.grad = None
torch.abs(z).sum().backward()
print(z.grad)
z.grad = None
(z.clamp(0, 1).sum() + z.relu().sum() + torch.max(z, torch.zeros(3)).sum()).backward()
print(z.grad)
v = torch.tensor([1.0, 1.0, 2.0], requires_grad=True)
v.max().backward()
print(v.grad)
v.grad = None
torch.amax(torch.stack([v, v.flip(0)]), dim=0).sum().backward()
print(v.grad)
