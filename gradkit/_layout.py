"""Memory formats and the strides torch gives the results of ``*_like`` and ``clone`` (``preserve_format``)."""
from __future__ import annotations

import numpy as np

__all__ = ["memory_format", "contiguous_format", "preserve_format", "channels_last", "channels_last_3d",
           "like_strides", "empty_like_np", "empty_strided_np"]


class memory_format:  # noqa: N801
    """How a new tensor's elements are laid out in memory (``torch.contiguous_format`` ...)."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"torch.{self.name}"

    __str__ = __repr__

    def __reduce__(self):
        return (_by_name, (self.name,))


contiguous_format = memory_format("contiguous_format")
preserve_format = memory_format("preserve_format")
channels_last = memory_format("channels_last")
channels_last_3d = memory_format("channels_last_3d")
_FORMATS = {f.name: f for f in (contiguous_format, preserve_format, channels_last, channels_last_3d)}


def _by_name(name: str) -> memory_format:
    return _FORMATS[name]


def _contiguous(shape) -> tuple:
    st, acc = [], 1
    for n in reversed(shape):
        st.append(acc)
        acc *= max(n, 1)
    return tuple(reversed(st))


def _dense(shape, strides) -> bool:
    """torch's ``is_non_overlapping_and_dense`` (size-1 dims are ignored)."""
    dims = sorted((s, n) for n, s in zip(shape, strides) if n != 1)
    acc = 1
    for s, n in dims:
        if s != acc:
            return False
        acc *= n
    return True


def _infer_dense(shape, strides) -> tuple:
    """Dense strides that keep the order of ``strides`` (zero strides keep their place), as torch infers them."""
    nd = len(shape)

    def swap(d0, d1):
        s0, s1 = strides[d0], strides[d1]
        if s0 == 0 or s1 == 0:
            return 0
        if s0 != s1:
            return -1 if s0 < s1 else 1
        return 1 if shape[d0] > shape[d1] else 0

    perm = list(range(nd - 1, -1, -1))
    for i in range(1, nd):
        d1 = i
        for j in range(1, i + 1):
            d0 = i - j
            c = swap(perm[d0], perm[d1])
            if c > 0:
                perm[d0], perm[d1] = perm[d1], perm[d0]
                d1 = d0
            elif c < 0:
                break
    out = [0] * nd
    cur = 1
    for idx in perm:
        out[idx] = cur
        if shape[idx] > 1:
            cur *= shape[idx]
    return tuple(out)


def _elem_strides(a: np.ndarray) -> tuple:
    it = a.itemsize
    return tuple(s // it for s in a.strides)


def like_strides(a: np.ndarray, fmt=None) -> tuple:
    """Element strides of ``torch.empty_like(a, memory_format=fmt)``."""
    shape = a.shape
    if fmt is None or fmt is preserve_format:
        st = _elem_strides(a)
        if _dense(shape, st) and all(s >= 0 for s in st):
            return st
        return _infer_dense(shape, st)
    if fmt is channels_last and a.ndim == 4:
        n, c, h, w = shape
        return (h * w * max(c, 1), 1, w * max(c, 1), max(c, 1))
    if fmt is channels_last_3d and a.ndim == 5:
        n, c, d, h, w = shape
        c1 = max(c, 1)
        return (d * h * w * c1, 1, h * w * c1, w * c1, c1)
    return _contiguous(shape)


def empty_strided_np(shape, strides, dtype) -> np.ndarray:
    """An uninitialised array of ``shape`` with the given element strides (dense, non-overlapping)."""
    shape = tuple(shape)
    dtype = np.dtype(dtype)
    if strides == _contiguous(shape):
        return np.empty(shape, dtype)
    span = 1 + sum((n - 1) * s for n, s in zip(shape, strides)) if 0 not in shape else 0
    buf = np.empty(max(span, 0), dtype)
    if 0 in shape:
        return np.empty(shape, dtype)
    return np.lib.stride_tricks.as_strided(buf, shape, tuple(s * dtype.itemsize for s in strides))


def empty_like_np(a: np.ndarray, dtype=None, fmt=None) -> np.ndarray:
    """An uninitialised array shaped like ``a`` in the layout torch's ``empty_like`` would pick."""
    dt = a.dtype if dtype is None else np.dtype(dtype)
    if fmt is contiguous_format or (a.ndim < 2 and fmt is None) or (a.flags.c_contiguous and fmt is None):
        return np.empty(a.shape, dt)
    return empty_strided_np(a.shape, like_strides(a, fmt), dt)
