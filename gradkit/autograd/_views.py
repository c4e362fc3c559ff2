"""In-place writes through views, as torch tracks them.

A view (``t._base`` is its root, the tensor that owns the memory) modified in place rewrites the
root's history: the root's ``grad_fn`` becomes a ``CopySlices`` node joining the root's previous
history with the in-place op's, and the view's ``grad_fn`` becomes an ``AsStridedBackward0`` that reads
its part of the root's gradient. Other live views of the same root (kept as weak references on the
root) are re-pointed the same way, as torch regenerates them. Positions are counted in elements of the
root's memory; a view's place in its root is found from the two arrays' data pointers and strides.
"""
from __future__ import annotations

import weakref

import numpy as np

from .._tensor import Tensor, _wrap
from ._core import GRAD, edge
from .graph import Node

__all__ = ["CopySlices", "AsStridedBackward0", "NO_GRAD", "MULTI0", "multi", "register", "nograd_view",
           "check_view", "rebase", "regenerate", "writable", "check_overlap", "as_strided", "version_msg"]

NO_GRAD = "no_grad"
_MULTI = "multi"
_ref = weakref.ref
_i64 = np.int64


def multi(k: int) -> tuple:
    """Creation mark of output ``k`` of an op that returns several views (split, chunk, unbind)."""
    return (_MULTI, k)


MULTI0 = multi(0)


class _Views(list):
    """Weak references to a root's views, compacted when it doubles."""

    __slots__ = ("cap",)


def register(root: Tensor, view: Tensor) -> None:
    """Remember ``view`` on ``root`` so an in-place write can re-point its history."""
    try:
        lst = root._views
    except AttributeError:
        lst = root._views = _Views()
        lst.cap = 32
    lst.append(_ref(view))
    if len(lst) >= lst.cap:
        lst[:] = [w for w in lst if w() is not None]
        lst.cap = max(32, 2 * len(lst))


class _Sink(Node):
    """Edge of a view made under no_grad of a tensor that requires grad: gradients stop here."""

    __slots__ = ()

    def __init__(self) -> None:
        super().__init__()
        self.next = ()

    def backward(self, g):
        return ()


_SINK = _Sink()


def nograd_view(view: Tensor, root: Tensor) -> None:
    """A view made with grad mode off of a root that requires grad requires grad too, but gets no gradient."""
    view._requires_grad = True
    view._accum = _SINK
    if root.grad_fn is not None:
        register(root, view)


# ---- error messages ----------------------------------------------------------------------------
def _short(node) -> str:
    n = type(node).__name__
    i = n.rfind("Backward")
    return n[:i] if i > 0 else n


def _rebase_msg(t: Tensor, meta, indirect: bool) -> str:
    fn = t.grad_fn
    obj = "its base or another view of its base has been" if indirect else "is being"
    nr = meta[1] if isinstance(meta, tuple) else 0
    if meta == NO_GRAD or fn is None:
        prefix = f"Output {nr} of {_short(fn)} is a view of a view which was created in" if fn is not None \
            else "A view was created in"
        msg = f"{prefix} no_grad mode and {obj} modified inplace with grad mode enabled."
    else:
        msg = f"Output {nr} of {_short(fn)} is a view and {obj} modified inplace."
    if meta == NO_GRAD:
        return msg + (" Given that this use case is ambiguous and error-prone, it is forbidden. You can clarify "
                      "your code by moving both the view and the inplace either both inside the no_grad block (if "
                      "you don't want the inplace to be tracked) or both outside (if you want the inplace to be "
                      "tracked).")
    return msg + (" This view is the output of a function that returns multiple views. Such functions do not "
                  "allow the output views to be modified inplace. You should replace the inplace operation by an "
                  "out-of-place one.")


def check_view(t: Tensor) -> None:
    """torch's checks before recording an in-place op on the view ``t``."""
    meta = getattr(t, "_vmeta", None)
    if meta is not None:
        raise RuntimeError(_rebase_msg(t, meta, False))
    if t.requires_grad and t._base.grad_fn is None:
        raise RuntimeError("a view of a leaf Variable that requires grad is being used in an in-place operation.")


class _RebasedView(Node):
    """History of a view made under no_grad or by a multi-view op whose root was later modified in place."""

    __slots__ = ("msg",)

    def backward(self, g):
        raise RuntimeError(self.msg)


