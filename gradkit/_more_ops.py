"""``index_reduce`` and ``renorm`` (with their in-place forms and autograd), as torch defines them."""
from __future__ import annotations

import builtins
import warnings

import numpy as np

from . import _dtype as D
from ._tensor import Tensor, _dim, _wrap
from .autograd import ops as O
from .autograd._core import GRAD, record
from .autograd.graph import Node

__all__ = ["index_reduce", "renorm"]

_REDUCES = ("prod", "mean", "amax", "amin")
_WARNED = [False]


def _scalar_name(dt: np.dtype) -> str:
    from ._tensor import _SCALAR_NAMES
    return _SCALAR_NAMES[D._BY_NP[dt].name]


def _check_index_reduce(a: np.ndarray, d: int, index: Tensor, source: Tensor, reduce: str) -> np.ndarray:
    if reduce not in _REDUCES:
        raise RuntimeError(f"index_reduce(): Expected reduce to be one of prod, mean, amax or amin but got {reduce}.")
    if not isinstance(index, Tensor) or not isinstance(source, Tensor):
        raise TypeError("index_reduce(): index and source must be tensors")
    idx = index._data
    if idx.ndim > 1:
        raise IndexError(f"index_reduce_(): Index is supposed to be a vector, but got dim: {idx.ndim} with type: "
                         f"{_scalar_name(idx.dtype)} and size: {list(idx.shape)}")
    if idx.dtype not in (np.int64, np.int32):
        raise RuntimeError(f"index_reduce_(): Expected dtype int32/int64 for index but got: {_scalar_name(idx.dtype)}")
    s = source._data
    if s.dtype != a.dtype:
        raise RuntimeError(f"index_reduce_(): self ({_scalar_name(a.dtype)}) and source ({_scalar_name(s.dtype)}) "
                           "must have the same scalar type")
    n = s.shape[d] if s.ndim else 1
    if idx.size != n:
        raise RuntimeError(f"index_reduce_(): Number of indices ({idx.size}) should be equal to source.size(dim): "
                           f"({n}), for dim: {d}")
    idx = idx.reshape(-1).astype(np.int64)
    size = a.shape[d] if a.ndim else 1
    if idx.size and (idx.min() < 0 or idx.max() >= size):
        raise IndexError("index out of range in self")
    return idx


def _index_reduce_np(a: np.ndarray, d: int, idx: np.ndarray, s: np.ndarray, reduce: str,
                     include_self: bool) -> np.ndarray:
    x = np.moveaxis(a.copy() if a.ndim else a.reshape(1).copy(), d, 0) if a.ndim else a.reshape(1).copy()
    src = np.moveaxis(s, d, 0) if s.ndim else s.reshape(1)
    hit = np.unique(idx)
    if reduce == "mean":
        cnt = np.zeros(x.shape[0], np.int64)
        np.add.at(cnt, idx, 1)
        if not include_self:
            x[hit] = 0
        else:
            cnt[hit] += 1
        np.add.at(x, idx, src)
        c = np.maximum(cnt, 1).reshape((-1,) + (1,) * (x.ndim - 1))
        if x.dtype.kind == "f":
            x[...] = x / c.astype(x.dtype)
        else:
            x[...] = np.floor_divide(x, c)
    else:
        if not include_self:
            if reduce == "prod":
                x[hit] = 1
            elif x.dtype.kind == "f":
                x[hit] = -np.inf if reduce == "amax" else np.inf
            elif x.dtype == np.bool_:
                x[hit] = reduce == "amin"
            else:
                info = np.iinfo(x.dtype)
                x[hit] = info.min if reduce == "amax" else info.max
        ufunc = {"prod": np.multiply, "amax": np.maximum, "amin": np.minimum}[reduce]
        ufunc.at(x, idx, src)
    out = np.moveaxis(x, 0, d) if a.ndim else x.reshape(())
    return np.ascontiguousarray(out)


class IndexReduceBackward0(Node):
    __slots__ = ("dim", "idx", "reduce", "include_self")

    def backward(self, g):
        x, src, res = self.saved()
        d, reduce = self.dim, self.reduce
        it = _wrap(self.idx)
        if reduce == "mean":
            n = np.zeros(x._data.shape[d] if x._data.ndim else 1, np.int64)
            np.add.at(n, self.idx, 1)
            if self.include_self:
                n = n + 1
            shape = [1] * _max_nd(x) if x._data.ndim else []
            if shape:
                shape[d] = -1
            cnt = np.maximum(n, 1).reshape(shape).astype(g._data.dtype)
            gs = g / _wrap(cnt)
            gsrc = O.index_select(gs, d, it)
        elif reduce in ("amax", "amin"):
            value = O.index_select(res, d, it)
            self_is = O.eq(x, res).to(g.dtype)
            src_is = O.eq(src, value).to(g.dtype)
            count = O.index_add(self_is, d, it, src_is)
            gd = g / count
            gs = self_is * gd
            gsrc = src_is * O.index_select(gd, d, it)
        else:
            gs, gsrc = _prod_grads(g, x, src, res, d, self.idx, self.include_self)
        if not self.include_self:
            gs = O.index_fill(gs, d, it, 0)
        na, ns = self.next
        return (gs if na is not None else None), (gsrc if ns is not None else None)


