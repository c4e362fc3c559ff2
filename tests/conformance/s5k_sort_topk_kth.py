# sort / argsort (stable, descending), topk (largest/sorted), kthvalue, msort, with ties and dims.
import torch

x = torch.tensor([3, 1, 2, 3, 1, 2, 3])
print(torch.sort(x), torch.sort(x, stable=True), torch.sort(x, descending=True, stable=True), x.argsort(stable=True), x.argsort(descending=True, stable=True), torch.argsort(x, dim=0, stable=True))
m = torch.tensor([[3.0, 1.0, 2.0], [0.5, 0.5, -1.0], [9.0, 8.0, 7.0]])
print(m.sort(dim=0), m.sort(dim=1, descending=True), m.sort(-1).indices, torch.sort(m, 0, True).values, m.argsort(dim=0), torch.msort(m))
f = torch.tensor([0.1, 0.9, 0.5, 0.9, 0.3, 0.7])
print(torch.topk(f, 3), f.topk(2, largest=False), f.topk(6).indices, torch.topk(m, 2, dim=0), m.topk(1, dim=1), m.topk(2, dim=1, largest=False, sorted=True))
v, i = f.topk(3)
print(v, i, v.sum(), f[i], torch.topk(torch.tensor([1, 5, 2, 5]), 2))
print(torch.kthvalue(f, 2), f.kthvalue(5), torch.kthvalue(m, 1, dim=0), m.kthvalue(2, dim=1, keepdim=True), torch.kthvalue(torch.tensor([4, 1, 3, 1]), 2))
w = torch.tensor([0.3, -1.0, 2.0, 0.5], requires_grad=True)
s, _ = w.sort()
(s * torch.arange(1.0, 5.0)).sum().backward()
print(s, w.grad)
w2 = torch.tensor([0.3, -1.0, 2.0, 0.5], requires_grad=True)
t, _ = w2.topk(2)
(t * torch.tensor([10.0, 1.0])).sum().backward()
print(t, w2.grad)
w3 = torch.tensor([[0.3, -1.0, 2.0], [4.0, 5.0, -6.0]], requires_grad=True)
k = w3.kthvalue(2, dim=1).values
k.sum().backward()
print(k, w3.grad)
print(torch.sort(torch.tensor([True, False, True])), torch.sort(torch.tensor([2, 1], dtype=torch.uint8)), torch.sort(torch.tensor([1.0, -0.0, 0.0, -1.0])).indices)
for bad in [lambda: f.topk(7), lambda: f.kthvalue(0), lambda: f.kthvalue(7), lambda: m.sort(dim=2)]:
    try:
        bad()
    except (RuntimeError, IndexError) as e:
        print(type(e).__name__, e)
