# std / var with unbiased and correction, std_mean / var_mean, nan handling, single elements, grads.
import torch

x = torch.tensor([[1.0, 2.0, 4.0, 7.0], [0.5, -1.5, 3.0, 3.0]])
print(x.std(), x.var(), x.std(unbiased=False), x.var(0), x.var(1, keepdim=True), x.std(dim=1, correction=0), x.var(correction=2), x.std(dim=(0, 1)), torch.var(x, 1, unbiased=True))
print(torch.std_mean(x), torch.var_mean(x, dim=0), torch.var_mean(x, 1, correction=0), torch.std_mean(x, dim=1, keepdim=True), torch.std(x, dim=-1, correction=3))
print(torch.tensor([5.0]).std(), torch.tensor([5.0]).var(correction=0), torch.tensor([1.0, 1.0]).std(), torch.ones(3, 1).std(1), torch.tensor([]).var() if False else "", torch.tensor([1.0, float("nan")]).std())
print(x.double().var(), torch.tensor([1, 2, 3]).float().std(), torch.tensor([1e8, 1e8 + 1, 1e8 + 2], dtype=torch.float64).var(), torch.tensor([1e4, 1e4 + 1, 1e4 + 2]).var())
w = torch.tensor([1.0, 2.0, 4.0, 8.0], requires_grad=True)
w.std().backward()
print(w.grad)
w = torch.tensor([[1.0, 2.0], [4.0, 8.0]], requires_grad=True)
(w.var(0, correction=0).sum() + w.var(1).sum()).backward()
print(w.grad)
w = torch.tensor([3.0, 3.0], requires_grad=True)
w.std().backward()
print(w.grad)
z = (x - x.mean(1, keepdim=True)) / x.std(1, keepdim=True)
print(z, z.mean(1), z.std(1))
print(torch.cov(x), torch.cov(x, correction=0), torch.corrcoef(x), torch.cov(x[0]), torch.cov(x, fweights=torch.tensor([1, 2, 1, 1])), torch.cov(x, aweights=torch.tensor([0.5, 1.0, 1.0, 2.0])))
for bad in [lambda: torch.tensor([1, 2, 3]).std(), lambda: x.std(dim=2)]:
    try:
        print(bad())
    except (RuntimeError, IndexError, TypeError) as e:
        print(type(e).__name__, e)