def _max_nd(x: Tensor) -> int:
    return builtins.max(x._data.ndim, 1)


def _prod_grads(g, x, src, res, d, idx, include_self):
    it = _wrap(idx)
    xa, sa = x._data, src._data
    masked_self = np.where(xa == 0, np.ones_like(xa), xa)
    msr = _index_reduce_np(masked_self, d, idx, sa, "prod", include_self)
    gs = g * _wrap(msr) / _wrap(masked_self)
    src_zero = sa == 0
    nz = O.index_add(_wrap(np.zeros(xa.shape, np.int64)), d, it, _wrap(src_zero.astype(np.int64)))._data
    nz_src = np.take(nz, idx, axis=d) if xa.ndim else nz
    single = src_zero & (nz_src == 1)
    masked_src = np.where(single, np.ones_like(sa), sa)
    msrc_res = _index_reduce_np(xa, d, idx, masked_src, "prod", include_self)
    a1 = O.index_select(g * _wrap(msrc_res), d, it)
    a2 = O.index_select(g * res, d, it) / _wrap(np.where(src_zero, np.ones_like(sa), sa))
    return gs, O.where(_wrap(single), a1, a2)


def index_reduce(input: Tensor, dim: int, index: Tensor, source: Tensor, reduce: str, *,
                 include_self: bool = True) -> Tensor:
    """Reduce (``prod``, ``mean``, ``amax`` or ``amin``) the slices of ``source`` into ``input`` at ``index``
    along ``dim``; with ``include_self=False`` the indexed slices of ``input`` do not take part."""
    if not _WARNED[0]:
        _WARNED[0] = True
        warnings.warn("index_reduce() is in beta and the API may change at any time.", UserWarning, stacklevel=2)
    a = input._data
    d = _dim(dim, builtins.max(a.ndim, 1))
    idx = _check_index_reduce(a, d, index, source, reduce)
    r = _wrap(_index_reduce_np(a, d, idx, source._data, reduce, include_self))
    if GRAD[0] and (input.requires_grad or source.requires_grad):
        n = IndexReduceBackward0()
        n.dim, n.idx, n.reduce, n.include_self = d, idx, reduce, include_self
        n.save(input, source, r)
        record(r, n, input, source)
    return r


class RenormBackward0(Node):
    """Names the composed renorm graph the way torch does; the gradient passes through unchanged."""

    __slots__ = ()

    def backward(self, g):
        return (g,)


def renorm(input: Tensor, p: float, dim: int, maxnorm: float) -> Tensor:
    """Each slice along ``dim`` whose ``p``-norm exceeds ``maxnorm`` is scaled down to norm ``maxnorm``."""
    a = input._data
    if a.ndim < 2:
        raise RuntimeError(f"renorm: input needs at least 2 dimensions, got {a.ndim} dimensions")
    p, maxnorm = float(p), float(maxnorm)
    if not p > 0:
        raise RuntimeError("renorm: non-positive-norm not supported")
    if maxnorm < 0:
        raise RuntimeError(f"renorm: expected maxnorm to be >= 0 but got {maxnorm:g}")
    d = _dim(dim, a.ndim)
    if a.dtype.kind != "f":
        raise RuntimeError("linalg.vector_norm: Expected a floating point or complex tensor as input. Got "
                           f"{_scalar_name(a.dtype)}")
    from .linalg import vector_norm
    dims = tuple(i for i in range(a.ndim) if i != d)
    if GRAD[0] and input.requires_grad:
        norm = vector_norm(input, p, dims, True)
        factor = O.where(norm > maxnorm, maxnorm / (norm + 1e-7), _wrap(np.ones((), a.dtype)))
        inner = input * factor
        r = _wrap(inner._data)
        return record(r, RenormBackward0(), inner)
    with_grad = GRAD[0]
    GRAD[0] = False
    try:
        norm = vector_norm(_wrap(a), p, dims, True)._data
    finally:
        GRAD[0] = with_grad
    one = a.dtype.type(1)
    factor = np.where(norm > a.dtype.type(maxnorm), a.dtype.type(maxnorm) / (norm + a.dtype.type(1e-7)), one)
    return _wrap((a * factor).astype(a.dtype, copy=False))


def _install() -> None:
    Tensor.index_reduce = index_reduce
    Tensor.index_reduce_ = O._inplace(index_reduce)
    Tensor.renorm = renorm
    Tensor.renorm_ = O._inplace(renorm)


_install()
