# More structseq results: linalg decompositions, frexp, histogram, and which functions return plain tuples.
import torch

torch.manual_seed(6)
a = torch.randn(3, 3, dtype=torch.float64)
s = a @ a.T + torch.eye(3, dtype=torch.float64)
for name, r in [("slogdet", torch.linalg.slogdet(s)), ("eigh", torch.linalg.eigh(s)), ("qr", torch.linalg.qr(a)),
                ("svd", torch.linalg.svd(a)), ("cholesky_ex", torch.linalg.cholesky_ex(s)),
                ("inv_ex", torch.linalg.inv_ex(s)), ("lu_factor", torch.linalg.lu_factor(a)),
                ("lu", torch.linalg.lu(a)), ("lstsq", torch.linalg.lstsq(a, a[:, :1]))]:
    print(name, type(r).__name__, isinstance(r, tuple), len(r), getattr(r, "_fields", None) is None)
sl = torch.linalg.slogdet(s)
print(sl)
print(sl.sign, round(sl.logabsdet.item(), 6))
f = torch.frexp(torch.tensor([1.0, 8.0, 0.3]))
print(f)
h = torch.histogram(torch.tensor([1.0, 2.0, 1.0, 4.0]), bins=3)
print(h)
print(type(torch.std_mean(a)).__name__, type(torch.var_mean(a, 0)).__name__, type(torch.unique(torch.tensor([1, 1]), return_counts=True)).__name__)
print(type(a.max(0)).__name__, type(a.max()).__name__, type(torch.sort(a)).__name__, type(a.split(1)).__name__)
print(type(a.unbind()).__name__, type(a.chunk(3)).__name__, type(torch.meshgrid(a[0], a[1], indexing="ij")).__name__)
v, i = torch.topk(torch.tensor([1.0, 3.0, 2.0]), 2)
print(v, i, torch.topk(torch.tensor([1.0, 3.0, 2.0]), 2, largest=False))
print(torch.max(a, 0) == torch.max(a, 0) if False else torch.max(a, 0)[1])
import pickle  # noqa: E402

back = pickle.loads(pickle.dumps(torch.sort(torch.tensor([2.0, 1.0]))))
print(back, type(back).__name__, back.n_fields, hasattr(back, "_fields"))
