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


def _grads(outputs, inputs, grad_outputs, create_graph):
    gs = _grad(outputs, inputs, grad_outputs, retain_graph=True, create_graph=create_graph, allow_unused=True)
    return tuple(_creation.zeros_like(i) if g is None else g for g, i in zip(gs, inputs))


def vjp(func, inputs, v=None, create_graph=False, strict=False):
    """(func(inputs), v^T J)."""
    ins, single = _as_tuple(inputs)
    with enable_grad():
        ins = _prep(ins, create_graph)
        out = func(*ins)
        outs, out_single = _as_tuple(out)
        vs = _as_tuple(v)[0] if v is not None else tuple(_creation.ones_like(o) for o in outs)
        g = _grads(outs, ins, vs, create_graph)
    res_out = out if create_graph else (out.detach() if isinstance(out, Tensor) else tuple(o.detach() for o in out))
    g = g if create_graph else tuple(t.detach() for t in g)
    return res_out, (g[0] if single else g)


def jvp(func, inputs, v=None, create_graph=False, strict=False):
    """(func(inputs), J v), by the double-vjp trick."""
    ins, single = _as_tuple(inputs)
    with enable_grad():
        ins = _prep(ins, True)
        out = func(*ins)
        outs, out_single = _as_tuple(out)
        us = tuple(_creation.zeros_like(o).requires_grad_(True) for o in outs)
        gs = _grad(outs, ins, us, create_graph=True, allow_unused=True)
        vs = _as_tuple(v)[0] if v is not None else tuple(_creation.ones_like(i) for i in ins)
        pairs = [(g, vv) for g, vv in zip(gs, vs) if g is not None]
        jv = _grad(tuple(p[0] for p in pairs), us, tuple(p[1] for p in pairs), create_graph=create_graph,
                   allow_unused=True)
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
        for o in outs:
            flat = o.reshape(-1)
            per_in = [[] for _ in ins]
            for k in range(flat.numel()):
                gs = _grad(flat[k], ins, retain_graph=True, create_graph=create_graph, allow_unused=True)
                for j, (g, i) in enumerate(zip(gs, ins)):
                    g = _creation.zeros_like(i) if g is None else g
                    per_in[j].append(g if create_graph else g.detach())
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
            gs = _grad(out, xs, create_graph=True, allow_unused=True)
        gs = tuple(_creation.zeros_like(x) if g is None else g for g, x in zip(gs, xs))
        return gs[0] if single else gs

    return jacobian(grad_fn, ins[0] if single else ins, create_graph=create_graph)


def vhp(func, inputs, v=None, create_graph=False, strict=False):
    """(func(inputs), v^T H)."""
    ins, single = _as_tuple(inputs)
    with enable_grad():
        ins = _prep(ins, True)
        out = func(*ins)
        gs = _grad(out, ins, create_graph=True, allow_unused=True)
        vs = _as_tuple(v)[0]
        pairs = [(g, vv) for g, vv in zip(gs, vs) if g is not None]
        h = _grad(tuple(p[0] for p in pairs), ins, tuple(p[1] for p in pairs), create_graph=create_graph,
                  allow_unused=True)
    h = tuple(_creation.zeros_like(i) if x is None else (x if create_graph else x.detach()) for x, i in zip(h, ins))
    return (out if create_graph else out.detach()), (h[0] if single else h)


hvp = vhp  # the Hessian is symmetric for twice-differentiable functions
