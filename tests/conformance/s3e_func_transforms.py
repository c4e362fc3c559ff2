# torch.func: per-example gradients, Jacobians, Hessians and vmap the way the tutorials use them.
import torch
from torch.func import functional_call, grad, grad_and_value, hessian, jacrev, vjp, vmap

torch.manual_seed(0)
model = torch.nn.Sequential(torch.nn.Linear(3, 5), torch.nn.Tanh(), torch.nn.Linear(5, 1))
params = {k: v.detach() for k, v in model.named_parameters()}
buffers = {k: v.detach() for k, v in model.named_buffers()}


def compute_loss(params, buffers, sample, target):
    pred = functional_call(model, (params, buffers), (sample.unsqueeze(0),))
    return torch.nn.functional.mse_loss(pred, target.unsqueeze(0))


x = torch.randn(8, 3)
y = torch.randn(8, 1)
per_sample = vmap(grad(compute_loss), in_dims=(None, None, 0, 0))(params, buffers, x, y)
for k, g in per_sample.items():
    print(k, g.shape, g.sum())
g, loss = grad_and_value(compute_loss)(params, buffers, x[0], y[0])
print(loss, g["2.bias"])


def f(v):
    return (v.sin() * v ** 2).sum()


v = torch.tensor([0.5, -1.0, 2.0])
print(grad(f)(v))
print(grad(grad(lambda s: s ** 3))(torch.tensor(2.0)))
print(jacrev(lambda v: v.exp() * v.sum())(v))
print(hessian(f)(v).diagonal())
out, vjp_fn = vjp(torch.sin, v)
print(out, vjp_fn(torch.ones(3)))
print(torch.func.jvp(torch.cos, (v,), (torch.ones(3),)))
batched_dot = vmap(torch.dot)
print(batched_dot(torch.ones(4, 3), torch.arange(12.0).view(4, 3)))
print(vmap(lambda m: m.t() @ m)(torch.arange(8.0).view(2, 2, 2)))
print(vmap(torch.outer, in_dims=(0, None))(torch.ones(2, 2), torch.tensor([1.0, 2.0, 3.0])))
print(torch.vmap(lambda a, b: a * b + 1, in_dims=(1, 0), out_dims=1)(torch.ones(3, 2), torch.arange(2.0)))
