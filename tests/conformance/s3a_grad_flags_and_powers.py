# requires_grad / grad assignment checks, integer powers, tie-breaking of sort-like ops, as_strided,
# index_reduce, renorm and the strides of *_like results.
import warnings

import torch

torch.manual_seed(0)
warnings.simplefilter("ignore")


def attempt(label, fn):
    try:
        out = fn()
        print(label, "ok", out)
    except Exception as e:  # noqa: BLE001
        print(label, type(e).__name__, str(e))


nonleaf = torch.ones(3, requires_grad=True) * 2
attempt("int requires_grad", lambda: setattr(torch.zeros(3, dtype=torch.long), "requires_grad", True))
attempt("nonleaf off", lambda: setattr(nonleaf, "requires_grad", False))
attempt("nonleaf on", lambda: setattr(nonleaf, "requires_grad", True))
attempt("not a bool", lambda: setattr(torch.zeros(3), "requires_grad", 1))
attempt("requires_grad_ int", lambda: torch.zeros(2, dtype=torch.int32).requires_grad_())
attempt("requires_grad_ nonleaf off", lambda: nonleaf.requires_grad_(False))
attempt("requires_grad_ nonleaf on", lambda: nonleaf.requires_grad_(True).requires_grad)
t = torch.zeros(2, 3)
attempt("grad wrong type", lambda: setattr(t, "grad", [1.0]))
attempt("grad wrong size", lambda: setattr(t, "grad", torch.zeros(3, 2)))
attempt("grad wrong dtype", lambda: setattr(t, "grad", torch.zeros(2, 3, dtype=torch.float64)))
attempt("grad itself", lambda: setattr(t, "grad", t))
attempt("grad ok", lambda: (setattr(t, "grad", torch.ones(2, 3)), t.grad.sum().item())[1])

x = torch.tensor([-3, -1, 0, 1, 2, 5])
e = torch.tensor([-1, -2, 0, 1, 2, -3])
print(x ** e, x.int() ** e.int(), 2 ** e, (-1) ** e, x ** torch.tensor(-1))
attempt("int ** -1", lambda: x ** -1)
attempt("bool ** bool", lambda: torch.tensor([True]) ** torch.tensor([False]))

vals = torch.randint(0, 3, (2, 40)).float()
print(vals.sort(1).indices)
print(vals.sort(1, descending=True).indices)
print(vals.sort(dim=1, stable=True).indices)
print(vals.argsort(1))
print(vals.topk(6, 1).indices, vals.topk(6, 1, largest=False).indices)
print(vals.max(1), vals.min(1), vals.mode(1), vals.median(1), vals.kthvalue(7, 1))

a = torch.randn(3, 4, requires_grad=True)
s = (a * 1).as_strided((2, 3), (1, 2), 1)
(s * torch.arange(6.0).view(2, 3)).sum().backward()
print(s, s.stride(), s.storage_offset())
print(a.grad)

src = torch.randn(5, 3, requires_grad=True)
dst = torch.randn(4, 3, requires_grad=True)
idx = torch.tensor([0, 2, 0, 3, 2])
for reduce in ("prod", "mean", "amax", "amin"):
    r = dst.index_reduce(0, idx, src, reduce, include_self=reduce != "mean")
    r.sum().backward()
    print(reduce, r)
print(dst.grad)
print(src.grad)

m = torch.randn(3, 4, 2, requires_grad=True)
rn = m.renorm(2, 1, 1.0)
(rn * torch.arange(24.0).view(3, 4, 2)).sum().backward()
torch.set_printoptions(precision=6)
print(rn, m.grad)
torch.set_printoptions(precision=4)

p = torch.ones(2, 3, 4).permute(2, 0, 1)
print(torch.empty_like(p).stride(), torch.zeros_like(p).stride(), torch.full_like(p, 2).stride(),
      torch.rand_like(p).stride(), torch.ones_like(torch.ones(4, 6).t()[::2]).stride(),
      torch.zeros_like(p, memory_format=torch.contiguous_format).stride(), torch.preserve_format)
