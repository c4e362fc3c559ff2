# median / nanmedian / mode / quantile / nanquantile / nanmean / nansum: even sizes, ties, nan, interpolation.
import torch

x = torch.tensor([3.0, 1.0, 4.0, 1.0, 5.0, 9.0])
print(x.median(), torch.median(x), x.median(0), torch.tensor([[2.0, 1.0, 3.0, 4.0], [5.0, 5.0, 1.0, 0.0]]).median(dim=1), torch.tensor([1, 3, 2, 4]).median(), torch.tensor([[1, 2], [3, 4]]).median(0, keepdim=True))
n = torch.tensor([1.0, float("nan"), 3.0, 2.0])
print(n.median(), n.nanmedian(), torch.nanmedian(torch.tensor([[float("nan"), 1.0], [2.0, 3.0]]), dim=0), torch.tensor([float("nan"), float("nan")]).nanmedian())
print(torch.mode(torch.tensor([1, 2, 2, 3, 3])), torch.tensor([[1, 1, 2], [3, 2, 2]]).mode(1), torch.mode(torch.tensor([4.0, 4.0, 1.0, 1.0, 2.0])), torch.tensor([7]).mode(), torch.tensor([[5, 5], [6, 7]]).mode(0))
q = torch.arange(1.0, 11.0)
print(torch.quantile(q, 0.5), q.quantile(torch.tensor([0.1, 0.25, 0.75, 0.9])), torch.quantile(q, 0.3, interpolation="lower"), torch.quantile(q, 0.3, interpolation="higher"), torch.quantile(q, 0.35, interpolation="nearest"), torch.quantile(q, 0.33, interpolation="midpoint"), torch.quantile(q, 0.25, interpolation="linear"))
m = torch.tensor([[1.0, 5.0, 2.0], [8.0, 3.0, 9.0]])
print(torch.quantile(m, 0.5, dim=1), torch.quantile(m, torch.tensor([0.0, 1.0]), dim=0), torch.quantile(m, 0.5, dim=1, keepdim=True), m.quantile(0.5), torch.nanquantile(torch.tensor([1.0, float("nan"), 3.0]), 0.5), torch.quantile(torch.tensor([1.0, float("nan"), 3.0]), 0.5))
print(torch.nanmean(n), n.nanmean(), torch.nansum(n), n.nansum(), torch.nanmean(torch.tensor([[float("nan"), 2.0], [4.0, float("nan")]]), dim=0), torch.nansum(torch.tensor([[float("nan"), 2.0], [4.0, float("nan")]]), dim=1), torch.tensor([float("nan")]).nanmean(), torch.nansum(torch.tensor([1, 2])))
w = torch.tensor([3.0, 1.0, 2.0, 5.0], requires_grad=True)
w.median().backward()
print(w.grad)
w = torch.tensor([3.0, 1.0, 2.0, 5.0], requires_grad=True)
torch.quantile(w, 0.4).backward()
print(w.grad)
w = torch.tensor([1.0, float("nan"), 4.0], requires_grad=True)
(torch.nanmean(w) + torch.nansum(w) * 2).backward()
print(w.grad)
w = torch.tensor([[3.0, 1.0], [2.0, 5.0]], requires_grad=True)
w.median(dim=0).values.sum().backward()
print(w.grad)
for bad in [lambda: torch.quantile(q, 1.5), lambda: torch.quantile(q.long(), 0.5), lambda: torch.quantile(q, 0.5, interpolation="cubic"), lambda: torch.tensor([]).median(), lambda: torch.quantile(q, torch.tensor([[0.5]]))]:
    try:
        print(bad())
    except (RuntimeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)
