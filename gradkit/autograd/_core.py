"""What every op needs: graph edges, recording, dtype promotion and the one unbroadcast helper."""
from __future__ import annotations

import builtins
import sys

import numpy as np

from .. import _dtype as D
from .._tensor import Tensor, _wrap
from .grad_mode import GRAD
from .graph import AccumulateGrad, Node

__all__ = ["GRAD", "Node", "Tensor", "_wrap", "edge", "record", "needs", "rtype", "prep", "unb", "fl",
           "as_t", "scalar", "grad_home", "set_grad_home", "home_free", "fresh"]

_FLOAT, _INT, _BOOL = D.FLOAT, D.INT, D.BOOL
_ndarray = np.ndarray
_isinstance = builtins.isinstance
_np_number = (np.number, np.bool_)


# Ids of gradient tensors created by a backward formula for exactly one consumer during the current
# backward pass; a leaf may adopt such a tensor as its ``.grad`` instead of copying it.
FRESH: set = set()


def fresh(arr) -> Tensor:
    """Wrap a newly computed gradient array that nothing else references."""
    t = _wrap(arr)
    FRESH.add(id(t))
    return t


_getrefcount = sys.getrefcount


def _home_refs(node) -> tuple[int, int]:
    """References to ``node.home`` and to the buffer it views, counted the same way every time."""
    h = node.home
    return _getrefcount(h), _getrefcount(h.base)


class _Probe:
    __slots__ = ("home",)


def _transient_refs() -> tuple[int, int]:
    """How many references :func:`_home_refs` itself adds to the home and to its buffer (interpreter-dependent),
    measured once."""
    buf = np.empty(2)
    probe = _Probe()
    probe.home = buf[:1]
    a, b = _home_refs(probe)
    return a - 1, b - 2


_TRANSIENT, _TRANSIENT_BASE = _transient_refs()


def set_grad_home(t: Tensor, home, owner_refs: int = 1, base_refs: int = 1) -> None:
    """Let backward write the gradient of leaf ``t`` straight into ``home``, a view of an optimizer's flat
    gradient buffer; the owner keeps ``owner_refs`` references to ``home`` and ``base_refs`` to the buffer
    (its own plus its views). See :func:`grad_home`."""
    node = edge(t)
    if node.__class__ is AccumulateGrad:
        node.home = home
        node.home_refs = (owner_refs + 1 + _TRANSIENT, base_refs + _TRANSIENT_BASE)


def home_free(node) -> bool:
    """True when nothing but its owner references the leaf's home or any view of its buffer: no gradient
    tensor built on it earlier is still alive, so it may be overwritten."""
    if node.home is None:
        return False
    a, b = _home_refs(node)
    ia, ib = node.home_refs
    return a <= ia and b <= ib


def grad_home(nxt, shape: tuple):
    """The array of ``shape`` a backward formula may write the gradient for edge ``nxt`` into, or None:
    the home of a leaf with no ``.grad`` yet and no hooks, when :func:`home_free`."""
    if nxt.__class__ is AccumulateGrad and nxt.home is not None and nxt.home.shape == shape:
        v = nxt.variable
        if v._grad is None and not v._hooks and home_free(nxt):
            return nxt.home
    return None


def edge(t: Tensor):
    """The node a gradient for ``t`` flows to: its ``grad_fn``, or its (cached) accumulator."""
    fn = t.grad_fn
    if fn is not None:
        return fn
    if t._requires_grad:
        a = t._accum
        if a is None:
            a = t._accum = AccumulateGrad(t)
        return a
    return None


def needs(*ts) -> bool:
    """True when grad mode is on and any of the tensors requires grad."""
    if not GRAD[0]:
        return False
    for t in ts:
        if _isinstance(t, Tensor) and t._requires_grad:
            return True
    return False


def record(out: Tensor, node: Node, *inputs) -> Tensor:
    """Make ``node`` the ``grad_fn`` of ``out`` with one edge per input (None for non-tensors)."""
    node.next = tuple(edge(t) if _isinstance(t, Tensor) else None for t in inputs)
    out._requires_grad = True
    out.grad_fn = node
    return out


