"""``torch.func``: function transforms (``grad``, ``vjp``, ``jvp``, ``jacrev``, ``jacfwd``, ``hessian``, ``vmap``,
``functional_call``).

They are built on gradkit's reverse-mode autograd: the gradient transforms differentiate a fresh graph (keeping
it when an enclosing transform or caller needs higher derivatives), and ``vmap`` runs the function once per
batch element and stacks the results."""
from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from ._tensor import Tensor
from .autograd import grad as _autograd_grad
from .autograd import ops as O
from .autograd.grad_mode import enable_grad
from .nn.utils.stateless import _functional_call

__all__ = ["grad", "grad_and_value", "vjp", "jvp", "jacrev", "jacfwd", "hessian", "vmap", "functional_call",
           "stack_module_state", "linearize"]


# --------------------------------------------------------------------------------------------- pytrees
def _flatten(tree) -> tuple[list, Any]:
    if isinstance(tree, Tensor):
        return [tree], None
    if isinstance(tree, (tuple, list)):
        leaves, specs = [], []
        for x in tree:
            lv, sp = _flatten(x)
            specs.append((len(lv), sp))
            leaves += lv
        return leaves, (type(tree), specs)
    if isinstance(tree, dict):
        leaves, specs = [], []
        for k, x in tree.items():
            lv, sp = _flatten(x)
            specs.append((k, len(lv), sp))
            leaves += lv
        return leaves, (dict, specs)
    return [], ("leaf", tree)


def _unflatten(leaves: list, spec):
    if spec is None:
        return leaves[0]
    kind, specs = spec
    if kind == "leaf":
        return specs
    if kind is dict:
        out, i = {}, 0
        for k, n, sp in specs:
            out[k] = _unflatten(leaves[i:i + n], sp)
            i += n
        return out
    out, i = [], 0
    for n, sp in specs:
        out.append(_unflatten(leaves[i:i + n], sp))
        i += n
    return kind(out) if kind in (tuple, list) else kind(*out)


def _track(t: Tensor) -> Tensor:
    """A tensor to differentiate with respect to: connected to ``t``'s graph when it has one."""
    if not t.is_floating_point():
        raise RuntimeError("only Tensors of floating point dtype can require gradients")
    return O.view_as(t, t) if t.requires_grad else t.detach().requires_grad_(True)


def _nums(argnums, n: int) -> tuple:
    nums = (argnums,) if isinstance(argnums, int) else tuple(argnums)
    for a in nums:
        if not isinstance(a, int):
            raise RuntimeError(f"argnums must be int or Tuple[int, ...], got: {type(a)}")
        if not -n <= a < n:
            raise RuntimeError(f"Got argnums={a}, but only {n} positional inputs")
    return tuple(a % n for a in nums)


def _prepare(args: tuple, argnums):
    nums = _nums(argnums, len(args))
    args = list(args)
    diff, specs, keep = [], [], False
    for i in nums:
        leaves, spec = _flatten(args[i])
        keep = keep or any(t.requires_grad for t in leaves)
        tracked = [_track(t) for t in leaves]
        args[i] = _unflatten(tracked, spec)
        diff.append(tracked)
        specs.append(spec)
    return args, diff, specs, keep


def _maybe_detach(tree, keep: bool):
    if keep:
        return tree
    leaves, spec = _flatten(tree)
    return _unflatten([t.detach() for t in leaves], spec) if leaves else tree


def _grads_of(out: Tensor, inputs: list) -> list:
    gs = _autograd_grad(out, inputs, create_graph=True, allow_unused=True) if inputs else ()
    return [O.zeros_like(t) if g is None else g for t, g in zip(inputs, gs)]


# --------------------------------------------------------------------------------------------- grad
def grad_and_value(func: Callable, argnums=0, has_aux: bool = False) -> Callable:
    """Like ``grad`` but also returns the function's value: ``(gradient, value)`` (``((g, (value, aux))``)."""
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        with enable_grad():
            args, diff, specs, keep = _prepare(args, argnums)
            out = func(*args, **kwargs)
            aux = None
            if has_aux:
                if not (isinstance(out, tuple) and len(out) == 2):
                    raise RuntimeError("grad_and_value(f)(*args): output of function f should be a tuple: (output, "
                                       "aux) if has_aux is True")
                out, aux = out
            if not isinstance(out, Tensor):
                raise RuntimeError(f"grad_and_value(f)(*args): Expected f(*args) to return a Tensor, got "
                                   f"{type(out)}")
            if out.dim() != 0:
                raise RuntimeError(f"grad_and_value(f)(*args): Expected f(*args) to return a scalar Tensor, got "
                                   f"tensor with {out.dim()} dims. Maybe you wanted to use the vjp or jacrev APIs "
                                   "instead?")
            flat = [t for group in diff for t in group]
            gs = _grads_of(out, flat)
        res, i = [], 0
        for group, spec in zip(diff, specs):
            res.append(_unflatten(gs[i:i + len(group)], spec))
            i += len(group)
        g = res[0] if isinstance(argnums, int) else tuple(res)
        g = _maybe_detach(g, keep)
        value = _maybe_detach(out, keep)
        if has_aux:
            return g, (value, _maybe_detach(aux, keep))
        return g, value
    return wrapper


