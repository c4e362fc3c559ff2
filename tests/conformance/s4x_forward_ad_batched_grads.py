# forward-mode AD with dual numbers, is_grads_batched Jacobians, jvp via torch.func, linearize-style checks.
import torch
import torch.autograd.forward_ad as fwAD
from torch.func import jacfwd, jvp

x = torch.tensor([0.5, 1.0, 2.0])
v = torch.tensor([1.0, 0.0, -1.0])
with fwAD.dual_level():
    dx = fwAD.make_dual(x, v)
    y = dx.sin() * dx ** 2
    p, t = fwAD.unpack_dual(y)
    print(p, t)
    z = torch.exp(dx).sum()
    print(fwAD.unpack_dual(z).tangent)
print(torch.cos(x) * x ** 2 * v + torch.sin(x) * 2 * x * v)
out, tan = jvp(lambda a: (a.sin() * a ** 2), (x,), (v,))
print(out, tan)
print(jacfwd(lambda a: a.cumsum(0) * a)(x))
w = torch.randn(3, requires_grad=True)
y = w.exp() * 2
I = torch.eye(3)
(jac,) = torch.autograd.grad(y, w, I, is_grads_batched=True)
print(jac)
print(torch.autograd.functional.jacobian(lambda a: a.exp() * 2, w.detach(), vectorize=True))
print(torch.autograd.functional.jvp(lambda a: a ** 3, x, v))
print(torch.func.jacrev(lambda a, b: a * b, argnums=(0, 1))(x, v))
print(torch.func.hessian(lambda a: (a.exp() * a).sum())(x))
