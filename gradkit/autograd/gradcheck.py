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
    """Per output, the Jacobian block for input ``i`` by central differences: shape (numel_in, numel_out)."""
    x = inputs[i]
    flat = x._data.reshape(-1)
    cols = []
    for k in range(flat.size):
        orig = flat[k]
        flat[k] = orig + eps
        plus = [o._data.reshape(-1).astype(np.float64) for o in _outputs(fn, inputs)]
        flat[k] = orig - eps
        minus = [o._data.reshape(-1).astype(np.float64) for o in _outputs(fn, inputs)]
        flat[k] = orig
        cols.append([(p - m) / (2 * eps) for p, m in zip(plus, minus)])
    outs = _outputs(fn, inputs)
    return [np.array([c[j] for c in cols], dtype=o._data.dtype).reshape(flat.size, o._data.size)
            for j, o in enumerate(outs)]


def _analytical(o, inputs, diff_idx):
    """The Jacobian blocks of one differentiable output for each input in ``diff_idx``, by reverse passes."""
    from . import grad
    jac = [np.zeros((inputs[i]._data.size, o._data.size), inputs[i]._data.dtype) for i in diff_idx]
    for k in range(o._data.size):
        seed = np.zeros(o._data.size, o._data.dtype)
        seed[k] = 1
        gs = grad(o, [inputs[i] for i in diff_idx], _wrap(seed.reshape(o._data.shape)), retain_graph=True,
                  allow_unused=True)
        for j, g in enumerate(gs):
            if g is not None:
                jac[j][:, k] = g._data.reshape(-1)
    return jac


def _fail(msg: str, raise_exception: bool) -> bool:
    if raise_exception:
        raise GradcheckError(msg)
    return False


def gradcheck(func, inputs, *, eps: float = 1e-6, atol: float = 1e-5, rtol: float = 1e-3,
              raise_exception: bool = True, nondet_tol: float = 0.0, check_undefined_grad: bool = True,
              check_grad_dtypes: bool = False, check_batched_grad: bool = False,
              check_batched_forward_grad: bool = False, check_forward_ad: bool = False,
              check_backward_ad: bool = True, fast_mode: bool = False, masked=None) -> bool:
    """True when ``func``'s backward matches central finite differences on ``inputs`` (use float64)."""
    inputs = (inputs,) if isinstance(inputs, Tensor) else tuple(inputs)
    diff_idx = [i for i, x in enumerate(inputs) if isinstance(x, Tensor) and x.requires_grad]
    if not diff_idx:
        raise ValueError("gradcheck expects at least one input tensor to require gradient, but none of them have "
                         "requires_grad=True.")
    for i in diff_idx:
        if inputs[i]._data.dtype != np.float64:
            import warnings
            warnings.warn(f"Input #{i} requires gradient and is not a double precision floating point or complex. "
                          "This check will likely fail if all the inputs are not of double precision floating point "
                          "or complex. ",
                          UserWarning, stacklevel=2)
    outs = _outputs(func, inputs)
    numerical = [_numerical(func, inputs, i, eps) for i in diff_idx]
    diff_outs = [(j, o) for j, o in enumerate(outs) if o.requires_grad]
    if not diff_outs:
        if any(np.any(n != 0) for per_in in numerical for n in per_in):
            return _fail("Numerical gradient for function expected to be zero", raise_exception)
        return True
    for oi, (j, o) in enumerate(diff_outs):
        for k, a in enumerate(_analytical(o, inputs, diff_idx)):
            n = numerical[k][j]
            if not np.allclose(a, n, rtol=rtol, atol=atol):
                return _fail(f"Jacobian mismatch for output {oi} with respect to input {k},\n"
                             f"numerical:{_wrap(n)}\nanalytical:{_wrap(a)}\n", raise_exception)
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
