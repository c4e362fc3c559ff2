# masked_fill / masked_select / masked_scatter / where / nonzero(as_tuple) / argwhere / count_nonzero.
import torch

x = torch.tensor([[1.0, -2.0, 3.0], [-4.0, 5.0, -6.0]])
m = x < 0
print(x.masked_fill(m, 0.0), x.masked_fill(m, float("-inf")), x.masked_fill(torch.tensor([True, False, False]), 9), x.masked_fill(m, torch.tensor(7.0)), torch.masked_select(x, m), x.masked_select(torch.tensor([False, True, True])))
print(torch.where(m, x, torch.zeros_like(x)), torch.where(m, 0, x), torch.where(m, -1, 1), torch.where(m, 1.5, 0), torch.where(m, x, torch.tensor(2.0, dtype=torch.float64)).dtype, torch.where(x > 0, x, 0.0).sum())
print(torch.where(m), torch.nonzero(m), m.nonzero(as_tuple=True), torch.nonzero(x[0] > 0, as_tuple=True), torch.argwhere(m), torch.nonzero(torch.tensor(5)), torch.nonzero(torch.tensor(0), as_tuple=True))
print(torch.count_nonzero(x), torch.count_nonzero(m, dim=1), torch.count_nonzero(x, dim=(0, 1)), (x != 0).sum(), m.sum(dim=0), m.float().mean(1))
y = torch.zeros(2, 3)
print(y.masked_scatter(m, torch.tensor([10.0, 20.0, 30.0, 40.0])), torch.zeros(4).masked_fill_(torch.tensor([True, False, True, False]), 2.0))
z = torch.arange(10.0)
z.masked_fill_(z > 6, -1)
print(z, z.where(z > 0, torch.tensor(100.0)), torch.where(z > 3, z, z * 10).int())
w = torch.tensor([1.0, -2.0, 3.0], requires_grad=True)
r = torch.where(w > 0, w * w, -w)
r.sum().backward()
print(r, w.grad)
w2 = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
w2.masked_fill(torch.tensor([False, True, False]), 0.0).pow(2).sum().backward()
print(w2.grad)
w3 = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
w3.masked_select(torch.tensor([[True, False], [False, True]])).mul(torch.tensor([5.0, 7.0])).sum().backward()
print(w3.grad)
print(torch.where(torch.tensor([[True], [False]]), torch.tensor([1, 2, 3]), torch.tensor([[10], [20]])))
for bad in [lambda: x.masked_fill(torch.tensor([1, 0, 1]), 0.0), lambda: x.masked_fill(m[:, :2], 0.0), lambda: torch.where(torch.tensor([1, 0]), x[0, :2], x[1, :2]), lambda: x.masked_fill(m, torch.tensor([1.0, 2.0]))]:
    try:
        bad()
    except RuntimeError as e:
        print("RuntimeError", e)
