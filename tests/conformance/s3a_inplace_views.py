# In-place writes through views of computed tensors (CopySlices), setitem on non-leaf tensors, views made
# under no_grad, and the errors torch raises for in-place misuse.
import torch

torch.manual_seed(0)


def attempt(label, fn):
    try:
        out = fn()
        print(label, "ok", out)
    except Exception as e:  # noqa: BLE001
        print(label, type(e).__name__, str(e))


a = torch.randn(3, 4, requires_grad=True)
x = torch.randn(4, requires_grad=True)
b = a * 2
row = b[1]
col = b[:, 0]
row.mul_(x)
print(type(b.grad_fn).__name__, b.grad_fn.name(), type(row.grad_fn).__name__, b.is_leaf, row.requires_grad)
b.view(-1)[::5].add_(1.5)
b.diagonal().sub_(x[:3])
(b.sin().sum() + col.sum() * 3).backward()
print(a.grad)
print(x.grad)

# setitem on a non-leaf: basic, broadcast, mask and index tensors
a.grad = None
v = torch.randn(3, requires_grad=True)
h = a * 1.5 + 0.2
h[:, 0] = v
h[h > 0.5] = 0.0
h[torch.tensor([2, 0]), 1:3] = v[:2].unsqueeze(1) * 4
h[..., -1] *= 3
(h * torch.arange(12.0).view(3, 4)).sum().backward()
print(h)
print(a.grad)
print(v.grad)

# a preallocated buffer filled row by row (RNN style), then read through older views
w = torch.randn(3, 3, requires_grad=True)
inp = torch.randn(5, 3)
out = torch.zeros(5, 3)
first = out[0]
state = torch.zeros(3)
for t in range(5):
    state = torch.tanh(inp[t] + state @ w)
    out[t] = state
print(out.requires_grad, first.requires_grad, type(first.grad_fn).__name__)
(out.pow(2).sum() + first.sum()).backward()
print(w.grad)

# double backward through an in-place write on a view
p = torch.randn(3, 3, dtype=torch.float64, requires_grad=True)
q = p ** 2
q[1].mul_(p[0])
(g,) = torch.autograd.grad((q * q).sum(), p, create_graph=True)
g.sin().sum().backward()
print(g)
print(p.grad)

# views made under no_grad
base = torch.randn(2, 3, requires_grad=True) * 1
with torch.no_grad():
    nv = base[0]
print(nv.requires_grad, nv.is_leaf, nv.grad_fn)
attempt("no_grad view in-place", lambda: nv.mul_(2))
attempt("view of no_grad view", lambda: nv[1:].add_(1))

# errors
leaf = torch.randn(2, 3, requires_grad=True)
attempt("leaf in-place", lambda: leaf.add_(1))
attempt("view of leaf", lambda: leaf[0].mul_(2))
attempt("setitem on leaf", lambda: leaf.__setitem__(0, 1.0))
attempt("unbind output", lambda: (leaf * 1).unbind(0)[1].mul_(2))
attempt("split output", lambda: (leaf * 1).split(1, 1)[2].zero_())
attempt("chunk then view", lambda: (leaf * 1).chunk(2, 1)[0][0].fill_(3))
attempt("tensor_split is fine", lambda: (leaf * 1).tensor_split(2, 1)[0].mul_(2).shape)
attempt("expanded add_", lambda: torch.arange(3.0).expand(2, 3).add_(1))
attempt("expanded fill_", lambda: torch.arange(3.0).expand(2, 3).fill_(7))
attempt("detach_ on view", lambda: torch.zeros(3)[1:].detach_())


def saved_then_modified():
    s = torch.randn(3, requires_grad=True).exp()
    s.add_(1)
    y = s.sin()
    s.mul_(2)
    y.sum().backward()


attempt("version check", saved_then_modified)
