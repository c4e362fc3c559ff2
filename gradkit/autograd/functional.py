"""``torch.autograd.functional``: Jacobians, Hessians and vector products of functions, by reverse passes."""
from __future__ import annotations

from .. import _creation
from .._tensor import Tensor
from . import grad as _grad
from .grad_mode import enable_grad

__all__ = ["jacobian", "hessian", "vjp", "jvp", "hvp", "vhp"]


def _as_tuple(x):
    return (x, False) if isinstance(x, tuple) else ((x,), True)


def _tupled(x, arg: str, fn: str):
    """``(tuple of tensors, single)``; torch's TypeError when an element is not a Tensor."""
    items, single = _as_tuple(x)
    for i, el in enumerate(items):
        if not isinstance(el, Tensor):
            where = f"given {arg}" if single else f"value at index {i}"
            raise TypeError(f"The {arg} given to {fn} must be either a Tensor or a tuple of Tensors but the {where} "
                            f"has type {type(el)}.")
    return items, single


def _prep(inputs, create_graph):
    return tuple(t.detach().requires_grad_(True) if not create_graph or not t.requires_grad else t
                 for t in inputs)


def _grad_safe(outputs, inputs, grad_outputs=None, create_graph=False):
    """``autograd.grad`` over the outputs that require grad (all None when none does)."""
    outs = outputs if isinstance(outputs, (tuple, list)) else (outputs,)
    gos = (grad_outputs if isinstance(grad_outputs, (tuple, list)) else (grad_outputs,)) if grad_outputs is not None \
        else (None,) * len(outs)
    pairs = [(o, g) for o, g in zip(outs, gos) if o is not None and o.requires_grad]
    if not pairs:
        return (None,) * len(inputs)
    return _grad(tuple(o for o, _ in pairs), inputs, None if grad_outputs is None else tuple(g for _, g in pairs),
                 retain_graph=True, create_graph=create_graph, allow_unused=True)


_STRICT_NO_GRAD = ("Output {} of the user-provided function does not require gradients. The outputs must be computed "
                   "in a differentiable manner from the input when running in strict mode.")


def _check_rg(items, kind: str, strict: bool) -> None:
    """torch's strict-mode checks that ``items`` (outputs, grads, Jacobians) depend on the inputs."""
    if not strict:
        return
    for i, t in enumerate(items):
        if t is None:
            raise RuntimeError(f"The output of the user-provided function is independent of input {i}. This is not "
                               "allowed in strict mode.")
        if t.requires_grad:
            continue
        if kind == "jacobian":
            raise RuntimeError(f"While computing the hessian, found that the jacobian of the user-provided function "
                               f"with respect to input {i} is independent of the input. This is not allowed in strict "
                               "mode. You should ensure that your function is twice differentiable and that the "
                               "jacobian depends on the inputs (this would be violated by a linear function for "
                               "example).")
        if kind == "grad_inputs":
            raise RuntimeError(f"The gradient with respect to input {i} is independent of the inputs of the "
                               "user-provided function. This is not allowed in strict mode.")
        raise RuntimeError(_STRICT_NO_GRAD.format(i))


_FILL_NONE = {
    "back": "The output of the user-provided function is independent of input {}. This is not allowed in strict mode.",
    "back_trick": "The gradient with respect to the input is independent of entry {} in the grad_outputs when using "
                  "the double backward trick to compute forward mode gradients. This is not allowed in strict mode.",
    "double_back": "The jacobian of the user-provided function is independent of input {}. This is not allowed in "
                   "strict mode.",
}


def _fill(grads, refs, strict: bool, create_graph: bool, stage: str):
    """Zeros for the None gradients (torch's errors for them, or for constant ones, in strict mode)."""
    res = []
    for i, (g, ref) in enumerate(zip(grads, refs)):
        if g is None:
            if strict:
                raise RuntimeError(_FILL_NONE[stage].format(i))
            g = _creation.zeros_like(ref)
        elif strict and create_graph and not g.requires_grad:
            what = "hessian" if "double" in stage else "jacobian"
            raise RuntimeError(f"The {what} of the user-provided function is independent of input {i}. This is not "
                               "allowed in strict mode when create_graph=True.")
        res.append(g if create_graph else g.detach())
    return tuple(res)


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


