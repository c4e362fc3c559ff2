"""Compare analytical gradients with finite differences, like ``torch.autograd.gradcheck``."""
from __future__ import annotations

import numpy as np

from .._tensor import Tensor, _wrap

__all__ = ["gradcheck", "gradgradcheck", "GradcheckError"]


class GradcheckError(RuntimeError):
    """Raised when analytical and numerical gradients disagree."""


def _outputs(fn, inputs):
    out = fn(*inputs)
    return (out,) if isinstance(out, Tensor) else tuple(o for o in out if isinstance(o, Tensor))


def _numerical(fn, inputs, i, eps):
    """Jacobian columns for input ``i`` by central differences: shape (numel_in, numel_out_total)."""
    x = inputs[i]
    flat = x._data.reshape(-1)
    cols = []
    for k in range(flat.size):
        orig = flat[k]
        flat[k] = orig + eps
        plus = np.concatenate([o._data.reshape(-1).astype(np.float64) for o in _outputs(fn, inputs)])
        flat[k] = orig - eps
        minus = np.concatenate([o._data.reshape(-1).astype(np.float64) for o in _outputs(fn, inputs)])
        flat[k] = orig
        cols.append((plus - minus) / (2 * eps))
    return np.array(cols).reshape(flat.size, -1)


def _analytical(fn, inputs, diff_idx):
    from . import grad
    outs = _outputs(fn, inputs)
    sizes = [o._data.size for o in outs]
    total = sum(sizes)
    jac = {i: np.zeros((inputs[i]._data.size, total)) for i in diff_idx}
    col = 0
    for o, n in zip(outs, sizes):
        if not o.requires_grad:
            col += n
            continue
        for k in range(n):
            seed = np.zeros(o._data.size, o._data.dtype)
            seed[k] = 1
            gs = grad(o, [inputs[i] for i in diff_idx], _wrap(seed.reshape(o._data.shape)), retain_graph=True,
                      allow_unused=True)
            for i, g in zip(diff_idx, gs):
                if g is not None:
                    jac[i][:, col + k] = g._data.reshape(-1)
        col += n
    return jac


def gradcheck(func, inputs, *, eps: float = 1e-6, atol: float = 1e-5, rtol: float = 1e-3,
              raise_exception: bool = True, nondet_tol: float = 0.0, check_undefined_grad: bool = True,
              check_grad_dtypes: bool = False, check_batched_grad: bool = False,
              check_batched_forward_grad: bool = False, check_forward_ad: bool = False,
              check_backward_ad: bool = True, fast_mode: bool = False, masked=None) -> bool:
    """True when ``func``'s backward matches central finite differences on ``inputs`` (use float64)."""
    inputs = (inputs,) if isinstance(inputs, Tensor) else tuple(inputs)
    diff_idx = [i for i, x in enumerate(inputs) if isinstance(x, Tensor) and x.requires_grad]
    if not diff_idx:
        raise ValueError("gradcheck expects at least one input tensor to require gradient, but none of the them "
                         "have requires_grad=True.")
    for i in diff_idx:
        if inputs[i]._data.dtype != np.float64:
            import warnings
            warnings.warn(f"Input #{i} requires gradient and is not a double precision floating point or complex. "
                          "This check will likely fail if all the inputs are not of double precision floating point "
                          "or complex. ",
                          UserWarning, stacklevel=2)
    ana = _analytical(func, inputs, diff_idx)
    for i in diff_idx:
        num = _numerical(func, inputs, i, eps)
        a = ana[i]
        if not np.allclose(a, num, rtol=rtol, atol=atol):
            if raise_exception:
                raise GradcheckError(f"Jacobian mismatch for output 0 with respect to input {i},\n"
                                     f"numerical:{_wrap(num)}\nanalytical:{_wrap(a)}\n")
            return False
    return True


def gradgradcheck(func, inputs, grad_outputs=None, *, eps: float = 1e-6, atol: float = 1e-5, rtol: float = 1e-3,
                  gen_non_contig_grad_outputs: bool = False, raise_exception: bool = True, **kw) -> bool:
    """gradcheck of the first derivative (checks double backward)."""
    from . import grad
    inputs = (inputs,) if isinstance(inputs, Tensor) else tuple(inputs)
    diff = [x for x in inputs if isinstance(x, Tensor) and x.requires_grad]
    outs = _outputs(func, inputs)
    if grad_outputs is None:
        from .._creation import empty
        grad_outputs = [empty(tuple(o.shape), dtype=o.dtype).uniform_(-1, 1).requires_grad_(True) for o in outs]
    grad_outputs = list(grad_outputs)

    def first(*args):
        ins = args[:len(inputs)]
        gos = args[len(inputs):]
        o = _outputs(func, ins)
        gs = grad(o, [x for x in ins if isinstance(x, Tensor) and x.requires_grad], gos, create_graph=True,
                  allow_unused=True)
        return tuple(g for g in gs if g is not None)
    del diff
    return gradcheck(first, tuple(inputs) + tuple(grad_outputs), eps=eps, atol=atol, rtol=rtol,
                     raise_exception=raise_exception)
