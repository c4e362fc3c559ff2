# torch.func: grad, vmap, jacrev, jacfwd, functional_call, hessian, grad_and_value with has_aux.
import torch
from torch.func import functional_call, grad, grad_and_value, hessian, jacfwd, jacrev, vmap

torch.manual_seed(0)


def loss(w, x, y):
    return ((x @ w - y) ** 2).mean()


w = torch.randn(3)
X = torch.randn(10, 3)
Y = torch.randn(10)
print(grad(loss)(w, X, Y))
print(grad(loss, argnums=(0, 1))(w, X, Y)[1].shape)
g, val = grad_and_value(loss)(w, X, Y)
print(g, val)


def with_aux(w):
    l = (w ** 2).sum()
    return l, {"norm": w.norm()}


g, aux = grad(with_aux, has_aux=True)(w)
print(g, aux["norm"])
per_ex = vmap(grad(loss), in_dims=(None, 0, 0))(w, X[:, None, :], Y[:, None])
print(per_ex.shape, per_ex.mean(0))
print(jacrev(torch.sin)(w))
print(jacfwd(lambda v: v.cumsum(0))(w))
print(hessian(lambda v: (v ** 3).sum())(w))
print(jacrev(loss, argnums=0)(w, X, Y))

model = torch.nn.Linear(3, 2)
params = dict(model.named_parameters())
new = {k: torch.zeros_like(v) + 0.1 for k, v in params.items()}
print(functional_call(model, new, (X[:2],)))
print(model(X[:2]) - functional_call(model, params, (X[:2],)))
print(vmap(lambda r: r.max())(X[:4]))
print(vmap(vmap(lambda a: a * 2))(torch.arange(6.0).view(2, 3)))
print(vmap(lambda a, b: a @ b)(torch.randn(3, 2, 2), torch.randn(3, 2)))
print(vmap(torch.trace)(torch.arange(18.0).view(2, 3, 3)))
print(vmap(lambda x: x.sum(0), in_dims=1)(torch.arange(6.0).view(2, 3)))


def ens(params, x):
    return functional_call(model, params, (x,))


stacked = {k: torch.stack([v.detach(), v.detach() * 2]) for k, v in params.items()}
print(vmap(ens, in_dims=(0, None))(stacked, X[:3]))