def _outs(out, create_graph):
    return out if create_graph else (out.detach() if isinstance(out, Tensor) else tuple(o.detach() for o in out))


def vjp(func, inputs, v=None, create_graph=False, strict=False):
    """(func(inputs), v^T J)."""
    ins, single = _tupled(inputs, "inputs", "vjp")
    with enable_grad():
        ins = _prep(ins, create_graph)
        out = func(*ins)
        outs, out_single = _tupled(out, "outputs of the user-provided function", "vjp")
        _check_rg(outs, "outputs", strict)
        if v is None:
            if len(outs) != 1 or outs[0].numel() != 1:
                raise RuntimeError("The vector v can only be None if the user-provided function returns a single "
                                   "Tensor with a single element.")
            vs = tuple(_creation.ones_like(o) for o in outs)
        else:
            vs = _tupled(v, "v", "vjp")[0]
            _validate_v(vs, outs, not out_single)
        g = _fill(_grad_safe(outs, ins, vs, create_graph), ins, strict, create_graph, "back")
    return _outs(out, create_graph), (g[0] if single else g)


def jvp(func, inputs, v=None, create_graph=False, strict=False):
    """(func(inputs), J v), by the double-vjp trick."""
    ins, single = _tupled(inputs, "inputs", "jvp")
    if v is None:
        _check_v_none(v, ins)
        vs = tuple(_creation.ones_like(i) for i in ins)
    else:
        vs = _tupled(v, "v", "jvp")[0]
        _validate_v(vs, ins, not single)
    with enable_grad():
        ins = _prep(ins, True)
        out = func(*ins)
        outs, out_single = _tupled(out, "outputs of the user-provided function", "jvp")
        _check_rg(outs, "outputs", strict)
        us = tuple(_creation.zeros_like(o).requires_grad_(True) for o in outs)
        gs = _grad_safe(outs, ins, us, create_graph=True)
        _check_rg(gs, "grad_inputs", strict)
        pairs = [(g, vv) for g, vv in zip(gs, vs) if g is not None]
        jv = _grad_safe(tuple(p[0] for p in pairs), us, tuple(p[1] for p in pairs), create_graph=create_graph) \
            if pairs else (None,) * len(us)
    jv = _fill(jv, outs, strict, create_graph, "back_trick")
    res_out = tuple(o.detach() for o in outs) if not create_graph else outs
    return (res_out[0] if out_single else res_out), (jv[0] if out_single else jv)