def scalar(x):
    """A NumPy scalar becomes the Python number torch would see."""
    if _isinstance(x, _np_number):
        return x.item()
    return x


def _combine(higher, lower):
    if higher is None:
        return lower
    if lower is None:
        return higher
    if higher.cat == _FLOAT:
        return higher
    if higher.cat == _BOOL or lower.cat == _FLOAT:
        return D.promote_types(higher, lower)
    return higher


def rtype(*xs) -> D.dtype:
    """torch's result type: dimensioned tensors, then 0-d tensors, then Python numbers, by category."""
    tiers = [None, None, None]
    for x in xs:
        if _isinstance(x, Tensor):
            dt = D._BY_NP[x._data.dtype]
            k = 0 if x._data.ndim else 1
        elif x is None:
            continue
        else:
            dt = D.default_for_cat(D.scalar_cat(x))
            k = 2
        cur = tiers[k]
        tiers[k] = dt if cur is None else D.promote_types(cur, dt)
    return _combine(tiers[0], _combine(tiers[1], tiers[2]))


def prep(a, b):
    """The NumPy operands for a binary op on ``a`` and ``b`` (tensor or number), already promoted.

    Returns ``(x, y, np_dtype)``; Python numbers stay Python numbers (NumPy treats them as weak).
    """
    if _isinstance(b, Tensor):
        if _isinstance(a, Tensor):
            x, y = a._data, b._data
            if x.dtype is y.dtype or x.dtype == y.dtype:
                return x, y, x.dtype
            nd = rtype(a, b).np
            return (x if x.dtype == nd else x.astype(nd)), (y if y.dtype == nd else y.astype(nd)), nd
        x, y, t = scalar(a), b._data, b
    else:
        x, y, t = a._data, scalar(b), a
    if not _isinstance(x if y is t._data else y, (int, float, builtins.bool)):
        raise TypeError(f"unsupported operand type(s): '{type(a).__name__}' and '{type(b).__name__}'")
    arr = t._data
    kind = arr.dtype.kind
    s = y if x is arr else x
    if kind == "f" or (kind in "iu" and type(s) is not float) or (kind == "b" and type(s) is builtins.bool):
        return x, y, arr.dtype
    nd = rtype(a, b).np
    conv = arr.astype(nd)
    return (conv, y, nd) if x is arr else (x, conv, nd)


def fl(x: Tensor) -> np.ndarray:
    """``x``'s array, converted to the default float dtype when it is integral or boolean."""
    a = x._data
    if a.dtype.kind == "f":
        return a
    return a.astype(D._default[0].np)


def unb(g: Tensor, shape: tuple, dtype=None) -> Tensor:
    """Undo broadcasting: sum ``g`` down to ``shape`` (and cast to ``dtype``)."""
    a = g._data
    gs = a.shape
    if gs == shape and (dtype is None or a.dtype == dtype):
        return g
    if not GRAD[0]:
        if gs != shape:
            lead = len(gs) - len(shape)
            axes = tuple(range(lead)) + tuple(i + lead for i, s in enumerate(shape) if s == 1 and gs[i + lead] != 1)
            if axes:
                a = a.sum(axis=axes)
            a = a.reshape(shape)
        if dtype is not None and a.dtype != dtype:
            a = a.astype(dtype)
        return _wrap(a)
    if gs != shape:
        lead = len(gs) - len(shape)
        axes = tuple(range(lead)) + tuple(i + lead for i, s in enumerate(shape) if s == 1 and gs[i + lead] != 1)
        if axes:
            g = g.sum(axes, keepdim=True)
        if g._data.shape != shape:
            g = g.reshape(shape)
    if dtype is not None and g._data.dtype != dtype:
        g = g.to(D._BY_NP[dtype])
    return g


def as_t(x, like: Tensor | None = None) -> Tensor:
    """A Python number or array as a tensor (dtype from torch's rules, or ``like``'s dtype)."""
    if _isinstance(x, Tensor):
        return x
    if like is not None:
        return _wrap(np.asarray(x, dtype=like._data.dtype))
    dt = D.default_for_cat(D.scalar_cat(scalar(x))) if np.ndim(x) == 0 else None
    return _wrap(np.asarray(x, dtype=dt.np if dt is not None else None))