# ---- geometry ------------------------------------------------------------------------------------
def _ptr(a: np.ndarray) -> int:
    return a.__array_interface__["data"][0]


def _geom(a: np.ndarray, ref: int) -> tuple:
    """(shape, strides in elements, offset in elements from the address ``ref``)."""
    it = a.itemsize
    return a.shape, tuple(s // it for s in a.strides), (_ptr(a) - ref) // it


def _positions(shape, strides, off) -> np.ndarray:
    p = np.array(off, dtype=_i64)
    for n, s in zip(shape, strides):
        p = p[..., None] + np.arange(n, dtype=_i64) * s
    return p


def _contig(shape, strides) -> bool:
    acc = 1
    for n, s in zip(reversed(shape), reversed(strides)):
        if n != 1 and s != acc:
            return False
        acc *= n
    return True


def _maybe_overlap(shape, strides) -> bool:
    """False when no two elements of the geometry can share a memory location."""
    dims = sorted((abs(s), n) for n, s in zip(shape, strides) if n > 1)
    extent = 1
    for s, n in dims:
        if s < extent:
            return True
        extent = s * (n - 1) + extent
    return False


def _index_map(rgeo, vgeo) -> np.ndarray:
    """For each element of the view geometry, its flat (C-order) index in the root geometry."""
    vpos = _positions(*vgeo)
    if _contig(rgeo[0], rgeo[1]):
        return vpos - rgeo[2] if rgeo[2] else vpos
    rpos = _positions(*rgeo).reshape(-1)
    lo = int(min(rpos.min(initial=0), vpos.min(initial=0)))
    hi = int(max(rpos.max(initial=0), vpos.max(initial=0)))
    inv = np.full(hi - lo + 1, -1, dtype=_i64)
    inv[rpos - lo] = np.arange(rpos.size, dtype=_i64)
    idx = inv[vpos - lo]
    if idx.size and idx.min() < 0:
        raise RuntimeError("in-place write through a view that reaches outside its base's elements is not supported")
    return idx


# ---- differentiable gather / scatter over flat indices ------------------------------------------
def _gather(g: Tensor, idx: np.ndarray) -> Tensor:
    """``g.flatten()[idx]``."""
    if GRAD[0] and g.requires_grad:
        from . import ops as O
        return O.getitem(O.reshape(g, -1), _wrap(idx))
    return _wrap(g._data.reshape(-1)[idx])


def _scatter(g: Tensor, idx: np.ndarray, n: int, unique: bool) -> Tensor:
    """A flat zero tensor of ``n`` elements with ``g`` added at ``idx``."""
    if GRAD[0] and g.requires_grad:
        from . import ops as O
        z = _wrap(np.zeros(n, dtype=g._data.dtype))
        return O.index_put(z, (_wrap(idx.reshape(-1)),), O.reshape(g, -1), accumulate=True)
    z = np.zeros(n, dtype=g._data.dtype)
    if unique:
        z[idx] = g._data
    else:
        np.add.at(z, idx, g._data)
    return _wrap(z)


def _zero_at(g: Tensor, idx: np.ndarray) -> Tensor:
    """``g`` with the elements at flat ``idx`` set to zero."""
    if GRAD[0] and g.requires_grad:
        from . import ops as O
        z = _wrap(np.zeros((), dtype=g._data.dtype))
        return O.reshape(O.index_put(O.reshape(g, -1), (_wrap(idx.reshape(-1)),), z), g._data.shape)
    a = g._data.copy()
    a.reshape(-1)[idx] = 0
    return _wrap(a)


class CopySlices(Node):
    """Root history after an in-place write through a view: (root before, the write's result)."""

    __slots__ = ("rgeo", "vgeo", "rdt")

    def backward(self, g):
        nb, nr = self.next
        idx = _index_map(self.rgeo, self.vgeo)
        gb = _zero_at(g, idx) if nb is not None else None
        gr = None
        if nr is not None:
            gr = _gather(g, idx)
            if gr._data.dtype != self.rdt:
                from .. import _dtype as D
                gr = gr.to(D._BY_NP[self.rdt])
        return gb, gr

    def name(self) -> str:
        return "torch::autograd::CopySlices"


class AsStridedBackward0(Node):
    """Gradient of a strided view of memory, scattered back onto the input's elements."""

    __slots__ = ("igeo", "ogeo", "ishape")

    def backward(self, g):
        igeo, ogeo = self.igeo, self.ogeo
        if _contig(igeo[0], igeo[1]):
            n = 1
            for s in self.ishape:
                n *= s
            idx = _positions(*ogeo) - igeo[2]
            if (idx.size and (idx.min() < 0 or idx.max() >= n)):
                return (self._general(g),)
            r = _scatter(g, idx, n, not _maybe_overlap(ogeo[0], ogeo[1]))
            return (r.reshape(self.ishape) if GRAD[0] else _wrap(r._data.reshape(self.ishape)),)
        return (self._general(g),)

    def _general(self, g):
        igeo, ogeo = self.igeo, self.ogeo
        ipos = _positions(*igeo)
        opos = _positions(*ogeo)
        lo = int(min(ipos.min(initial=0), opos.min(initial=0)))
        hi = int(max(ipos.max(initial=0), opos.max(initial=0)))
        buf = _scatter(g, opos - lo, hi - lo + 1, not _maybe_overlap(ogeo[0], ogeo[1]))
        if _maybe_overlap(igeo[0], igeo[1]):
            cnt = np.bincount((ipos - lo).reshape(-1), minlength=hi - lo + 1).astype(g._data.dtype)
            cnt[cnt == 0] = 1
            buf = buf / _wrap(cnt)
        r = _gather(buf, ipos - lo)
        return r


def _view_node(root: Tensor, view: Tensor, ref: int, rgeo) -> Node:
    n = AsStridedBackward0()
    n.next = (root.grad_fn,)
    n.igeo = rgeo
    n.ogeo = _geom(view._data, ref)
    n.ishape = root._data.shape
    return n


def regenerate(root: Tensor, skip: Tensor | None = None) -> None:
    """Re-point every live registered view of ``root`` (other than ``skip``) at the root's new history."""
    lst = getattr(root, "_views", None)
    if not lst:
        return
    ref = _ptr(root._data)
    rgeo = _geom(root._data, ref)
    live = []
    for w in lst:
        v = w()
        if v is None:
            continue
        live.append(w)
        if v is skip:
            continue
        meta = getattr(v, "_vmeta", None)
        if meta is not None:
            n = _RebasedView()
            n.next = ()
            n.msg = _rebase_msg(v, meta, True)
        else:
            n = _view_node(root, v, ref, rgeo)
        n._prev = v.grad_fn
        v.grad_fn = n
        v._requires_grad = True
        v._accum = None
    lst[:] = live


def rebase(t: Tensor, r: Tensor) -> None:
    """After writing ``r`` (which has a ``grad_fn``) into the view ``t``: CopySlices on the root."""
    root = t._base
    ref = _ptr(root._data)
    rgeo = _geom(root._data, ref)
    node = CopySlices()
    node.next = (edge(root), r.grad_fn)
    node.rgeo = rgeo
    node.vgeo = _geom(t._data, ref)
    node.rdt = r._data.dtype
    node._prev = root.grad_fn
    root.grad_fn = node
    root._requires_grad = True
    root._accum = None
    vn = _view_node(root, t, ref, rgeo)
    vn._prev = t.grad_fn
    t.grad_fn = vn
    t._requires_grad = True
    t._accum = None
    regenerate(root, t)


# ---- writing into memory NumPy marks read-only --------------------------------------------------
class _Iface:
    __slots__ = ("__array_interface__", "base")


def _owner(a: np.ndarray) -> np.ndarray:
    """The array that owns ``a``'s memory (through NumPy's and ``as_strided``'s base chains)."""
    while True:
        b = a.base
        if not isinstance(b, np.ndarray):
            b = getattr(b, "base", None)
            if not isinstance(b, np.ndarray):
                return a
        a = b


def check_overlap(a: np.ndarray) -> None:
    """torch's error for writing into memory that several elements share (an expanded tensor)."""
    if any(s == 0 and n > 1 for n, s in zip(a.shape, a.strides)):
        raise RuntimeError("unsupported operation: more than one element of the written-to tensor refers to a "
                           "single memory location. Please clone() the tensor before performing the operation.")


def writable(t: Tensor, allow_overlap: bool = False) -> np.ndarray:
    """A writable alias of ``t``'s array (NumPy marks broadcast and diagonal views read-only).

    Raises torch's error when several elements of ``t`` share one memory location, unless ``allow_overlap``
    (filling with one value)."""
    a = t._data
    if a.flags.writeable:
        return a
    if not allow_overlap:
        check_overlap(a)
    if not _owner(a).flags.writeable:
        raise ValueError("assignment destination is read-only")
    return _force_writable(a)


def _force_writable(a: np.ndarray) -> np.ndarray:
    i = dict(a.__array_interface__)
    i["data"] = (i["data"][0], False)
    o = _Iface()
    o.__array_interface__ = i
    o.base = a
    return np.asarray(o)


# ---- as_strided -----------------------------------------------------------------------------------
def _storage(a: np.ndarray):
    """(the owner array of ``a``'s memory as a flat 1-D array, or None when it is not dense)."""
    o = _owner(a)
    if o.flags.c_contiguous or o.flags.f_contiguous:
        return o.reshape(-1, order="C" if o.flags.c_contiguous else "F")
    if not _maybe_overlap(o.shape, o.strides) and all(s > 0 for s in o.strides):
        extent = o.itemsize
        for n, s in zip(o.shape, o.strides):
            extent += (n - 1) * s
        if extent == o.nbytes:
            return np.lib.stride_tricks.as_strided(o, (o.size,), (o.itemsize,))
    return None


def as_strided(input: Tensor, size, stride, storage_offset=None) -> Tensor:  # noqa: A002
    """A view of ``input``'s memory with the given sizes, strides (in elements) and storage offset."""
    from . import ops as O
    size = tuple(int(s) for s in size)
    stride = tuple(int(s) for s in stride)
    a = input._data
    if len(size) != len(stride):
        raise RuntimeError("mismatch in length of strides and shape")
    if any(s < 0 for s in stride):
        raise RuntimeError(f"as_strided: Negative strides are not supported at the moment, got strides: "
                           f"{list(stride)}")
    if any(s < 0 for s in size):
        raise RuntimeError(f"Trying to create tensor with negative dimension {min(size)}: {list(size)}")
    flat = _storage(a)
    if flat is None:
        flat = np.ascontiguousarray(a).reshape(-1)
    it = a.itemsize
    base_off = (_ptr(a) - _ptr(flat)) // it if a.size else 0
    off = base_off if storage_offset is None else int(storage_offset)
    if off < 0:
        raise RuntimeError(f"Tensor: invalid storage offset {off}")
    need = 0 if 0 in size else off + 1 + sum((n - 1) * s for n, s in zip(size, stride))
    if need > flat.size:
        raise RuntimeError(f"setStorage: sizes {list(size)}, strides {list(stride)}, storage offset {off}, and "
                           f"itemsize {it} requiring a storage size of {need * it} are out of bounds for storage "
                           f"of size {flat.size * it}")
    if 0 in size:
        ra = np.empty(size, dtype=a.dtype)
    else:
        ra = np.lib.stride_tricks.as_strided(flat[off:], size, tuple(s * it for s in stride))
    r = O._view_of(ra, input)
    if GRAD[0] and input.requires_grad:
        ref = _ptr(flat)
        n = AsStridedBackward0()
        n.igeo = _geom(a, ref) if a.size else (a.shape, tuple(s // it for s in a.strides), base_off)
        n.ogeo = (size, stride, off)
        n.ishape = a.shape
        from ._core import record
        record(r, n, input)
    return r


def version_msg(node: Node, t: Tensor, v: int) -> str:
    """torch's error for a saved tensor modified in place since ``node`` saved it at version ``v``."""
    fn = cur = t.grad_fn
    while cur is not None and cur is not node:
        cur = cur.__dict__.get("_prev") if hasattr(cur, "__dict__") else None
    if cur is node:
        fn = node
    where = ""
    if fn is not None:
        name = fn.name()
        i = name.rfind("Backward")
        if i > 0 and name[i + 8:].isdigit():
            name = name[:i] + (name[i + 8:] if name[i + 8:] != "0" else "")
        where = f", which is output 0 of {name},"
    return ("one of the variables needed for gradient computation has been modified by an inplace operation: "
            f"[{t.type()} [{', '.join(map(str, t._data.shape))}]]{where} is at version {t._vc[0]}; expected "
            f"version {v} instead. Hint: enable anomaly detection to find the operation that failed to compute its "
            "gradient, with torch.autograd.set_detect_anomaly(True, check_nan=False).")