def jacobian(func, inputs, create_graph=False, strict=False, vectorize=False, strategy="reverse-mode"):
    """The Jacobian of ``func`` at ``inputs``: shape out.shape + in.shape (tuples for tuple inputs/outputs)."""
    if strategy not in ("forward-mode", "reverse-mode"):
        raise AssertionError('Expected strategy to be either "forward-mode" or "reverse-mode". Hint: If your function '
                             'has more outputs than inputs, "forward-mode" tends to be more performant. Otherwise, '
                             'prefer to use "reverse-mode".')
    if strategy == "forward-mode":
        if create_graph:
            raise NotImplementedError('torch.autograd.functional.jacobian: `create_graph=True` and `strategy="forward-'
                                      'mode"` are not supported together (yet). Please either set `create_graph=False` '
                                      'or `strategy="reverse-mode"`.')
        if strict:
            raise RuntimeError('torch.autograd.functional.jacobian: `strict=True` and `strategy="forward-mode"` are '
                               'not supported together (yet). Please either set `strict=False` or '
                               '`strategy="reverse-mode"`.')
        _tupled(inputs, "inputs", "jacobian")
        if not vectorize:
            raise NotImplementedError("Computing Jacobian using forward-AD or forward-over-reverse Hessian is"
                                      "only implemented for `vectorize=True`.")
    ins, single = _tupled(inputs, "inputs", "jacobian")
    with enable_grad():
        ins = _prep(ins, create_graph)
        out = func(*ins)
        outs, out_single = _tupled(out, "outputs of the user-provided function", "jacobian")
        _check_rg(outs, "outputs", strict)
        if vectorize and strict:
            raise RuntimeError("torch.autograd.functional.jacobian: `strict=True` and `vectorized=True` are not "
                               "supported together. Please either set `strict=False` or `vectorize=False`.")
        rows = []
        for oi, o in enumerate(outs):
            flat = o.reshape(-1)
            per_in = [[] for _ in ins]
            for k in range(flat.numel()):
                gs = _grad_safe(flat[k], ins, create_graph=create_graph)
                for j, (g, i) in enumerate(zip(gs, ins)):
                    if g is None:
                        if strict:
                            raise RuntimeError(f"Output {oi} of the user-provided function is independent of input "
                                               f"{j}. This is not allowed in strict mode.")
                        g = _creation.zeros_like(i)
                    elif strict and create_graph and not g.requires_grad:
                        raise RuntimeError(f"The jacobian of the user-provided function is independent of input {oi}. "
                                           "This is not allowed in strict mode when create_graph=True.")
                    per_in[j].append(g if create_graph else g.detach())
            from .ops import stack
            blocks = tuple((stack(p, 0) if p else _creation.zeros((0,) + tuple(i.shape))).reshape(
                tuple(o.shape) + tuple(i.shape)) for p, i in zip(per_in, ins))
            rows.append(blocks[0] if single else blocks)
    return rows[0] if out_single else tuple(rows)


def hessian(func, inputs, create_graph=False, strict=False, vectorize=False, outer_jacobian_strategy="reverse-mode"):
    """The Hessian of a scalar ``func`` at ``inputs``."""
    ins, single = _tupled(inputs, "inputs", "hessian")

    def grad_fn(*xs):
        with enable_grad():
            out = func(*xs)
            outs, out_single = _tupled(out, "outputs of the user-provided function", "hessian")
            _check_rg(outs, "outputs", strict)
            if not out_single:
                raise RuntimeError("The function given to hessian should return a single Tensor")
            _check_single(out, "hessian")
            gs = _grad_safe(out, xs, create_graph=True)
        gs = tuple(_creation.zeros_like(x) if g is None else g for g, x in zip(gs, xs))
        _check_rg(gs, "jacobian", strict)
        return gs[0] if single else gs

    return jacobian(grad_fn, ins[0] if single else ins, create_graph=create_graph, strict=strict)


def vhp(func, inputs, v=None, create_graph=False, strict=False):
    """(func(inputs), v^T H)."""
    return _vhp(func, inputs, v, create_graph, strict, "vhp")


def hvp(func, inputs, v=None, create_graph=False, strict=False):
    """(func(inputs), H v); the Hessian is symmetric for twice-differentiable functions, so this equals vhp."""
    return _vhp(func, inputs, v, create_graph, strict, "hvp")


def _vhp(func, inputs, v, create_graph, strict, name):
    ins, single = _tupled(inputs, "inputs", name)
    if v is None:
        _check_v_none(v, ins)
        vs = tuple(_creation.ones_like(i) for i in ins)
    else:
        vs = _tupled(v, "v", name)[0]
        _validate_v(vs, ins, not single)
    with enable_grad():
        ins = _prep(ins, True)
        out = func(*ins)
        outs, out_single = _tupled(out, "outputs of the user-provided function", name)
        _check_rg(outs, "outputs", strict)
        if not out_single:
            raise RuntimeError(f"The function given to {name} should return a single Tensor")
        _check_single(out, name)
        gs = _grad_safe(out, ins, create_graph=True)
        _check_rg(gs, "jacobian", strict)
        pairs = [(g, vv) for g, vv in zip(gs, vs) if g is not None]
        h = _grad_safe(tuple(p[0] for p in pairs), ins, tuple(p[1] for p in pairs), create_graph=create_graph) \
            if pairs else (None,) * len(ins)
    h = _fill(h, ins, strict, create_graph, "double_back")
    return (out if create_graph else out.detach()), (h[0] if single else h)
