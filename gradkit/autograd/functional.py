"""``torch.autograd.functional``: Jacobians, Hessians and vector products of functions, by reverse passes."""
from __future__ import annotations

from .. import _creation
from .._tensor import Tensor
from . import grad as _grad
from .grad_mode import enable_grad

__all__ = ["jacobian", "hessian", "vjp", "jvp", "hvp", "vhp"]


def _as_tuple(x):
    return (x, False) if isinstance(x, tuple) else ((x,), True)


def _prep(inputs, create_graph):
    return tuple(t.detach().requires_grad_(True) if not create_graph or not t.requires_grad else t
                 for t in inputs)


def _grad_safe(outputs, inputs, grad_outputs=None, create_graph=False):
    """``autograd.grad`` over the outputs that require grad (all None when none does)."""
    outs = outputs if isinstance(outputs, (tuple, list)) else (outputs,)
    gos = (grad_outputs if isinstance(grad_outputs, (tuple, list)) else (grad_outputs,)) if grad_outputs is not None \
        else (None,) * len(outs)
    pairs = [(o, g) for o, g in zip(outs, gos) if o.requires_grad]
    if not pairs:
        return (None,) * len(inputs)
    return _grad(tuple(o for o, _ in pairs), inputs, None if grad_outputs is None else tuple(g for _, g in pairs),
                 retain_graph=True, create_graph=create_graph, allow_unused=True)


_STRICT_NO_GRAD = ("Output {} of the user-provided function does not require gradients. The outputs must be computed "
                   "in a differentiable manner from the input when running in strict mode.")


def _check_v_none(v, ins) -> None:
    if v is None and (len(ins) != 1 or ins[0].numel() != 1):
        raise RuntimeError("The vector v can only be None if the input to the user-provided function is a single "
                           "Tensor with a single element.")


def _validate_v(vs, others, is_tuple: bool) -> None:
    if len(vs) != len(others):
        if is_tuple:
            raise RuntimeError(f"v is a tuple of invalid length: should be {len(others)} but got {len(vs)}.")
        raise RuntimeError("The given v should contain a single Tensor.")
    for k, (v, o) in enumerate(zip(vs, others)):
        if tuple(v.shape) != tuple(o.shape):
            prefix = f"Entry {k} in " if is_tuple else ""
            raise RuntimeError(f"{prefix}v has invalid size: should be {o.size()} but got {v.size()}.")


def _check_single(out, name: str) -> None:
    if isinstance(out, Tensor) and out.numel() != 1:
        raise RuntimeError(f"The Tensor returned by the function given to {name} should contain a single element")


def _grads(outputs, inputs, grad_outputs, create_graph):
    gs = _grad_safe(outputs, inputs, grad_outputs, create_graph)
    return tuple(_creation.zeros_like(i) if g is None else g for g, i in zip(gs, inputs))


def vjp(func, inputs, v=None, create_graph=False, strict=False):
    """(func(inputs), v^T J)."""
    ins, single = _as_tuple(inputs)
    with enable_grad():
        ins = _prep(ins, create_graph)
        out = func(*ins)
        outs, out_single = _as_tuple(out)
        if strict:
            for k, o in enumerate(outs):
                if not o.requires_grad:
                    raise RuntimeError(_STRICT_NO_GRAD.format(k))
        if v is None and (len(outs) != 1 or outs[0].numel() != 1):
            raise RuntimeError("The vector v can only be None if the user-provided function returns a single Tensor "
                               "with a single element.")
        vs = _as_tuple(v)[0] if v is not None else tuple(_creation.ones_like(o) for o in outs)
        if v is not None:
            _validate_v(vs, outs, not out_single)
        g = _grads(outs, ins, vs, create_graph)
    res_out = out if create_graph else (out.detach() if isinstance(out, Tensor) else tuple(o.detach() for o in out))
    g = g if create_graph else tuple(t.detach() for t in g)
    return res_out, (g[0] if single else g)