def grad(func: Callable, argnums=0, has_aux: bool = False) -> Callable:
    """A function computing the gradient of the scalar ``func`` with respect to the arguments ``argnums``."""
    gv = grad_and_value(func, argnums, has_aux)

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        g, v = gv(*args, **kwargs)
        return (g, v[1]) if has_aux else g
    return wrapper


# --------------------------------------------------------------------------------------------- vjp / jvp
def vjp(func: Callable, *primals, has_aux: bool = False):
    """``(func(*primals), vjp_fn)``; ``vjp_fn(cotangents)`` returns one gradient per primal."""
    with enable_grad():
        args, diff, specs, keep = _prepare(primals, tuple(range(len(primals))))
        out = func(*args)
        aux = None
        if has_aux:
            out, aux = out
    out_leaves, out_spec = _flatten(out)

    def vjp_fn(cotangents, retain_graph: bool = True, create_graph: bool | None = None):
        ct_leaves, _ = _flatten(cotangents)
        if len(ct_leaves) != len(out_leaves):
            raise RuntimeError(f"Expected pytree structure of cotangents to be the same as pytree structure of "
                               f"outputs to the function. cotangents: {len(ct_leaves)} leaves, primal output: "
                               f"{len(out_leaves)} leaves")
        flat = [t for group in diff for t in group]
        with enable_grad():
            pairs = [(o, c) for o, c in zip(out_leaves, ct_leaves) if o.requires_grad]
            if pairs:
                gs = _autograd_grad([o for o, _ in pairs], flat, [c for _, c in pairs], retain_graph=True,
                                    create_graph=True, allow_unused=True)
            else:
                gs = [None] * len(flat)
        gs = [O.zeros_like(t) if g is None else g for t, g in zip(flat, gs)]
        res, i = [], 0
        for group, spec in zip(diff, specs):
            res.append(_maybe_detach(_unflatten(gs[i:i + len(group)], spec), keep))
            i += len(group)
        return tuple(res)

    out_r = _maybe_detach(out, keep)
    if has_aux:
        return out_r, vjp_fn, _maybe_detach(aux, keep)
    return out_r, vjp_fn


def jvp(func: Callable, primals, tangents, *, strict: bool = False, has_aux: bool = False):
    """``(func(*primals), J @ tangents)``: the forward-mode product, computed here with two reverse passes."""
    if not isinstance(primals, tuple) or not isinstance(tangents, tuple):
        raise RuntimeError("jvp(f, primals, tangents): Expected primals and tangents to be tuples")
    if len(primals) != len(tangents):
        raise RuntimeError("jvp(f, primals, tangents): Expected primals and tangents to have the same length")
    with enable_grad():
        args, diff, specs, keep = _prepare(primals, tuple(range(len(primals))))
        out = func(*args)
        aux = None
        if has_aux:
            out, aux = out
        outs, out_spec = _flatten(out)
        flat = [t for group in diff for t in group]
        tan = [t for tg in tangents for t in _flatten(tg)[0]]
        us = [O.zeros_like(o).requires_grad_(True) for o in outs]
        live = [(o, u) for o, u in zip(outs, us) if o.requires_grad]
        if live:
            gs = _autograd_grad([o for o, _ in live], flat, [u for _, u in live], create_graph=True,
                                allow_unused=True)
        else:
            gs = [None] * len(flat)
        pairs = [(g, t) for g, t in zip(gs, tan) if g is not None and g.requires_grad]
        if pairs:
            js = _autograd_grad([g for g, _ in pairs], us, [t for _, t in pairs], create_graph=True,
                                allow_unused=True)
        else:
            js = [None] * len(us)
        js = [O.zeros_like(o) if j is None else j for o, j in zip(outs, js)]
    res = (_maybe_detach(out, keep), _maybe_detach(_unflatten(js, out_spec), keep))
    return res + (_maybe_detach(aux, keep),) if has_aux else res


def linearize(func: Callable, *primals):
    """``(func(*primals), jvp_fn)``: ``jvp_fn(*tangents)`` gives the Jacobian-vector product at ``primals``."""
    out = jvp(func, primals, tuple(O.zeros_like(p) for p in primals))[0]

    def jvp_fn(*tangents):
        return jvp(func, primals, tangents)[1]

    return out, jvp_fn


