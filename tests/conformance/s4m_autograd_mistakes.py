# Autograd mistakes: backward twice, non-scalar backward, non-leaf grads, in-place on leaves and saved tensors.
import warnings

import torch


def attempt(label, fn):
    try:
        out = fn()
        print(label, "ok", out)
    except Exception as e:  # noqa: BLE001
        print(label, type(e).__name__, str(e))


torch.manual_seed(2)
x = torch.randn(3, requires_grad=True)
y = (x * x).sum()
y.backward()
attempt("backward_twice", lambda: y.backward())
y2 = (x.exp() * 2).sum()
y2.backward(retain_graph=True)
attempt("retain_ok", lambda: y2.backward())
print("grad accumulated", x.grad)
attempt("nonscalar", lambda: (x * 2).backward())
attempt("nonscalar_grad", lambda: (x * 2).backward(torch.ones(3)))
attempt("nonscalar_badgrad", lambda: (x * 2).backward(torch.ones(4)))
attempt("grad_api_nonscalar", lambda: torch.autograd.grad(x * 2, x))
attempt("grad_api_unused", lambda: torch.autograd.grad((x * 2).sum(), [x, torch.ones(2, requires_grad=True)]))
attempt("grad_api_allow", lambda: torch.autograd.grad((x * 2).sum(), [x, torch.ones(2, requires_grad=True)],
                                                      allow_unused=True)[1])
attempt("no_grad_tensor", lambda: torch.ones(3).sum().backward())
with torch.no_grad():
    z = x * 2
attempt("under_no_grad", lambda: z.sum().backward())
attempt("detached", lambda: x.detach().sum().backward())

h = x * 3
with warnings.catch_warnings(record=True) as rec:
    warnings.simplefilter("always")
    (h.sum()).backward()
    print("nonleaf grad", h.grad, h.is_leaf, h.requires_grad)
for w in rec:
    print(w.category.__name__, str(w.message)[:120])
h2 = x * 3
h2.retain_grad()
h2.sum().backward()
print("retained", h2.grad)

attempt("int_requires_grad", lambda: torch.tensor([1, 2, 3], requires_grad=True))
attempt("int_requires_grad_", lambda: torch.arange(3).requires_grad_())
attempt("int_setattr", lambda: setattr(torch.arange(3), "requires_grad", True))
attempt("bool_requires_grad", lambda: torch.tensor([True], requires_grad=True))
attempt("float_ok", lambda: torch.tensor([1.0, 2.0], requires_grad=True))
attempt("nonleaf_requires_grad", lambda: (x * 2).requires_grad_(False))
leaf = torch.zeros(3, requires_grad=True)
attempt("leaf_add_", lambda: leaf.add_(1))
attempt("leaf_setitem", lambda: leaf.__setitem__(0, 5.0))
attempt("leaf_zero_", lambda: leaf.zero_())
attempt("leaf_fill_", lambda: leaf.data.fill_(2.0))
print("leaf now", leaf)
with torch.no_grad():
    leaf.add_(1)
print("after no_grad", leaf)
attempt("leaf_view_inplace", lambda: leaf[:2].mul_(2))

a = torch.randn(3, requires_grad=True)
b = a.exp()
b.add_(1)
attempt("saved_modified", lambda: b.sum().backward())
c = a.sigmoid()
d = c * 2
c.mul_(3)
attempt("saved_modified2", lambda: d.sum().backward())
e = a * 2
f = e ** 2
e.zero_()
attempt("saved_pow", lambda: f.sum().backward())
g = a.relu()
g2 = g.clone()
g.add_(1)
attempt("clone_fine", lambda: g2.sum().backward())

attempt("numpy_rg", lambda: a.numpy())
attempt("numpy_detach", lambda: a.detach().numpy().shape)
attempt("numpy_nonleaf", lambda: (a * 2).numpy())
attempt("item_multi", lambda: a.item())
attempt("item_one", lambda: round(a[0].item(), 4))
attempt("float_multi", lambda: float(a))
attempt("int_multi", lambda: int(torch.tensor([1, 2])))
attempt("bool_multi", lambda: bool(torch.tensor([1.0, 2.0]) > 0))
attempt("tolist_rg", lambda: len(a.tolist()))
attempt("grad_of_int", lambda: torch.autograd.grad(torch.ones(1).sum(), torch.ones(1)))
attempt("grad_set_bad", lambda: setattr(a, "grad", torch.ones(4)))
attempt("grad_set_dtype", lambda: setattr(a, "grad", torch.ones(3, dtype=torch.float64)))