def jvp(func, inputs, v=None, create_graph=False, strict=False):
    """(func(inputs), J v), by the double-vjp trick."""
    ins, single = _as_tuple(inputs)
    _check_v_none(v, ins)
    if v is not None:
        _validate_v(_as_tuple(v)[0], ins, not single)
    with enable_grad():
        ins = _prep(ins, True)
        out = func(*ins)
        outs, out_single = _as_tuple(out)
        us = tuple(_creation.zeros_like(o).requires_grad_(True) for o in outs)
        gs = _grad_safe(outs, ins, us, create_graph=True)
        vs = _as_tuple(v)[0] if v is not None else tuple(_creation.ones_like(i) for i in ins)
        pairs = [(g, vv) for g, vv in zip(gs, vs) if g is not None]
        jv = _grad_safe(tuple(p[0] for p in pairs), us, tuple(p[1] for p in pairs), create_graph=create_graph) \
            if pairs else (None,) * len(us)
    jv = tuple(_creation.zeros_like(o) if j is None else (j if create_graph else j.detach()) for j, o in zip(jv, outs))
    res_out = tuple(o.detach() for o in outs) if not create_graph else outs
    return (res_out[0] if out_single else res_out), (jv[0] if out_single else jv)


def jacobian(func, inputs, create_graph=False, strict=False, vectorize=False, strategy="reverse-mode"):
    """The Jacobian of ``func`` at ``inputs``: shape out.shape + in.shape (tuples for tuple inputs/outputs)."""
    ins, single = _as_tuple(inputs)
    with enable_grad():
        ins = _prep(ins, create_graph)
        out = func(*ins)
        outs, out_single = _as_tuple(out)
        rows = []
        for oi, o in enumerate(outs):
            if strict and not o.requires_grad:
                raise RuntimeError(_STRICT_NO_GRAD.format(oi))
            flat = o.reshape(-1)
            per_in = [[] for _ in ins]
            used = [False] * len(ins)
            for k in range(flat.numel()):
                gs = _grad_safe(flat[k], ins, create_graph=create_graph)
                for j, (g, i) in enumerate(zip(gs, ins)):
                    used[j] = used[j] or g is not None
                    g = _creation.zeros_like(i) if g is None else g
                    per_in[j].append(g if create_graph else g.detach())
            if strict and flat.numel():
                for j, u in enumerate(used):
                    if not u:
                        raise RuntimeError(f"Output {oi} of the user-provided function is independent of input {j}. "
                                           "This is not allowed in strict mode.")
            from .ops import stack
            blocks = tuple((stack(p, 0) if p else _creation.zeros((0,) + tuple(i.shape))).reshape(
                tuple(o.shape) + tuple(i.shape)) for p, i in zip(per_in, ins))
            rows.append(blocks[0] if single else blocks)
    return rows[0] if out_single else tuple(rows)


def hessian(func, inputs, create_graph=False, strict=False, vectorize=False, outer_jacobian_strategy="reverse-mode"):
    """The Hessian of a scalar ``func`` at ``inputs``."""
    ins, single = _as_tuple(inputs)

    def grad_fn(*xs):
        with enable_grad():
            out = func(*xs)
            _check_single(out, "hessian")
            gs = _grad_safe(out, xs, create_graph=True)
        gs = tuple(_creation.zeros_like(x) if g is None else g for g, x in zip(gs, xs))
        return gs[0] if single else gs

    return jacobian(grad_fn, ins[0] if single else ins, create_graph=create_graph)


def vhp(func, inputs, v=None, create_graph=False, strict=False):
    """(func(inputs), v^T H)."""
    return _vhp(func, inputs, v, create_graph, "vhp")


def hvp(func, inputs, v=None, create_graph=False, strict=False):
    """(func(inputs), H v); the Hessian is symmetric for twice-differentiable functions, so this equals vhp."""
    return _vhp(func, inputs, v, create_graph, "hvp")


def _vhp(func, inputs, v, create_graph, name):
    ins, single = _as_tuple(inputs)
    _check_v_none(v, ins)
    if v is not None:
        _validate_v(_as_tuple(v)[0], ins, not single)
    with enable_grad():
        ins = _prep(ins, True)
        out = func(*ins)
        _check_single(out, name)
        gs = _grad_safe(out, ins, create_graph=True)
        vs = _as_tuple(v)[0] if v is not None else tuple(_creation.ones_like(i) for i in ins)
        pairs = [(g, vv) for g, vv in zip(gs, vs) if g is not None]
        h = _grad_safe(tuple(p[0] for p in pairs), ins, tuple(p[1] for p in pairs), create_graph=create_graph) \
            if pairs else (None,) * len(ins)
    h = tuple(_creation.zeros_like(i) if x is None else (x if create_graph else x.detach()) for x, i in zip(h, ins))
    return (out if create_graph else out.detach()), (h[0] if single else h)