# --------------------------------------------------------------------------------------------- jacobians
def jacrev(func: Callable, argnums=0, *, has_aux: bool = False, chunk_size=None) -> Callable:
    """A function computing the Jacobian of ``func`` with respect to ``argnums`` (shape ``out.shape +
    in.shape``), one reverse pass per output element."""
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        with enable_grad():
            args, diff, specs, keep = _prepare(args, argnums)
            out = func(*args, **kwargs)
            aux = None
            if has_aux:
                out, aux = out
            outs, out_spec = _flatten(out)
            flat = [t for group in diff for t in group]
            per_out = []
            for o in outs:
                rows = []
                of = o.reshape(-1)
                for k in range(of.shape[0]):
                    if o.requires_grad:
                        gs = _autograd_grad(of[k], flat, retain_graph=True, create_graph=True, allow_unused=True)
                    else:
                        gs = [None] * len(flat)
                    rows.append([O.zeros_like(t) if g is None else g for t, g in zip(flat, gs)])
                jac = []
                for j, t in enumerate(flat):
                    if rows:
                        jac.append(O.stack([r[j] for r in rows]).reshape(tuple(o.shape) + tuple(t.shape)))
                    else:
                        jac.append(O.zeros(tuple(o.shape) + tuple(t.shape), dtype=t.dtype))
                res, i = [], 0
                for group, spec in zip(diff, specs):
                    res.append(_unflatten(jac[i:i + len(group)], spec))
                    i += len(group)
                per_out.append(res[0] if isinstance(argnums, int) else tuple(res))
        result = _maybe_detach(_unflatten_outputs(per_out, out_spec), keep)
        return (result, _maybe_detach(aux, keep)) if has_aux else result
    return wrapper


def _unflatten_outputs(per_out: list, out_spec):
    if out_spec is None:
        return per_out[0]
    return _unflatten_struct(per_out, out_spec)


def _unflatten_struct(items: list, spec):
    kind, specs = spec
    if kind is dict:
        out, i = {}, 0
        for k, n, sp in specs:
            out[k] = items[i] if sp is None else _unflatten_struct(items[i:i + n], sp)
            i += n
        return out
    out, i = [], 0
    for n, sp in specs:
        out.append(items[i] if sp is None else _unflatten_struct(items[i:i + n], sp))
        i += n
    return kind(out)


def jacfwd(func: Callable, argnums=0, has_aux: bool = False, *, randomness: str = "error") -> Callable:
    """The Jacobian of ``func`` (same result as ``jacrev``; computed with reverse passes)."""
    return jacrev(func, argnums, has_aux=has_aux)


def hessian(func: Callable, argnums=0) -> Callable:
    """A function computing the Hessian of the scalar ``func`` with respect to ``argnums``."""
    return jacfwd(jacrev(func, argnums), argnums)


# --------------------------------------------------------------------------------------------- vmap
def _in_dims_for(in_dims, args: tuple) -> list:
    if isinstance(in_dims, int) or in_dims is None:
        return [in_dims] * len(args)
    if not isinstance(in_dims, (tuple, list)):
        raise ValueError(f"vmap(f, in_dims={in_dims}, ...)(<inputs>): expected `in_dims` to be int or a (potentially "
                         f"nested) tuple matching the structure of inputs, got: {type(in_dims)}.")
    if len(in_dims) != len(args):
        raise ValueError(f"vmap(f, in_dims={tuple(in_dims)}, ...)(<inputs>): in_dims is not compatible with the "
                         f"structure of `inputs`. in_dims has structure {len(in_dims)} but inputs has structure "
                         f"{len(args)}.")
    return list(in_dims)


def _batch_size(arg, d, sizes: list, where: str = "vmap(f, in_dims=0, ...)") -> None:
    if d is None:
        return
    if isinstance(arg, Tensor):
        dd = d + arg.dim() if d < 0 else d
        if not 0 <= dd < arg.dim():
            n = arg.dim()
            raise ValueError(f"{where}(<inputs>): Got in_dim={d} for some input, but that input is a Tensor of "
                             f"dimensionality {n} so expected in_dim to satisfy -{n} <= in_dim < {n}.")
        sizes.append(arg.shape[dd])
    elif isinstance(arg, (tuple, list)):
        ds = d if isinstance(d, (tuple, list)) else [d] * len(arg)
        for a, di in zip(arg, ds):
            _batch_size(a, di, sizes, where)
    elif isinstance(arg, dict):
        for k, a in arg.items():
            _batch_size(a, d[k] if isinstance(d, dict) else d, sizes, where)
    elif isinstance(d, int):
        raise ValueError(f"vmap(f, in_dims={d}, ...)(<inputs>): Got in_dim={d} for an input but the input is of "
                         f"type {type(arg)}. We cannot vmap over non-Tensor arguments, please use None as the "
                         "respective in_dim")


def _slice(arg, d, b: int):
    if d is None:
        return arg
    if isinstance(arg, Tensor):
        return arg.select(d, b)
    if isinstance(arg, (tuple, list)):
        ds = d if isinstance(d, (tuple, list)) else [d] * len(arg)
        return type(arg)(_slice(a, di, b) for a, di in zip(arg, ds))
    if isinstance(arg, dict):
        return {k: _slice(a, d[k] if isinstance(d, dict) else d, b) for k, a in arg.items()}
    return arg


def _stack_outputs(outs: list, out_dims):
    first = outs[0]
    if isinstance(first, Tensor):
        d = out_dims
        if d is None:
            return first
        return O.stack(outs, d if d >= 0 else d + first.dim() + 1)
    if isinstance(first, (tuple, list)):
        ods = out_dims if isinstance(out_dims, (tuple, list)) else [out_dims] * len(first)
        return type(first)(_stack_outputs([o[i] for o in outs], ods[i]) for i in range(len(first)))
    if isinstance(first, dict):
        return {k: _stack_outputs([o[k] for o in outs], out_dims[k] if isinstance(out_dims, dict) else out_dims)
                for k in first}
    raise ValueError(f"vmap: `{getattr(first, '__name__', first)}` must only return Tensors, got type "
                     f"{type(first)}. Did you mean to set out_dims= to None for output?")


def vmap(func: Callable, in_dims=0, out_dims=0, randomness: str = "error", *, chunk_size=None) -> Callable:
    """Vectorize ``func`` over dimension ``in_dims`` of its inputs, stacking results along ``out_dims``."""
    if randomness not in ("error", "different", "same"):
        raise RuntimeError(f"Only allowed values for randomness are 'error', 'different', or 'same'. Got "
                           f"{randomness}")

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        if not args:
            raise ValueError(f"vmap({getattr(func, '__name__', func)})(<inputs>): got no inputs. Maybe you forgot "
                             "to add inputs, or you are trying to vmap over a function with no inputs. The latter "
                             "is unsupported.")
        dims = _in_dims_for(in_dims, args)
        sizes: list = []
        where = f"vmap({getattr(func, '__name__', func)}, in_dims={in_dims}, ...)"
        for a, d in zip(args, dims):
            _batch_size(a, d, sizes, where)
        if not sizes:
            raise ValueError(f"vmap({getattr(func, '__name__', func)}, in_dims={in_dims}, ...)(<inputs>): at least "
                             "one input must be a Tensor batched along in_dims (got no batched inputs)")
        if len(set(sizes)) != 1:
            raise ValueError(f"vmap: Expected all tensors to have the same size in the mapped dimension, got sizes "
                             f"{sizes} for the mapped dimension")
        outs = [func(*[_slice(a, d, b) for a, d in zip(args, dims)], **kwargs) for b in range(sizes[0])]
        return _stack_outputs(outs, out_dims)
    return wrapper


def functional_call(module, parameter_and_buffer_dicts, args: Any = None, kwargs: dict | None = None, *,
                    tie_weights: bool = True, strict: bool = False):
    """``module(*args, **kwargs)`` computed with the given tensors (a dict, or a tuple of dicts, keyed by dotted
    names) in place of the module's own parameters and buffers; the module is unchanged afterwards."""
    d = parameter_and_buffer_dicts
    if isinstance(d, (list, tuple)):
        merged: dict = {}
        for part in d:
            for k in part:
                if k in merged:
                    raise ValueError(f"{k} appeared in multiple dictionaries; behavior of functional call is "
                                     "ambiguous")
            merged.update(part)
        d = merged
    return _functional_call(module, d, args, kwargs, tie_weights=tie_weights, strict=strict)


def stack_module_state(models) -> tuple[dict, dict]:
    """Stack the parameters and buffers of identically-shaped models: ``(params, buffers)`` dicts whose
    tensors have a leading model dimension (for ``vmap`` over ``functional_call``)."""
    models = list(models)
    if not models:
        raise RuntimeError("stack_module_state: Expected at least one model, got 0.")
    params = {n: O.stack([dict(m.named_parameters())[n] for m in models]).detach().requires_grad_(p.requires_grad)
              for n, p in models[0].named_parameters()}
    buffers = {n: O.stack([dict(m.named_buffers())[n] for m in models]) for n, _ in models[0].named_buffers()}
    return params, buffers
