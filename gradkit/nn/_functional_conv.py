"""Convolution, pooling, resampling and patch functions of ``torch.nn.functional``.

Everything is vectorised with NumPy: sliding windows are strided views, convolutions are one BLAS matmul per
group (im2col), and scatter-style adjoints (col2im) loop only over kernel offsets. Each primitive is an
``autograd.Function`` whose backward is written with other such Functions, so higher derivatives work.
"""
from __future__ import annotations

import functools
import math
import threading
import warnings
from collections.abc import Sequence
from itertools import product

import numpy as np

from .._blas import threads_for
from .._tensor import Tensor, _wrap
from ..autograd.function import Function

__all__ = [
    "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d", "conv_transpose3d",
    "max_pool1d", "max_pool2d", "max_pool3d", "max_pool1d_with_indices", "max_pool2d_with_indices",
    "max_pool3d_with_indices", "avg_pool1d", "avg_pool2d", "avg_pool3d",
    "adaptive_avg_pool1d", "adaptive_avg_pool2d", "adaptive_avg_pool3d",
    "adaptive_max_pool1d", "adaptive_max_pool2d", "adaptive_max_pool3d",
    "adaptive_max_pool1d_with_indices", "adaptive_max_pool2d_with_indices", "adaptive_max_pool3d_with_indices",
    "lp_pool1d", "lp_pool2d", "lp_pool3d",
    "interpolate", "upsample", "upsample_nearest", "upsample_bilinear",
    "pixel_shuffle", "pixel_unshuffle", "unfold", "fold",
]

_as_strided = np.lib.stride_tricks.as_strided


# ----------------------------------------------------------------------------------------------------------- helpers
def _tuple(x, n: int, name: str = "") -> tuple:
    if isinstance(x, Tensor):
        x = x.tolist()
    if isinstance(x, (list, tuple)):
        t = tuple(int(v) for v in x)
        if len(t) == 1 and n > 1:
            t = t * n
        if len(t) != n:
            raise RuntimeError(f"expected {name} to be a single integer value or a list of {n} values to match "
                               f"the convolution dimensions, but got {name}={list(t)}")
        return t
    return (int(x),) * n


def _dtname(dt: np.dtype) -> str:
    return {"float32": "Float", "float64": "Double", "float16": "Half", "int64": "Long", "int32": "Int",
            "int16": "Short", "int8": "Char", "uint8": "Byte", "bool": "Bool"}.get(np.dtype(dt).name, str(dt))


def _windows(xp: np.ndarray, out: Sequence[int], K: Sequence[int], s: Sequence[int], d: Sequence[int]):
    """Read-only strided view ``(N, C, *out, *K)`` of the windows of ``xp`` (caller guarantees bounds)."""
    st = xp.strides
    D = len(K)
    shape = xp.shape[:2] + tuple(out) + tuple(K)
    strides = st[:2] + tuple(st[2 + i] * s[i] for i in range(D)) + tuple(st[2 + i] * d[i] for i in range(D))
    return _as_strided(xp, shape, strides, writeable=False)


def _pad_zeros(x: np.ndarray, pads: Sequence[tuple], value=0) -> np.ndarray:
    if not any(lo or hi for lo, hi in pads):
        return x
    return np.pad(x, [(0, 0), (0, 0), *pads], constant_values=value)


def _col2im(cols: np.ndarray, buf_shape: Sequence[int], out, K, s, d) -> np.ndarray:
    """Adjoint of ``_windows``: ``cols`` is ``(N, C, *K, *out)``; returns the summed ``(N, C, *buf_shape)``."""
    N, C = cols.shape[:2]
    D = len(K)
    buf = np.zeros((N, C, *buf_shape), dtype=cols.dtype)
    if all(k == 1 for k in K) or all(s[i] >= (K[i] - 1) * d[i] + 1 for i in range(D)):
        # windows do not overlap: one strided write, no accumulation needed
        view = _windows(buf, out, K, s, d)
        view = _as_strided(buf, view.shape, view.strides, writeable=True)
        perm = (0, 1, *range(2 + D, 2 + 2 * D), *range(2, 2 + D))
        view[...] = cols.transpose(perm)
        return buf
    for kidx in product(*(range(k) for k in K)):
        sl = (slice(None), slice(None)) + tuple(
            slice(kidx[i] * d[i], kidx[i] * d[i] + (out[i] - 1) * s[i] + 1, s[i]) for i in range(D))
        buf[sl] += cols[(slice(None), slice(None)) + kidx]
    return buf


def _crop(buf: np.ndarray, pads: Sequence[tuple], S: Sequence[int]) -> np.ndarray:
    sl = (slice(None), slice(None)) + tuple(slice(lo, lo + n) for (lo, _), n in zip(pads, S))
    return buf[sl]


# Per-thread reusable work memory: large NumPy temporaries are recycled instead of being freshly allocated (and
# page-faulted in) on every call. ``_scratch`` arrays never leave the function that takes them; pooled im2col
# matrices live from a convolution's forward to its backward and are handed back there.
_tls = threading.local()
_POOL_BYTES = 16 << 20


def _scratch(tag: str, shape, dtype) -> np.ndarray:
    n = math.prod(shape)
    dtype = np.dtype(dtype)
    bufs = _tls.__dict__.setdefault("scratch", {})
    a = bufs.get(tag)
    if a is None or a.dtype != dtype or a.size < n:
        a = np.empty(n, dtype=dtype)
        if n * dtype.itemsize <= _POOL_BYTES:
            bufs[tag] = a
    return a[:n].reshape(shape)


def _acquire(shape, dtype) -> np.ndarray:
    n = math.prod(shape)
    dtype = np.dtype(dtype)
    free = _tls.__dict__.setdefault("free", [])
    for i, a in enumerate(free):
        if a.dtype == dtype and n <= a.size <= 2 * n:
            return free.pop(i)[:n].reshape(shape)
    return np.empty(n, dtype=dtype).reshape(shape)


def _release(a: np.ndarray) -> None:
    while a.base is not None:
        a = a.base
    free = _tls.__dict__.setdefault("free", [])
    if a.ndim == 1 and a.nbytes + sum(b.nbytes for b in free) <= _POOL_BYTES and all(b is not a for b in free):
        free.append(a)


# ---------------------------------------------------------------------------------------------------- convolution
# Layout: the input is copied once into a zero-padded channel-major buffer ``(C, N, flat padded plane)``; the
# im2col matrix has rows ``(c, kernel offset)`` and columns ``(n, output position)`` and is filled by one copy per
# kernel offset, so each convolution is a single ``W @ cols`` matmul per group. For stride 1 the columns are "wide":
# every output row spans the whole padded row, which makes each per-offset copy a contiguous slice of the flat
# plane (the surplus columns are computed and dropped).
def _flat_strides(Sp: Sequence[int]) -> list:
    st = [1] * len(Sp)
    for i in range(len(Sp) - 2, -1, -1):
        st[i] = st[i + 1] * Sp[i + 1]
    return st


def _to_buffer(x: np.ndarray, lo: Sequence[int], Sp: Sequence[int], extra: int = 0) -> np.ndarray:
    """Zero buffer ``(C, N, prod(Sp) + extra)`` holding ``x (N, C, *S)`` at offset ``lo`` (negative ``lo`` crops)."""
    N, C = x.shape[:2]
    S = x.shape[2:]
    buf = np.zeros((C, N, math.prod(Sp) + extra), dtype=x.dtype)
    it = buf.itemsize
    view = _as_strided(buf, (C, N, *Sp), buf.strides[:2] + tuple(v * it for v in _flat_strides(Sp)))
    dst, src = [slice(None)] * 2, [slice(None)] * 2
    for i in range(len(Sp)):
        a, b = max(lo[i], 0), min(lo[i] + S[i], Sp[i])
        if b <= a:
            return buf
        dst.append(slice(a, b))
        src.append(slice(a - lo[i], b - lo[i]))
    view[tuple(dst)] = x.transpose(1, 0, *range(2, x.ndim))[tuple(src)]
    return buf


def _wide_ok(out, K, s, d) -> bool:
    if any(v != 1 for v in s):
        return False
    D = len(K)
    return math.prod(out[i] + (K[i] - 1) * d[i] for i in range(1, D)) <= 2 * math.prod(out[1:])


def _shift_ok(S, out, s) -> bool:
    return all(v == 1 for v in s) and tuple(out[1:]) == tuple(S[1:])


@functools.lru_cache(maxsize=256)
def _shift_plan(S: tuple, out: tuple, K: tuple, d: tuple, lo: tuple, N: int) -> tuple:
    """Stride-1 convolutions whose output rows are as long as the input rows read each kernel offset as one shift of
    the flat input. The columns are viewed as ``(images, length)``: ``(1, N*P)`` when output and input planes have
    the same size (shifts run across images), else ``(N, M)``. Returns that view, per offset ``(shift, c0, c1)``
    (columns ``[c0, c1)`` read the input at ``[c0 + shift, c1 + shift)``, the others are zero) and the index blocks
    of the ``(C, *K, N, *out)`` columns that fall outside the input and must be zeroed."""
    D = len(K)
    st = _flat_strides(S)
    P = math.prod(S)
    flat = out[0] == S[0]
    copies = []
    for kidx in product(*(range(k) for k in K)):
        r = [kidx[i] * d[i] - lo[i] for i in range(D)]
        shift = sum(r[i] * st[i] for i in range(D))
        if flat:
            c0 = max(-shift, 0)
            c1 = max(N * P - max(shift, 0), c0)
        else:
            a0 = min(max(-r[0], 0), out[0])
            b0 = max(min(S[0] - r[0], out[0]), a0)
            c0 = max(a0 * st[0], -shift)
            c1 = max(min(b0 * st[0], P - shift), c0)
        copies.append((shift, c0, c1))
    zero = []
    for i in range(0 if flat else 1, D):
        for k in range(K[i]):
            r = k * d[i] - lo[i]
            a, b = min(max(-r, 0), out[i]), max(min(S[i] - r, out[i]), 0)
            for sl in ([slice(0, a)] if a > 0 else []) + ([slice(max(a, b), None)] if b < out[i] else []):
                idx = [slice(None)] * (2 * D + 2)
                idx[1 + i] = k
                idx[2 + D + i] = sl
                zero.append(tuple(idx))
    return ((1, N * P) if flat else (N, out[0] * st[0])), tuple(copies), tuple(zero)


def _im2col(x: np.ndarray, lo, K, s, d, out, wide: bool):
    """``(cols (C, prod(K), N, M), grid)``: ``grid`` is the shape the ``M`` columns of one image unflatten to."""
    N, C = x.shape[:2]
    D = len(K)
    S = x.shape[2:]
    offsets = list(product(*(range(k) for k in K)))
    if _shift_ok(S, out, s):
        (nv, mv), copies, zero = _shift_plan(tuple(S), tuple(out), tuple(K), tuple(d), tuple(lo), N)
        xf = x.reshape(N, C, math.prod(S)).transpose(1, 0, 2)
        if nv == 1:
            xf = _copy_to(_scratch("xf", xf.shape, x.dtype), xf)
        xf = xf.reshape(C, nv, math.prod(S) * (N if nv == 1 else 1))
        cols = _acquire((C, *K, N, *out), x.dtype)
        cf = cols.reshape(C, len(copies), nv, mv)
        for j, (shift, c0, c1) in enumerate(copies):
            cf[:, j, :, :c0] = 0
            cf[:, j, :, c1:] = 0
            cf[:, j, :, c0:c1] = xf[:, :, c0 + shift:c1 + shift]
        for idx in zero:
            cols[idx] = 0
        return cols.reshape(C, len(copies), N, math.prod(out)), tuple(out)
    if wide:
        Sp = [out[i] + (K[i] - 1) * d[i] for i in range(D)]
        st = _flat_strides(Sp)
        buf = _to_buffer(x, lo, Sp, sum((K[i] - 1) * d[i] * st[i] for i in range(1, D)))
        M = out[0] * st[0]
        cols = _acquire((C, len(offsets), N, M), x.dtype)
        for j, kidx in enumerate(offsets):
            o = sum(kidx[i] * d[i] * st[i] for i in range(D))
            cols[:, j] = buf[:, :, o:o + M]
        return cols, (out[0], *Sp[1:])
    E = [(out[i] - 1) * s[i] + (K[i] - 1) * d[i] + 1 for i in range(D)]
    buf = _to_buffer(x, lo, E).reshape(C, N, *E)
    cols = _acquire((C, len(offsets), N, *out), x.dtype)
    for j, kidx in enumerate(offsets):
        sl = tuple(slice(kidx[i] * d[i], kidx[i] * d[i] + (out[i] - 1) * s[i] + 1, s[i]) for i in range(D))
        cols[:, j] = buf[(slice(None), slice(None), *sl)]
    return cols.reshape(C, len(offsets), N, math.prod(out)), tuple(out)


def _copy_to(dst: np.ndarray, src: np.ndarray) -> np.ndarray:
    np.copyto(dst, src)
    return dst


def _gmatmul(a: np.ndarray, b: np.ndarray, tag: str | None = None) -> np.ndarray:
    """Per-group matmul ``(g, m, k) @ (g, k, n)``; with ``tag`` the result lands in a scratch array."""
    threads_for(a.shape[1] * a.shape[2] * b.shape[2])
    if tag is None:
        return (a[0] @ b[0])[None] if a.shape[0] == 1 else np.matmul(a, b)
    out = _scratch(tag, (a.shape[0], a.shape[1], b.shape[2]), np.result_type(a, b))
    if a.shape[0] == 1:
        np.matmul(a[0], b[0], out=out[0])
    else:
        np.matmul(a, b, out=out)
    return out


def _conv_np(x, w, pads, s, d, g, out, bias=None, keep=None):
    """``conv(x, w) (+ bias)``; with a list ``keep``, ``(cols, grid)`` is appended to it for the weight gradient."""
    N, C = x.shape[:2]
    O = w.shape[0]
    K = w.shape[2:]
    D = len(K)
    cols, grid = _im2col(x, [p[0] for p in pads], K, s, d, out, _wide_ok(out, K, s, d))
    R, M = cols.shape[0] * cols.shape[1], cols.shape[3]
    y = _gmatmul(w.reshape(g, O // g, -1), cols.reshape(g, R // g, N * M), "y").reshape(O, N, M)
    if keep is not None:
        keep.append((cols, grid))
    else:
        _release(cols)
    if bias is not None:
        y += bias.reshape(O, 1, 1)
    y = y.reshape(O, N, *grid)[(Ellipsis, *(slice(0, v) for v in out[1:]))].transpose(1, 0, *range(2, D + 2))
    res = np.empty((N, O, *out), dtype=x.dtype)
    np.copyto(res, y)
    return res


def _go_matrix(go: np.ndarray, g: int) -> np.ndarray:
    """``go (N, O, *out)`` as the scratch matrix ``(g, O/g, N*P)``."""
    N, O = go.shape[:2]
    gm = _scratch("gm", (O, N, *go.shape[2:]), go.dtype)
    np.copyto(gm, go.transpose(1, 0, *range(2, go.ndim)))
    return gm.reshape(g, O // g, N * math.prod(go.shape[2:]))


def _conv_grad_input_np(go, w, S, pads, s, d, g):
    N, O = go.shape[:2]
    out = go.shape[2:]
    K = w.shape[2:]
    D = len(K)
    cg = w.shape[1]
    C = g * cg
    if _shift_ok(S, out, s):
        (nv, mv), copies, zero = _shift_plan(tuple(S), tuple(out), tuple(K), tuple(d), tuple(p[0] for p in pads), N)
        gm = _go_matrix(go, g)
        gc = _gmatmul(w.reshape(g, O // g, -1).transpose(0, 2, 1), gm, "gc").reshape(C, *K, N, *out)
        for idx in zero:
            gc[idx] = 0
        gcf = gc.reshape(C, len(copies), nv, mv)
        if nv == 1:
            gx = acc = _scratch("gx", (C, 1, N * math.prod(S)), go.dtype)
            gx.fill(0)
        else:
            gx = np.zeros((N, C, math.prod(S)), dtype=go.dtype)
            acc = gx.transpose(1, 0, 2)
        for j, (shift, c0, c1) in enumerate(copies):
            if c1 > c0:
                acc[:, :, c0 + shift:c1 + shift] += gcf[:, j, :, c0:c1]
        if nv == 1:
            return gx.reshape(C, N, *S).transpose(1, 0, *range(2, D + 2)).copy()
        return gx.reshape(N, C, *S)
    if all(v == 1 for v in s):
        # the adjoint of a stride-1 convolution is a convolution with the flipped, transposed kernel
        wf = w.reshape(g, O // g, cg, *K).swapaxes(1, 2)[(Ellipsis, *(slice(None, None, -1),) * D)]
        wf = np.ascontiguousarray(wf).reshape(C, O // g, *K)
        lo = [((K[i] - 1) * d[i] - pads[i][0], 0) for i in range(D)]
        return _conv_np(go, wf, lo, s, d, g, tuple(S))
    gc = _gmatmul(w.reshape(g, O // g, -1).transpose(0, 2, 1), _go_matrix(go, g), "gc")
    gc = gc.reshape(C, math.prod(K), N, *out)
    E = [max((out[i] - 1) * s[i] + (K[i] - 1) * d[i] + 1, pads[i][0] + S[i]) for i in range(D)]
    buf = _scratch("gx", (C, N, *E), go.dtype)
    buf.fill(0)
    for j, kidx in enumerate(product(*(range(k) for k in K))):
        sl = tuple(slice(kidx[i] * d[i], kidx[i] * d[i] + (out[i] - 1) * s[i] + 1, s[i]) for i in range(D))
        buf[(slice(None), slice(None), *sl)] += gc[:, j]
    crop = tuple(slice(pads[i][0], pads[i][0] + S[i]) for i in range(D))
    return buf[(slice(None), slice(None), *crop)].transpose(1, 0, *range(2, D + 2)).copy()


def _conv_grad_weight_np(go, x, wshape, pads, s, d, g, kept=None):
    N, O = go.shape[:2]
    out = tuple(go.shape[2:])
    K = tuple(wshape[2:])
    lo = [p[0] for p in pads]
    cols, grid = kept if kept is not None else _im2col(x, lo, K, s, d, out, _wide_ok(out, K, s, d))
    wide = grid != out
    gm = _to_buffer(go, [0] * len(K), grid).reshape(g, O // g, N * math.prod(grid)) if wide else _go_matrix(go, g)
    gw = _gmatmul(gm, cols.reshape(g, cols.shape[0] * cols.shape[1] // g, gm.shape[2]).transpose(0, 2, 1))
    gw = gw.reshape(wshape)
    if wide and not np.isfinite(gw).all():
        # non-finite inputs in the dropped wide columns would leak in as 0 * inf: redo it on exact windows
        return _conv_grad_weight_np(go, x, wshape, pads, s, d, g, _im2col(x, lo, K, s, d, out, False))
    return gw


def _out_size(S, K, s, pads, d):
    return tuple((S[i] + pads[i][0] + pads[i][1] - d[i] * (K[i] - 1) - 1) // s[i] + 1 for i in range(len(K)))


class _ConvFn(Function):
    """``y = conv(x, w) + b`` for N spatial dims; ``out`` fixes the output size (extra windows dropped)."""

    @staticmethod
    def forward(ctx, x, w, b, pads, s, d, g, out=None):
        K = w.shape[2:]
        if out is None:
            out = _out_size(x.shape[2:], K, s, pads, d)
        keep = [] if (w.requires_grad and ctx.needs_input_grad[1]) else None
        y = _conv_np(x._data, w._data, pads, s, d, g, out, None if b is None else b._data, keep)
        ctx.cols = keep[0] if keep else None
        ctx.save_for_backward(x, w)
        ctx.cfg = (pads, s, d, g)
        return _wrap(y)

    @staticmethod
    def backward(ctx, go):
        x, w = ctx.saved_tensors
        pads, s, d, g = ctx.cfg
        nx, nw, nb = ctx.needs_input_grad[:3]
        gx = _ConvGradInputFn.apply(go, w, tuple(x.shape[2:]), pads, s, d, g) if nx else None
        cols, ctx.cols = ctx.cols, None
        gw = _ConvGradWeightFn.apply(go, x, tuple(w.shape), pads, s, d, g, cols) if nw else None
        if cols is not None:
            _release(cols[0])
        gb = go.sum((0, *range(2, go.dim()))) if nb else None
        return gx, gw, gb, None, None, None, None, None


class _ConvGradInputFn(Function):
    """The gradient of a convolution with respect to its input (= transposed convolution)."""

    @staticmethod
    def forward(ctx, go, w, S, pads, s, d, g):
        ctx.save_for_backward(go, w)
        ctx.cfg = (S, pads, s, d, g)
        return _wrap(_conv_grad_input_np(go._data, w._data, S, pads, s, d, g))

    @staticmethod
    def backward(ctx, h):
        go, w = ctx.saved_tensors
        S, pads, s, d, g = ctx.cfg
        ngo, nw = ctx.needs_input_grad[:2]
        out = tuple(go.shape[2:])
        a = _ConvFn.apply(h, w, None, pads, s, d, g, out) if ngo else None
        b = _ConvGradWeightFn.apply(go, h, tuple(w.shape), pads, s, d, g) if nw else None
        return a, b, None, None, None, None, None


class _ConvGradWeightFn(Function):
    """The gradient of a convolution with respect to its weight."""

    @staticmethod
    def forward(ctx, go, x, wshape, pads, s, d, g, cols=None):
        ctx.save_for_backward(go, x)
        ctx.cfg = (pads, s, d, g)
        return _wrap(_conv_grad_weight_np(go._data, x._data, wshape, pads, s, d, g, cols))

    @staticmethod
    def backward(ctx, h):
        go, x = ctx.saved_tensors
        pads, s, d, g = ctx.cfg
        ngo, nx = ctx.needs_input_grad[:2]
        out = tuple(go.shape[2:])
        a = _ConvFn.apply(x, h, None, pads, s, d, g, out) if ngo else None
        b = _ConvGradInputFn.apply(go, h, tuple(x.shape[2:]), pads, s, d, g) if nx else None
        return a, b, None, None, None, None, None, None


def _check_common(name, x, w, b, D, stride=1):
    if x.dim() not in (D + 1, D + 2):
        raise RuntimeError(f"Expected {D + 1}D (unbatched) or {D + 2}D (batched) input to {name}, but got input of "
                           f"size: {list(x.shape)}")
    if w.dim() != D + 2 and D > 1 and w.dim() >= 3:
        raise RuntimeError(f"expected stride to be a single integer value or a list of {w.dim() - 2} values to match "
                           f"the convolution dimensions, but got stride={list(_tuple(stride, D, 'stride'))}")
    if w.dim() != D + 2:
        xd = x.dim() if x.dim() == D + 2 else x.dim() + 1
        raise RuntimeError(f"Expected {w.dim()}-dimensional input for {w.dim()}-dimensional weight {list(w.shape)}, "
                           f"but got {xd}-dimensional input of size {list(x.shape)} instead")
    if b is not None and b._data.dtype != x._data.dtype and not name.startswith("conv_transpose"):
        raise RuntimeError(f"Input type ({_ctype(x._data.dtype)}) and bias type ({_ctype(b._data.dtype)}) should be "
                           "the same")
    if x._data.dtype != w._data.dtype:
        raise RuntimeError(f"expected scalar type {_dtname(x._data.dtype)} but found {_dtname(w._data.dtype)}")
    if x._data.dtype.kind != "f":
        raise RuntimeError(f'"{name}" not implemented for \'{_dtname(x._data.dtype)}\'')
    if b is not None and b._data.dtype != x._data.dtype:
        raise RuntimeError(f"Input type ({_ctype(x._data.dtype)}) and bias type ({_ctype(b._data.dtype)}) should be "
                           "the same")


def _ctype(dt) -> str:
    return {"float32": "float", "float64": "double", "float16": "c10::Half", "int64": "long int", "int32": "int",
            "int16": "short int", "int8": "signed char", "uint8": "unsigned char", "bool": "bool"}.get(
        np.dtype(dt).name, str(dt))


def _check_geom(s, d, pads=None):
    if any(v <= 0 for v in s):
        raise RuntimeError("non-positive stride is not supported")
    if pads is not None and any(lo < 0 or hi < 0 for lo, hi in pads):
        raise RuntimeError("negative padding is not supported")
    if any(v <= 0 for v in d):
        raise RuntimeError(f"dilation should be greater than zero, but got {[1, *d] if len(d) == 1 else list(d)}")


def _convnd(x: Tensor, weight: Tensor, bias, stride, padding, dilation, groups, D: int) -> Tensor:
    name = f"conv{D}d"
    _check_common(name, x, weight, bias, D, stride)
    unbatched = x.dim() == D + 1
    if unbatched:
        x = x.unsqueeze(0)
    s = _tuple(stride, D, "stride")
    d = _tuple(dilation, D, "dilation")
    K = tuple(weight.shape[2:])
    if isinstance(padding, str):
        if padding == "valid":
            pads = [(0, 0)] * D
        elif padding == "same":
            if any(v != 1 for v in s):
                raise RuntimeError("padding='same' is not supported for strided convolutions")
            pads = []
            for i in range(D):
                tot = d[i] * (K[i] - 1)
                pads.append((tot // 2, tot - tot // 2))
            if any(lo != hi for lo, hi in pads):
                warnings.warn("Using padding='same' with even kernel lengths and odd dilation may require a "
                              "zero-padded copy of the input be created", UserWarning, stacklevel=3)
        else:
            raise RuntimeError(f"Invalid padding string: '{padding}'")
    else:
        p = _tuple(padding, D, "padding")
        pads = [(v, v) for v in p]
    _check_geom(s, d, pads)
    g = int(groups)
    if g <= 0:
        raise RuntimeError("non-positive groups is not supported")
    O = weight.shape[0]
    if O % g:
        raise RuntimeError(f"Given groups={g}, expected weight to be divisible by {g} at dimension 0, but got weight "
                           f"of size [{list(weight.shape)}] instead")
    if x.shape[1] != weight.shape[1] * g:
        raise RuntimeError(f"Given groups={g}, weight of size {list(weight.shape)}, expected input{list(x.shape)} to "
                           f"have {weight.shape[1] * g} channels, but got {x.shape[1]} channels instead")
    if bias is not None and (bias.dim() != 1 or bias.shape[0] != O):
        raise RuntimeError(f"Given weight of size {list(weight.shape)}, expected bias to be 1-dimensional with {O} "
                           f"elements, but got bias of size {list(bias.shape)} instead")
    S = x.shape[2:]
    padded = [S[i] + pads[i][0] + pads[i][1] for i in range(D)]
    eff = [d[i] * (K[i] - 1) + 1 for i in range(D)]
    if any(padded[i] < eff[i] for i in range(D)):
        raise RuntimeError(f"Calculated padded input size per channel: ({' x '.join(map(str, padded))}). Kernel size: "
                           f"({' x '.join(map(str, eff))}). Kernel size can't be greater than actual input size")
    if 0 in K:
        if D == 3:
            raise RuntimeError(f"kernel size should be greater than zero, but got: {K[0]} x {K[1]} x {K[2]} (TxHxW)")
        kh, kw = (1, K[0]) if D == 1 else K
        raise RuntimeError(f"kernel size should be greater than zero, but got kernel_height: {kh} kernel_width: {kw}")
    y = _ConvFn.apply(x, weight, bias, tuple(pads), s, d, g)
    return y.squeeze(0) if unbatched else y


def conv1d(input: Tensor, weight: Tensor, bias: Tensor | None = None, stride=1, padding=0, dilation=1,
           groups: int = 1) -> Tensor:
    """1-D convolution (cross-correlation) of ``input (N, C_in, L)`` with ``weight (C_out, C_in/groups, k)``."""
    return _convnd(input, weight, bias, stride, padding, dilation, groups, 1)


def conv2d(input: Tensor, weight: Tensor, bias: Tensor | None = None, stride=1, padding=0, dilation=1,
           groups: int = 1) -> Tensor:
    """2-D convolution (cross-correlation) of ``input (N, C_in, H, W)`` with ``weight (C_out, C_in/groups, kH, kW)``;
    ``padding`` may be an int, a tuple, ``'same'`` or ``'valid'``."""
    return _convnd(input, weight, bias, stride, padding, dilation, groups, 2)


def conv3d(input: Tensor, weight: Tensor, bias: Tensor | None = None, stride=1, padding=0, dilation=1,
           groups: int = 1) -> Tensor:
    """3-D convolution of ``input (N, C_in, D, H, W)`` with ``weight (C_out, C_in/groups, kD, kH, kW)``."""
    return _convnd(input, weight, bias, stride, padding, dilation, groups, 3)


def _conv_transposend(x, weight, bias, stride, padding, output_padding, groups, dilation, D):
    name = f"conv_transpose{D}d"
    _check_common(name, x, weight, bias, D, stride)
    unbatched = x.dim() == D + 1
    if unbatched:
        x = x.unsqueeze(0)
    s = _tuple(stride, D, "stride")
    d = _tuple(dilation, D, "dilation")
    p = _tuple(padding, D, "padding")
    op = _tuple(output_padding, D, "output_padding")
    pads = tuple((v, v) for v in p)
    _check_geom(s, d, pads)
    g = int(groups)
    if g <= 0:
        raise RuntimeError("non-positive groups is not supported")
    if any(op[i] >= s[i] and op[i] >= d[i] for i in range(D)):
        labels = ["depth", "height", "width"][3 - D:] if D > 1 else ["width"]
        msg = " ".join(f"output_padding_{n}: {v}" for n, v in zip(labels, op))
        msg += " " + " ".join(f"stride_{n}: {v}" for n, v in zip(labels, s))
        msg += " " + " ".join(f"dilation_{n}: {v}" for n, v in zip(labels, d))
        raise RuntimeError(f"output padding must be smaller than either stride or dilation, but got {msg}")
    Cin = weight.shape[0]
    if Cin % g:
        raise RuntimeError(f"Given groups={g}, expected weight to be divisible by {g} at dimension 0, but got weight "
                           f"of size [{list(weight.shape)}] instead")
    if x.shape[1] != Cin:
        raise RuntimeError(f"Given transposed=1, weight of size {list(weight.shape)}, expected input{list(x.shape)} "
                           f"to have {Cin} channels, but got {x.shape[1]} channels instead")
    O = weight.shape[1] * g
    if bias is not None and (bias.dim() != 1 or bias.shape[0] != O):
        raise RuntimeError(f"Given transposed=1, weight of size {list(weight.shape)}, expected bias to be "
                           f"1-dimensional with {O} elements, but got bias of size {list(bias.shape)} instead")
    K = weight.shape[2:]
    S = tuple((x.shape[2 + i] - 1) * s[i] - 2 * p[i] + d[i] * (K[i] - 1) + op[i] + 1 for i in range(D))
    if any(v <= 0 for v in S):
        raise RuntimeError(f"Given input size per channel: ({' x '.join(str(v) for v in x.shape[2:])}). "
                           f"Calculated output size per channel: ({' x '.join(map(str, S))}). Output size is too small")
    y = _ConvGradInputFn.apply(x, weight, S, pads, s, d, g)
    if bias is not None:
        y = y + bias.reshape(1, -1, *([1] * D))
    return y.squeeze(0) if unbatched else y


def conv_transpose1d(input: Tensor, weight: Tensor, bias: Tensor | None = None, stride=1, padding=0,
                     output_padding=0, groups: int = 1, dilation=1) -> Tensor:
    """1-D transposed convolution ("deconvolution") with ``weight (C_in, C_out/groups, k)``."""
    return _conv_transposend(input, weight, bias, stride, padding, output_padding, groups, dilation, 1)


def conv_transpose2d(input: Tensor, weight: Tensor, bias: Tensor | None = None, stride=1, padding=0,
                     output_padding=0, groups: int = 1, dilation=1) -> Tensor:
    """2-D transposed convolution ("deconvolution") with ``weight (C_in, C_out/groups, kH, kW)``."""
    return _conv_transposend(input, weight, bias, stride, padding, output_padding, groups, dilation, 2)


def conv_transpose3d(input: Tensor, weight: Tensor, bias: Tensor | None = None, stride=1, padding=0,
                     output_padding=0, groups: int = 1, dilation=1) -> Tensor:
    """3-D transposed convolution with ``weight (C_in, C_out/groups, kD, kH, kW)``."""
    return _conv_transposend(input, weight, bias, stride, padding, output_padding, groups, dilation, 3)


# ------------------------------------------------------------------------------------------- generic linear ops
class _LinearFn(Function):
    """``y = op(x)`` for a linear map ``op`` with NumPy ``fwd``/``adj``; its backward is the adjoint map."""

    @staticmethod
    def forward(ctx, x, op, adjoint=False):
        ctx.op = op
        ctx.adjoint = adjoint
        return _wrap(op.adj(x._data) if adjoint else op.fwd(x._data))

    @staticmethod
    def backward(ctx, g):
        op = ctx.op.lin
        return _LinearFn.apply(g, op, not ctx.adjoint), None, None


class _Op:
    @property
    def lin(self):
        return self


class _FlatGather(_Op):
    """Take ``x.reshape(N, C, -1)`` at per-row flat indices ``idx (N, C, *out)``."""

    def __init__(self, idx: np.ndarray, in_shape: tuple, values: np.ndarray | None = None,
                 unique: bool = False) -> None:
        self.idx = idx
        self.in_shape = in_shape
        self.values = values
        self.unique = unique

    def fwd(self, x):
        if self.values is not None:
            v, self.values = self.values, None
            return v
        N, C = x.shape[:2]
        flat = x.reshape(N, C, -1)
        return np.take_along_axis(flat, self.idx.reshape(N, C, -1), axis=2).reshape(self.idx.shape)

    def adj(self, g):
        N, C = g.shape[:2]
        P = math.prod(self.in_shape[2:])
        if self.unique:
            out = np.zeros((N, C, P), dtype=g.dtype)
            np.put_along_axis(out, self.idx.reshape(N, C, -1), g.reshape(N, C, -1), axis=2)
            return out.reshape(self.in_shape)
        base = (np.arange(N * C, dtype=np.int64) * P).reshape(N, C, 1)
        pos = (self.idx.reshape(N, C, -1) + base).ravel()
        out = np.bincount(pos, weights=g.reshape(-1), minlength=N * C * P)
        return out.astype(g.dtype, copy=False).reshape(self.in_shape)


class _AxisTaps(_Op):
    """Separable resampling: along each listed axis, ``y[j] = sum_t w[t, j] * x[idx[t, j]]``."""

    def __init__(self, axes: list) -> None:
        self.axes = axes

    def fwd(self, x):
        for ax, _n_in, idx, w in self.axes:
            y = None
            for t in range(idx.shape[0]):
                v = np.take(x, idx[t], axis=ax)
                if w is not None:
                    shp = [1] * x.ndim
                    shp[ax] = -1
                    v = v * w[t].astype(x.dtype, copy=False).reshape(shp)
                y = v if y is None else y + v
            x = y
        return x

    def adj(self, g):
        for ax, n_in, idx, w in reversed(self.axes):
            gm = np.moveaxis(g, ax, -1)
            lead = gm.shape[:-1]
            R = math.prod(lead)
            n_out = idx.shape[1]
            gm = gm.reshape(R, n_out)
            rows = (np.arange(R, dtype=np.int64) * n_in)[:, None]
            pos = np.concatenate([(rows + idx[t][None, :]).ravel() for t in range(idx.shape[0])])
            if w is None:
                wts = np.concatenate([gm.ravel()] * idx.shape[0])
            else:
                wts = np.concatenate([(gm * w[t][None, :]).ravel() for t in range(idx.shape[0])])
            res = np.bincount(pos, weights=wts, minlength=R * n_in).astype(g.dtype, copy=False)
            g = np.moveaxis(res.reshape(*lead, n_in), -1, ax)
        return np.ascontiguousarray(g)


class _WindowOp(_Op):
    """Sum (or average) over sliding windows; the adjoint spreads each output back over its window."""

    def __init__(self, S, K, s, pads, d, out, div=None, layout="pool") -> None:
        self.S, self.K, self.s, self.pads, self.d, self.out = S, K, s, pads, d, out
        self.div = div
        self.layout = layout

    def _buf_shape(self):
        return [self.S[i] + self.pads[i][0] + self.pads[i][1] for i in range(len(self.K))]

    def fwd(self, x):
        D = len(self.K)
        xp = _pad_zeros(x, self.pads)
        win = _windows(xp, self.out, self.K, self.s, self.d)
        if self.layout == "unfold":
            N, C = x.shape[:2]
            perm = (0, 1, *range(2 + D, 2 + 2 * D), *range(2, 2 + D))
            return np.ascontiguousarray(win.transpose(perm)).reshape(N, C * math.prod(self.K), -1)
        y = win.sum(axis=tuple(range(2 + D, 2 + 2 * D)))
        if self.div is not None:
            if x.dtype.kind == "f":
                y = y / self.div.astype(x.dtype, copy=False)
            else:
                y = np.trunc(y / self.div).astype(x.dtype)
        return y

    def adj(self, g):
        D = len(self.K)
        if self.layout == "unfold":
            N = g.shape[0]
            cols = g.reshape(N, -1, *self.K, *self.out)
        else:
            if self.div is not None:
                g = g / self.div.astype(g.dtype, copy=False)
            N, C = g.shape[:2]
            shp = (N, C, *([1] * D), *self.out)
            cols = np.broadcast_to(g.reshape(shp), (N, C, *self.K, *self.out))
        buf = _col2im(cols, self._buf_shape(), self.out, self.K, self.s, self.d)
        return np.ascontiguousarray(_crop(buf, self.pads, self.S))


class _PadOp(_Op):
    """Constant padding (negative amounts crop); ``value`` only affects the forward map."""

    def __init__(self, pads, value=0.0) -> None:
        self.pads = pads
        self.value = value

    @property
    def lin(self):
        return _PadOp(self.pads, 0.0) if self.value != 0 else self

    def fwd(self, x):
        nd = x.ndim
        lead = nd - len(self.pads)
        crop = [slice(None)] * lead + [slice(max(-lo, 0), x.shape[lead + i] - max(-hi, 0))
                                       for i, (lo, hi) in enumerate(self.pads)]
        x = x[tuple(crop)]
        widths = [(0, 0)] * lead + [(max(lo, 0), max(hi, 0)) for lo, hi in self.pads]
        return np.pad(x, widths, constant_values=self.value)

    def adj(self, g):
        return _PadOp(tuple((-lo, -hi) for lo, hi in self.pads), 0.0).fwd(g)


# -------------------------------------------------------------------------------------------------------- pooling
def _pool_out(L: int, k: int, s: int, p: int, d: int, ceil: bool) -> int:
    o = (L + 2 * p - d * (k - 1) - 1 + (s - 1 if ceil else 0)) // s + 1
    if ceil and (o - 1) * s >= L + p:
        o -= 1
    return o


def _pool_params(name, x, kernel_size, stride, padding, dilation, D):
    K = _tuple(kernel_size, D, "kernel_size")
    s = K if stride is None or (isinstance(stride, (list, tuple)) and len(stride) == 0) else _tuple(stride, D)
    p = _tuple(padding, D, "padding")
    d = _tuple(dilation, D, "dilation")
    if name == "max_pool1d" and K[0] <= 0:
        raise RuntimeError(f"max_pool1d() kernel_size must be greater than zero, but got {K[0]}")
    if name == "max_pool1d" and d[0] <= 0 and s[0] > 0:
        raise RuntimeError(f"max_pool1d() dilation must be greater than zero, but got {d[0]}")
    if any(v == 0 for v in s):
        raise RuntimeError("stride should not be zero")
    if any(v <= 0 for v in K):
        raise RuntimeError(f"kernel size should be greater than zero, but got kernel size {list(K)}")
    if any(v <= 0 for v in s):
        raise RuntimeError(f"stride should be greater than zero, but got stride {list(s)}")
    if any(v <= 0 for v in d):
        raise RuntimeError(f"dilation should be greater than zero, but got dilation {list(d)}")
    for i in range(D):
        if p[i] > ((K[i] - 1) * d[i] + 1) // 2:
            if name == "max_pool1d":
                raise RuntimeError(f"max_pool1d() padding should be at most half of kernel size, but got "
                                   f"padding={p[i]} and kernel_size={K[i]}")
            raise RuntimeError(f"pad should be at most half of effective kernel size, but got pad={p[i]}, "
                               f"kernel_size={K[i]} and dilation={d[i]}")
    return K, s, p, d


def _batchify(name: str, x: Tensor, D: int):
    if x.dim() == D + 1:
        return x.unsqueeze(0), True
    if x.dim() == D + 2:
        return x, False
    if name.startswith("max_pool") and D == 1:
        raise RuntimeError(f"max_pool1d: Expected 2D or 3D (batch mode) tensor with optional 0 dim batch size for "
                           f"input, but got:{list(x.shape)}")
    if name.startswith("avg_pool") and D == 1 or name.startswith("adaptive") and D == 1:
        raise RuntimeError(f"Expected 2 to 3 dimensions, but got {x.dim()}-dimensional tensor for argument #1 "
                           f"'self' (while checking arguments for {name})")
    if name.startswith("adaptive"):
        colon = ":" if "max" in name else ""
        raise RuntimeError(f"{name}(): Expected {D + 1}D or {D + 2}D tensor, but got{colon} {list(x.shape)}")
    if name == "avg_pool2d":
        if x.dim() < 3:
            n = max(x.dim(), 1)
            raise IndexError(f"Dimension out of range (expected to be in range of [{-n}, {n - 1}], but got -3)")
        raise RuntimeError("Expected 3D or 4D (batch mode) tensor with optional 0 dim batch size for input, but "
                           f"got:{list(x.shape)}")
    raise RuntimeError(f"non-empty {D + 1}D or {D + 2}D (batch mode) tensor expected for input")


def _too_small(name, x, out, D):
    if any(o <= 0 for o in out):
        if name == "max_pool1d":
            raise RuntimeError(f"max_pool1d() Invalid computed output size: {out[0]}")
        ins = "x".join(str(v) for v in (x.shape[1], *([1] * (2 - D)), *x.shape[2:]))
        outs = "x".join(str(v) for v in (x.shape[1], *([1] * (2 - D)), *out))
        raise RuntimeError(f"Given input size: ({ins}). Calculated output size: ({outs}). Output size is too small")


def _lowest(dt):
    dt = np.dtype(dt)
    if dt.kind == "f":
        return -np.inf
    return False if dt.kind == "b" else np.iinfo(dt).min


def _max_indices(xd: np.ndarray, K, s, p, d, out) -> tuple:
    """``(idx, values)``: per-row flat index (into the unpadded spatial plane) of the max of each window, with
    torch's tie (first), NaN (last NaN) and all-``-inf`` (first real position) rules, and the maxima. Works on a
    channels-last copy so that each per-offset comparison runs over long contiguous rows."""
    N, C = xd.shape[:2]
    S = xd.shape[2:]
    D = len(K)
    hi = [max(p[i], (out[i] - 1) * s[i] + d[i] * (K[i] - 1) + 1 - S[i] - p[i]) for i in range(D)]
    low = _lowest(xd.dtype)
    xp = _pad_zeros(xd, [(p[i], hi[i]) for i in range(D)], value=low)
    xt = np.ascontiguousarray(xp.reshape(N * C, -1).T).reshape(*xp.shape[2:], N * C)
    views = [xt[tuple(slice(k[i] * d[i], k[i] * d[i] + (out[i] - 1) * s[i] + 1, s[i]) for i in range(D))]
             for k in product(*(range(k) for k in K))]
    best = views[0].copy()
    for v in views[1:]:
        np.maximum(best, v, out=best)
    st = _flat_strides(S)
    starts = [(np.arange(out[i], dtype=np.int64) * s[i] - p[i]).reshape([out[i] if j == i else 1 for j in range(D + 1)])
              for i in range(D)]

    def flat(ks):
        return sum((starts[i] + ks[i] * d[i]) * st[i] for i in range(D))

    offsets = list(product(*(range(k) for k in K)))
    idx = np.broadcast_to(flat(offsets[-1]), best.shape)
    for j in range(len(views) - 2, -1, -1):
        idx = np.where(views[j] == best, flat(offsets[j]), idx)
    if xd.dtype.kind == "f" and np.isnan(xd).any():
        last = np.zeros(best.shape, dtype=np.int64)
        for j, v in enumerate(views):
            last = np.where(np.isnan(v), flat(offsets[j]), last)
        idx = np.where(np.isnan(best), last, idx)
    if (xd == low).any():
        first = [starts[i] + ((np.maximum(-starts[i], 0) + d[i] - 1) // d[i]) * d[i] for i in range(D)]
        idx = np.where(best == low, sum(first[i] * st[i] for i in range(D)), idx)

    def back(a):
        return np.ascontiguousarray(a.reshape(-1, N * C).T).reshape(N, C, *out)
    return back(idx), back(best)


def _max_pool(name, x, kernel_size, stride, padding, dilation, ceil_mode, return_indices, D):
    x, unbatched = _batchify(name, x, D)
    K, s, p, d = _pool_params(name, x, kernel_size, stride, padding, dilation, D)
    out = tuple(_pool_out(x.shape[2 + i], K[i], s[i], p[i], d[i], ceil_mode) for i in range(D))
    _too_small(name, x, out, D)
    idx, best = _max_indices(x._data, K, s, p, d, out)
    unique = all(s[i] >= (K[i] - 1) * d[i] + 1 for i in range(D))
    y = _LinearFn.apply(x, _FlatGather(idx, tuple(x.shape), best, unique))
    ind = _wrap(idx)
    if unbatched:
        y, ind = y.squeeze(0), ind.squeeze(0)
    return (y, ind) if return_indices else y


def max_pool1d(input: Tensor, kernel_size, stride=None, padding=0, dilation=1, ceil_mode: bool = False,
               return_indices: bool = False):
    """1-D max pooling over ``(N, C, L)``; padding counts as ``-inf``; optionally also returns argmax indices."""
    return _max_pool("max_pool1d", input, kernel_size, stride, padding, dilation, ceil_mode, return_indices, 1)


def max_pool2d(input: Tensor, kernel_size, stride=None, padding=0, dilation=1, ceil_mode: bool = False,
               return_indices: bool = False):
    """2-D max pooling over ``(N, C, H, W)``; indices are flat positions in each ``H*W`` plane."""
    return _max_pool("max_pool2d", input, kernel_size, stride, padding, dilation, ceil_mode, return_indices, 2)


def max_pool3d(input: Tensor, kernel_size, stride=None, padding=0, dilation=1, ceil_mode: bool = False,
               return_indices: bool = False):
    """3-D max pooling over ``(N, C, D, H, W)``."""
    return _max_pool("max_pool3d", input, kernel_size, stride, padding, dilation, ceil_mode, return_indices, 3)


def max_pool1d_with_indices(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False,
                            return_indices=False):
    """``max_pool1d`` returning ``(values, indices)``."""
    return max_pool1d(input, kernel_size, stride, padding, dilation, ceil_mode, True)


def max_pool2d_with_indices(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False,
                            return_indices=False):
    """``max_pool2d`` returning ``(values, indices)``."""
    return max_pool2d(input, kernel_size, stride, padding, dilation, ceil_mode, True)


def max_pool3d_with_indices(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False,
                            return_indices=False):
    """``max_pool3d`` returning ``(values, indices)``."""
    return max_pool3d(input, kernel_size, stride, padding, dilation, ceil_mode, True)


def _avg_div(S, K, s, p, out, count_include_pad, divisor_override):
    if divisor_override is not None:
        if divisor_override == 0:
            raise RuntimeError("divisor must be not zero")
        return np.full(out, float(divisor_override))
    div = np.ones((), dtype=np.float64)
    for i in range(len(K)):
        start = np.arange(out[i]) * s[i] - p[i]
        end = np.minimum(start + K[i], S[i] + p[i])
        pool = end - start
        size = np.minimum(end, S[i]) - np.maximum(start, 0)
        div = np.multiply.outer(div, pool if count_include_pad else size)
    return div.astype(np.float64)


def _avg_pool(name, x, kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override, D):
    x, unbatched = _batchify(name, x, D)
    K, s, p, d = _pool_params(name, x, kernel_size, stride, padding, 1, D)
    S = tuple(x.shape[2:])
    out = tuple(_pool_out(S[i], K[i], s[i], p[i], 1, ceil_mode) for i in range(D))
    _too_small(name, x, out, D)
    hi = [max(p[i], (out[i] - 1) * s[i] + K[i] - S[i] - p[i]) for i in range(D)]
    pads = tuple((p[i], hi[i]) for i in range(D))
    div = _avg_div(S, K, s, p, out, count_include_pad, divisor_override)
    y = _LinearFn.apply(x, _WindowOp(S, K, s, pads, (1,) * D, out, div))
    return y.squeeze(0) if unbatched else y


def avg_pool1d(input: Tensor, kernel_size, stride=None, padding=0, ceil_mode: bool = False,
               count_include_pad: bool = True) -> Tensor:
    """1-D average pooling over ``(N, C, L)``."""
    return _avg_pool("avg_pool1d", input, kernel_size, stride, padding, ceil_mode, count_include_pad, None, 1)


def avg_pool2d(input: Tensor, kernel_size, stride=None, padding=0, ceil_mode: bool = False,
               count_include_pad: bool = True, divisor_override: int | None = None) -> Tensor:
    """2-D average pooling over ``(N, C, H, W)``; ``divisor_override`` replaces the window size as divisor."""
    return _avg_pool("avg_pool2d", input, kernel_size, stride, padding, ceil_mode, count_include_pad,
                     divisor_override, 2)


def avg_pool3d(input: Tensor, kernel_size, stride=None, padding=0, ceil_mode: bool = False,
               count_include_pad: bool = True, divisor_override: int | None = None) -> Tensor:
    """3-D average pooling over ``(N, C, D, H, W)``."""
    return _avg_pool("avg_pool3d", input, kernel_size, stride, padding, ceil_mode, count_include_pad,
                     divisor_override, 3)


def _adaptive_sizes(x: Tensor, output_size, D: int, name: str = "adaptive_avg_pool") -> tuple:
    if isinstance(output_size, (list, tuple)):
        if len(output_size) != D:
            if D == 1:
                raise RuntimeError(f"{name}() argument 'output_size' should contain one int "
                                   f"(got {len(output_size)})")
            if x.dim() <= len(output_size):
                raise ValueError(f"Input dimension should be at least {len(output_size) + 1}")
            if name.startswith("adaptive_max"):
                raise RuntimeError(f"{name}(): internal error: output_size.size() must be {D}")
            raise RuntimeError(f"{name}: output_size must be {D}")
        osz = tuple(x.shape[2 + i] if v is None else int(v) for i, v in enumerate(output_size))
    else:
        osz = (int(output_size),) * D
    if any(v < 0 for v in osz):
        if name.startswith("adaptive_max") and x.dim() == D + 2:
            full = list(x.shape[:2]) + ([1] if D == 1 else []) + list(osz)
            raise RuntimeError(f"Trying to create tensor with negative dimension {min(osz)}: {full}")
        if name.startswith("adaptive_avg"):
            vals = (1, *osz) if D == 1 else osz
            got = ", ".join(map(str, vals[:2])) + "".join(f",{v}" for v in vals[2:])
            raise RuntimeError(f"adaptive_avg_pool{max(D, 2)}d: elements of output_size must be greater than or "
                               f"equal to 0 but received {{{got}}}")
        raise RuntimeError(f"adaptive pooling: output_size must be non-negative, but got {list(osz)}")
    return osz


def _adaptive_bounds(n_in: int, n_out: int):
    o = np.arange(n_out, dtype=np.int64)
    start = (o * n_in) // n_out
    end = ((o + 1) * n_in + n_out - 1) // n_out
    return start, end


def _adaptive_avg(name, x, output_size, D):
    x, unbatched = _batchify(name, x, D)
    if x._data.dtype.kind != "f":
        raise NotImplementedError(f"\"{name}\" not implemented for '{_dtname(x._data.dtype)}'")
    osz = _adaptive_sizes(x, output_size, D, name)
    for i in range(D):
        if x.shape[2 + i] == 0:
            raise RuntimeError(f"{name}(): Expected input to have non-zero size for non-batch dimensions, "
                               f"but input has sizes {list(x.shape)} with dimension {i + 2} being empty")
    axes = []
    for i in range(D):
        n_in = x.shape[2 + i]
        start, end = _adaptive_bounds(n_in, osz[i])
        length = end - start
        T = int(length.max()) if osz[i] else 1
        t = np.arange(T, dtype=np.int64)[:, None]
        idx = np.minimum(start[None, :] + t, n_in - 1)
        w = np.where(t < length[None, :], 1.0 / np.maximum(length, 1)[None, :], 0.0)
        axes.append((2 + i, n_in, idx, w))
    y = _LinearFn.apply(x, _AxisTaps(axes))
    return y.squeeze(0) if unbatched else y


def adaptive_avg_pool1d(input: Tensor, output_size) -> Tensor:
    """1-D average pooling whose windows are chosen so the output has length ``output_size``."""
    return _adaptive_avg("adaptive_avg_pool1d", input, output_size, 1)


def adaptive_avg_pool2d(input: Tensor, output_size) -> Tensor:
    """2-D adaptive average pooling to ``output_size`` (int, or a pair whose entries may be None = keep)."""
    return _adaptive_avg("adaptive_avg_pool2d", input, output_size, 2)


def adaptive_avg_pool3d(input: Tensor, output_size) -> Tensor:
    """3-D adaptive average pooling to ``output_size``."""
    return _adaptive_avg("adaptive_avg_pool3d", input, output_size, 3)


def _adaptive_max(name, x, output_size, return_indices, D):
    x, unbatched = _batchify(name, x, D)
    if x._data.dtype.kind != "f":
        raise NotImplementedError(f"\"{name}\" not implemented for '{_dtname(x._data.dtype)}'")
    osz = _adaptive_sizes(x, output_size, D, name)
    xd = x._data
    N, C = xd.shape[:2]
    S = xd.shape[2:]
    if any(v == 0 for v in S):
        raise RuntimeError(f"{name}(): Expected input to have non-zero size for non-batch dimensions, but input has "
                           f"sizes {list(x.shape)} with dimension 2 being empty")
    starts, idxs, valids, Ts = [], [], [], []
    for i in range(D):
        start, end = _adaptive_bounds(S[i], osz[i])
        T = int((end - start).max()) if osz[i] else 1
        t = np.arange(T, dtype=np.int64)[None, :]
        idxs.append(np.minimum(start[:, None] + t, S[i] - 1))
        valids.append(t < (end - start)[:, None])
        starts.append(start)
        Ts.append(T)
    # gather (N, C, *osz, *T) windows with an open mesh of per-dim indices
    index = [slice(None), slice(None)]
    mask = np.ones((), dtype=bool)
    for i in range(D):
        shp = [1] * (2 * D)
        shp[i] = osz[i]
        shp[D + i] = Ts[i]
        index.append(idxs[i].reshape(shp))
        mask = mask & valids[i].reshape(shp)
    win = xd[tuple(index)]
    if not mask.all():
        win = np.where(mask, win, _lowest(xd.dtype))
    flat = win.reshape(N, C, *osz, -1)
    am = flat.argmax(-1) if flat.shape[-1] else np.zeros(flat.shape[:-1], dtype=np.int64)
    if xd.dtype.kind == "f" and np.isnan(xd).any():
        nan = np.isnan(flat)
        last = flat.shape[-1] - 1 - nan[..., ::-1].argmax(-1)
        am = np.where(nan.any(-1), last, am)
    ks = np.unravel_index(am, tuple(Ts))
    idx = np.zeros(am.shape, dtype=np.int64)
    for i in range(D):
        shp = [1] * (2 + D)
        shp[2 + i] = osz[i]
        idx = idx * S[i] + starts[i].reshape(shp) + ks[i]
    y = _LinearFn.apply(x, _FlatGather(idx, tuple(x.shape)))
    ind = _wrap(idx)
    if unbatched:
        y, ind = y.squeeze(0), ind.squeeze(0)
    return (y, ind) if return_indices else y


def adaptive_max_pool1d(input: Tensor, output_size, return_indices: bool = False):
    """1-D adaptive max pooling to length ``output_size``; optionally also returns argmax indices."""
    return _adaptive_max("adaptive_max_pool1d", input, output_size, return_indices, 1)


def adaptive_max_pool2d(input: Tensor, output_size, return_indices: bool = False):
    """2-D adaptive max pooling to ``output_size``; optionally also returns flat argmax indices."""
    return _adaptive_max("adaptive_max_pool2d", input, output_size, return_indices, 2)


def adaptive_max_pool3d(input: Tensor, output_size, return_indices: bool = False):
    """3-D adaptive max pooling to ``output_size``."""
    return _adaptive_max("adaptive_max_pool3d", input, output_size, return_indices, 3)


def adaptive_max_pool1d_with_indices(input, output_size, return_indices=False):
    """``adaptive_max_pool1d`` returning ``(values, indices)``."""
    return adaptive_max_pool1d(input, output_size, True)


def adaptive_max_pool2d_with_indices(input, output_size, return_indices=False):
    """``adaptive_max_pool2d`` returning ``(values, indices)``."""
    return adaptive_max_pool2d(input, output_size, True)


def adaptive_max_pool3d_with_indices(input, output_size, return_indices=False):
    """``adaptive_max_pool3d`` returning ``(values, indices)``."""
    return adaptive_max_pool3d(input, output_size, True)


def _lp_pool(x, norm_type, kernel_size, stride, ceil_mode, D, pool):
    K = _tuple(kernel_size, D, "kernel_size")
    if stride is not None:
        out = pool(x.pow(norm_type), K, stride, 0, ceil_mode)
    else:
        out = pool(x.pow(norm_type), K, padding=0, ceil_mode=ceil_mode)
    return (out.sign() * out.abs().relu()).mul(math.prod(K)).pow(1.0 / norm_type)


def lp_pool1d(input: Tensor, norm_type: float, kernel_size, stride=None, ceil_mode: bool = False) -> Tensor:
    """1-D power-average pooling: ``(sum x^p)^(1/p)`` over each window."""
    return _lp_pool(input, norm_type, kernel_size, stride, ceil_mode, 1, avg_pool1d)


def lp_pool2d(input: Tensor, norm_type: float, kernel_size, stride=None, ceil_mode: bool = False) -> Tensor:
    """2-D power-average pooling: ``(sum x^p)^(1/p)`` over each window."""
    return _lp_pool(input, norm_type, kernel_size, stride, ceil_mode, 2, avg_pool2d)


def lp_pool3d(input: Tensor, norm_type: float, kernel_size, stride=None, ceil_mode: bool = False) -> Tensor:
    """3-D power-average pooling: ``(sum x^p)^(1/p)`` over each window."""
    return _lp_pool(input, norm_type, kernel_size, stride, ceil_mode, 3, avg_pool3d)


# -------------------------------------------------------------------------------------------------- interpolation
def _scale_value(n_in: int, n_out: int, scale, ft):
    if scale is not None and scale > 0:
        return ft(1.0 / scale)
    return ft(n_in) / ft(n_out)


def _nearest_taps(n_in, n_out, scale, exact):
    j = np.arange(n_out, dtype=np.int64)
    sc = _scale_value(n_in, n_out, scale, np.float32)
    if exact:
        src = np.floor(((j + 0.5) * np.float64(sc)).astype(np.float32)).astype(np.int64)
    elif n_out == n_in:
        src = j
    elif n_out == 2 * n_in:
        src = j >> 1
    else:
        src = np.floor(j.astype(np.float32) * sc).astype(np.int64)
    return np.minimum(src, n_in - 1)[None, :], None


def _linear_taps(n_in, n_out, scale, align_corners, ft):
    j = np.arange(n_out).astype(ft)
    if align_corners:
        sc = ft(n_in - 1) / ft(n_out - 1) if n_out > 1 else ft(0)
        src = sc * j
    else:
        sc = _scale_value(n_in, n_out, scale, ft)
        src = np.maximum(sc * (j + ft(0.5)) - ft(0.5), ft(0))
    i0 = np.minimum(np.floor(src).astype(np.int64), n_in - 1)
    lam = np.clip(src - i0.astype(ft), ft(0), ft(1))
    i1 = i0 + (i0 < n_in - 1)
    return np.stack([i0, i1]), np.stack([ft(1) - lam, lam])


def _cubic_taps(n_in, n_out, scale, align_corners, ft):
    j = np.arange(n_out).astype(ft)
    if align_corners:
        sc = ft(n_in - 1) / ft(n_out - 1) if n_out > 1 else ft(0)
        src = sc * j
    else:
        sc = _scale_value(n_in, n_out, scale, ft)
        src = sc * (j + ft(0.5)) - ft(0.5)
    i0 = np.floor(src).astype(np.int64)
    t = (src - i0.astype(ft)).astype(ft)
    A = ft(-0.75)

    def c1(v):
        return ((A + 2) * v - (A + 3)) * v * v + 1

    def c2(v):
        return ((A * v - 5 * A) * v + 8 * A) * v - 4 * A

    w = np.stack([c2(t + 1), c1(t), c1(1 - t), c2(2 - t)]).astype(ft)
    idx = np.stack([np.clip(i0 - 1 + k, 0, n_in - 1) for k in range(4)])
    return idx, w


def _aa_taps(n_in, n_out, scale, align_corners, ft, cubic):
    if align_corners:
        sc = (n_in - 1) / (n_out - 1) if n_out > 1 else 0.0
    else:
        sc = 1.0 / scale if scale is not None and scale > 0 else n_in / n_out
    sc = float(ft(sc))
    half = 2.0 if cubic else 1.0
    support = float(ft(half * sc if sc >= 1.0 else half))
    T = int(math.ceil(support)) * 2 + 1
    invscale = float(ft(1.0 / sc)) if sc >= 1.0 else 1.0
    center = (sc * (np.arange(n_out, dtype=np.float64) + 0.5)).astype(ft).astype(np.float64)
    xmin = np.maximum(np.trunc(center - support + 0.5).astype(np.int64), 0)
    xsize = np.clip(np.minimum(np.trunc(center + support + 0.5).astype(np.int64), n_in) - xmin, 0, T)
    j = np.arange(T, dtype=np.int64)[:, None]
    v = np.abs(((j + xmin)[...] - center + 0.5) * invscale).astype(ft)
    if cubic:
        a = ft(-0.5)
        w = np.where(v < 1, ((a + 2) * v - (a + 3)) * v * v + 1,
                     np.where(v < 2, ((a * v - 5 * a) * v + 8 * a) * v - 4 * a, ft(0)))
    else:
        w = np.where(v < 1, ft(1) - v, ft(0))
    w = np.where(j < xsize[None, :], w, ft(0)).astype(ft)
    total = w.sum(axis=0)
    w = np.where(total != 0, w / np.where(total != 0, total, ft(1)), w).astype(ft)
    return np.minimum(xmin[None, :] + j, n_in - 1), w


_MODE_DIMS = {"linear": 1, "bilinear": 2, "bicubic": 2, "trilinear": 3}


def interpolate(input: Tensor, size=None, scale_factor=None, mode: str = "nearest", align_corners: bool | None = None,
                recompute_scale_factor: bool | None = None, antialias: bool = False) -> Tensor:
    """Resize ``input (N, C, *spatial)`` to ``size`` or by ``scale_factor`` with mode nearest, nearest-exact,
    linear, bilinear, bicubic, trilinear or area."""
    if mode in ("nearest", "area", "nearest-exact"):
        if align_corners is not None:
            raise ValueError("align_corners option can only be set with the interpolating modes: "
                             "linear | bilinear | bicubic | trilinear")
    elif align_corners is None:
        align_corners = False
    D = input.dim() - 2
    if size is not None and scale_factor is not None:
        raise ValueError("only one of size or scale_factor should be defined")
    if size is not None:
        scales = None
        if isinstance(size, (list, tuple)):
            if len(size) != D:
                raise ValueError("Input and output must have the same number of spatial dimensions, but got input "
                                 f"with spatial dimensions of {list(input.shape[2:])} and output size of {size}. "
                                 "Please provide input tensor in (N, C, d1, d2, ...,dK) format and output size in "
                                 "(o1, o2, ...,oK) format.")
            osz = [int(v) for v in size]
        else:
            osz = [int(size)] * D
    elif scale_factor is not None:
        if isinstance(scale_factor, (list, tuple)):
            if len(scale_factor) != D:
                raise ValueError("Input and scale_factor must have the same number of spatial dimensions, but got "
                                 f"input with spatial dimensions of {list(input.shape[2:])} and scale_factor of "
                                 f"shape {scale_factor}. Please provide input tensor in (N, C, d1, d2, ...,dK) "
                                 "format and scale_factor in (s1, s2, ...,sK) format.")
            scales = [float(v) for v in scale_factor]
        else:
            scales = [float(scale_factor)] * D
        osz = None
    else:
        raise ValueError("either size or scale_factor should be defined")
    if recompute_scale_factor and size is not None:
        raise ValueError("recompute_scale_factor is not meaningful with an explicit size.")
    if mode == "area" and osz is None:
        recompute_scale_factor = True
    if recompute_scale_factor:
        osz = [int(math.floor(float(input.shape[2 + i]) * scales[i])) for i in range(D)]
        scales = None
    if antialias and not (mode in ("bilinear", "bicubic") and input.dim() == 4):
        if mode == "lanczos" and input.dim() == 4:
            raise NotImplementedError("interpolate(mode='lanczos') is not supported")
        raise ValueError("Anti-alias option is restricted to bilinear, bicubic, and lanczos modes and requires a "
                         "4-D tensor as input")
    want = _MODE_DIMS.get(mode)
    if want is not None and want != D:
        raise NotImplementedError(f"Got {input.dim()}D input, but {mode} mode needs {want + 2}D input")
    if mode not in ("nearest", "nearest-exact", "area", *_MODE_DIMS):
        raise NotImplementedError(f"Input Error: Only 3D, 4D and 5D input Tensors supported (got {input.dim()}D) "
                                  f"for the modes: nearest | linear | bilinear | bicubic | trilinear | lanczos | area "
                                  f"| nearest-exact (got {mode})")
    if D < 1 or D > 3:
        raise NotImplementedError(f"Input Error: Only 3D, 4D and 5D input Tensors supported (got {input.dim()}D) "
                                  f"for the modes: nearest | linear | bilinear | bicubic | trilinear | lanczos | area "
                                  f"| nearest-exact (got {mode})")
    S = input.shape[2:]
    if osz is None:
        osz = [int(float(S[i]) * scales[i]) for i in range(D)]
    if any(v <= 0 for v in osz) or any(v <= 0 for v in S):
        names = ["D", "H", "W"][3 - D:]
        ins = ", ".join(f"{n}: {v}" for n, v in zip(names, S))
        outs = ", ".join(f"{n}: {v}" for n, v in zip(names, osz))
        raise RuntimeError(f"Input and output sizes should be greater than 0, but got input ({ins}) output ({outs})")
    if mode == "area":
        return _adaptive_avg(f"adaptive_avg_pool{D}d", input, tuple(osz), D)
    if input._data.dtype.kind != "f" and mode not in ("nearest", "nearest-exact"):
        raise RuntimeError(f"\"upsample_{mode}\" not implemented for '{_dtname(input._data.dtype)}'")
    ft = np.float64 if input._data.dtype == np.float64 else np.float32
    axes = []
    for i in range(D):
        sc = scales[i] if scales is not None else None
        if antialias:
            if S[i] == osz[i]:
                continue
            idx, w = _aa_taps(S[i], osz[i], sc, align_corners, ft, mode == "bicubic")
        elif mode in ("nearest", "nearest-exact"):
            idx, w = _nearest_taps(S[i], osz[i], sc, mode == "nearest-exact")
        elif mode == "bicubic":
            idx, w = _cubic_taps(S[i], osz[i], sc, align_corners, ft)
        else:
            idx, w = _linear_taps(S[i], osz[i], sc, align_corners, ft)
        axes.append((2 + i, S[i], idx, w))
    return _LinearFn.apply(input, _AxisTaps(axes[::-1]))


def upsample(input: Tensor, size=None, scale_factor=None, mode: str = "nearest", align_corners=None) -> Tensor:
    """Deprecated alias of ``interpolate``."""
    warnings.warn("`nn.functional.upsample` is deprecated. Use `nn.functional.interpolate` instead.", stacklevel=2)
    return interpolate(input, size, scale_factor, mode, align_corners)


def upsample_nearest(input: Tensor, size=None, scale_factor=None) -> Tensor:
    """Deprecated: ``interpolate(..., mode='nearest')``."""
    warnings.warn("`nn.functional.upsample_nearest` is deprecated. Use `nn.functional.interpolate` instead.",
                  stacklevel=2)
    return interpolate(input, size, scale_factor, mode="nearest")


def upsample_bilinear(input: Tensor, size=None, scale_factor=None) -> Tensor:
    """Deprecated: ``interpolate(..., mode='bilinear', align_corners=True)``."""
    warnings.warn("`nn.functional.upsample_bilinear` is deprecated. Use `nn.functional.interpolate` instead.",
                  stacklevel=2)
    return interpolate(input, size, scale_factor, mode="bilinear", align_corners=True)


# ------------------------------------------------------------------------------------------ pixel shuffle, padding
def pixel_shuffle(input: Tensor, upscale_factor: int) -> Tensor:
    """Rearrange ``(*, C*r^2, H, W)`` into ``(*, C, H*r, W*r)``."""
    r = int(upscale_factor)
    if input.dim() < 3:
        raise RuntimeError(f"pixel_shuffle expects input to have at least 3 dimensions, but got input with "
                           f"{input.dim()} dimension(s)")
    if r <= 0:
        raise RuntimeError(f"pixel_shuffle expects a positive upscale_factor, but got {r}")
    *lead, C, H, W = input.shape
    if C % (r * r):
        raise RuntimeError(f"pixel_shuffle expects its input's 'channel' dimension to be divisible by the square of "
                           f"upscale_factor, but input.size(-3)={C} is not divisible by {r * r}")
    n = len(lead)
    y = input.reshape(*lead, C // (r * r), r, r, H, W)
    y = y.permute(*range(n), n, n + 3, n + 1, n + 4, n + 2)
    return y.reshape(*lead, C // (r * r), H * r, W * r)


def pixel_unshuffle(input: Tensor, downscale_factor: int) -> Tensor:
    """Rearrange ``(*, C, H*r, W*r)`` into ``(*, C*r^2, H, W)`` (inverse of ``pixel_shuffle``)."""
    r = int(downscale_factor)
    if input.dim() < 3:
        raise RuntimeError(f"pixel_unshuffle expects input to have at least 3 dimensions, but got input with "
                           f"{input.dim()} dimension(s)")
    if r <= 0:
        raise RuntimeError(f"pixel_unshuffle expects a positive downscale_factor, but got {r}")
    *lead, C, H, W = input.shape
    if H % r:
        raise RuntimeError(f"pixel_unshuffle expects height to be divisible by downscale_factor, but "
                           f"input.size(-2)={H} is not divisible by {r}")
    if W % r:
        raise RuntimeError(f"pixel_unshuffle expects width to be divisible by downscale_factor, but "
                           f"input.size(-1)={W} is not divisible by {r}")
    n = len(lead)
    y = input.reshape(*lead, C, H // r, r, W // r, r)
    y = y.permute(*range(n), n, n + 2, n + 4, n + 1, n + 3)
    return y.reshape(*lead, C * r * r, H // r, W // r)


def _pad(input: Tensor, pad: Sequence[int], mode: str = "constant", value: float | None = None) -> Tensor:
    """``F.pad``: ``pad`` lists (left, right) amounts from the last dimension backwards; modes constant, reflect,
    replicate, circular (the latter three pad the trailing 1-3 dims of a batched or unbatched input)."""
    pad = [int(v) for v in pad]
    if len(pad) % 2:
        raise RuntimeError("Padding length must be divisible by 2")
    if len(pad) // 2 > input.dim():
        raise RuntimeError("Padding length should be less than or equal to two times the input dimension but got "
                           f"padding length {len(pad)} and input of dimension {input.dim()}")
    npd = len(pad) // 2
    pairs = [(pad[2 * i], pad[2 * i + 1]) for i in range(npd)][::-1]
    if mode == "constant":
        v = 0.0 if value is None else value
        for i, (lo, hi) in enumerate(pairs):
            n = input.shape[input.dim() - npd + i]
            if n + lo + hi < 0:
                raise RuntimeError(f"The input size {n}, plus negative padding {lo} and {hi} resulted in a negative "
                                   f"output size, which is invalid. Check dimension {input.dim() - npd + i} of your "
                                   "input.")
        return _LinearFn.apply(input, _PadOp(tuple(pairs), v))
    if value is not None and value != 0:
        raise RuntimeError(f"Padding mode \"{mode}\" doesn't take in value argument")
    if mode not in ("reflect", "replicate", "circular"):
        raise NotImplementedError(f"Unrecognised padding mode {mode}")
    if not (input.dim() - 1 <= npd + 1 <= input.dim()) or npd > 3:
        raise NotImplementedError(
            f"Padding size {len(pad)} is not supported for {input.dim()}D input tensor.\n"
            "Supported combinations for non-constant padding:\n"
            "  - 2D or 3D input: padding size = 2 (pads last dimension)\n"
            "  - 3D or 4D input: padding size = 4 (pads last 2 dimensions)\n"
            "  - 4D or 5D input: padding size = 6 (pads last 3 dimensions)")
    axes = []
    for i, (lo, hi) in enumerate(pairs):
        ax = input.dim() - npd + i
        n = input.shape[ax]
        j = np.arange(-lo, n + hi, dtype=np.int64)
        if mode == "reflect":
            if lo >= n or hi >= n:
                raise RuntimeError(f"Argument #4: Padding size should be less than the corresponding input dimension, "
                                   f"but got: padding ({lo}, {hi}) at dimension {ax} of input {list(input.shape)}")
            j = np.abs(j)
            j = np.where(j >= n, 2 * (n - 1) - j, j)
        elif mode == "replicate":
            if n == 0:
                raise RuntimeError("padding size is expected to be non-negative")
            j = np.clip(j, 0, n - 1)
        else:
            if lo > n or hi > n:
                raise RuntimeError("Padding value causes wrapping around more than once.")
            j = np.mod(j, n)
        axes.append((ax, n, j[None, :], None))
    return _LinearFn.apply(input, _AxisTaps(axes))


# ------------------------------------------------------------------------------------------------- unfold / fold
def unfold(input: Tensor, kernel_size, dilation=1, padding=0, stride=1) -> Tensor:
    """Extract sliding local blocks: ``(N, C, H, W) -> (N, C*kH*kW, L)`` (im2col)."""
    if input.dim() < 3:
        n = max(input.dim(), 1)
        raise IndexError(f"Dimension out of range (expected to be in range of [{-n}, {n - 1}], but got {n})")
    if input.dim() not in (3, 4):
        raise RuntimeError("Expected 3D or 4D (batch mode) tensor with possibly 0 batch size and other non-zero "
                           f"dimensions for input, but got: {list(input.shape)}")
    unbatched = input.dim() == 3
    x = input.unsqueeze(0) if unbatched else input
    K = _tuple(kernel_size, 2, "kernel_size")
    d = _tuple(dilation, 2, "dilation")
    p = _tuple(padding, 2, "padding")
    s = _tuple(stride, 2, "stride")
    S = tuple(x.shape[2:])
    out = tuple((S[i] + 2 * p[i] - d[i] * (K[i] - 1) - 1) // s[i] + 1 for i in range(2))
    if any(v <= 0 for v in out):
        raise RuntimeError(f"Given input with spatial size ({S[0]}, {S[1]}), kernel_size=({K[0]}, {K[1]}), "
                           f"dilation=({d[0]}, {d[1]}), padding=({p[0]}, {p[1]}), calculated shape of the array of "
                           f"sliding blocks as ({out[0]}, {out[1]}), but its components must be at least one.")
    y = _LinearFn.apply(x, _WindowOp(S, K, s, tuple((v, v) for v in p), d, out, layout="unfold"))
    return y.squeeze(0) if unbatched else y


def fold(input: Tensor, output_size, kernel_size, dilation=1, padding=0, stride=1) -> Tensor:
    """Combine sliding blocks ``(N, C*kH*kW, L)`` into ``(N, C, *output_size)``, summing overlaps (col2im)."""
    if input.dim() not in (2, 3):
        raise RuntimeError("Expected 2D or 3D (batch mode) tensor with possibly 0 batch size and non-zero dimensions "
                           f"for input, but got: {list(input.shape)}")
    unbatched = input.dim() == 2
    x = input.unsqueeze(0) if unbatched else input
    S = _tuple(output_size, 2, "output_size")
    K = _tuple(kernel_size, 2, "kernel_size")
    d = _tuple(dilation, 2, "dilation")
    p = _tuple(padding, 2, "padding")
    s = _tuple(stride, 2, "stride")
    kk = K[0] * K[1]
    if x.shape[1] % kk:
        raise RuntimeError(f"Expected size of input's dimension 1 to be divisible by the product of kernel_size, but "
                           f"got input.size(1)={x.shape[1]} and kernel_size=({K[0]}, {K[1]}).")
    out = tuple((S[i] + 2 * p[i] - d[i] * (K[i] - 1) - 1) // s[i] + 1 for i in range(2))
    if out[0] * out[1] != x.shape[2]:
        raise RuntimeError(f"Given output_size=({S[0]}, {S[1]}), kernel_size=({K[0]}, {K[1]}), dilation=({d[0]}, "
                           f"{d[1]}), padding=({p[0]}, {p[1]}), stride=({s[0]}, {s[1]}), expected size of input's "
                           f"dimension 2 to match the calculated number of sliding blocks {out[0]} * {out[1]} = "
                           f"{out[0] * out[1]}, but got input.size(2)={x.shape[2]}.")
    op = _WindowOp(S, K, s, tuple((v, v) for v in p), d, out, layout="unfold")
    y = _LinearFn.apply(x, op, True)
    return y.squeeze(0) if unbatched else y


# ------------------------------------------------------------------------------------------------------ max unpool
def _max_unpool(name: str, input: Tensor, indices: Tensor, kernel_size, stride, padding, output_size, n: int) -> Tensor:
    k = _tuple(kernel_size, n, "kernel_size")
    s = _tuple(stride if stride is not None else kernel_size, n, "stride")
    p = _tuple(padding, n, "padding")
    if input.dim() not in (n + 1, n + 2):
        raise RuntimeError(f"{name}: expected {n + 1}D or {n + 2}D input, but got input of shape {tuple(input.shape)}")
    if tuple(indices.shape) != tuple(input.shape):
        raise RuntimeError(f"{name}: Expected shape of indices to be same as that of the input tensor "
                           f"({tuple(input.shape)}) but got indices tensor with shape: {tuple(indices.shape)}")
    spatial_in = tuple(input.shape[-n:])
    default = tuple((spatial_in[i] - 1) * s[i] - 2 * p[i] + k[i] for i in range(n))
    if output_size is None:
        out = default
    else:
        out = tuple(int(v) for v in (output_size.tolist() if isinstance(output_size, Tensor) else output_size))
        if len(out) == n + 2:
            out = out[-n:]
        if len(out) != n:
            raise ValueError(f"output_size should be a sequence containing {n} or {n + 2} elements, "
                             f"but it has a length of '{len(out)}'")
        for i in range(n):
            lo, hi = default[i] - s[i], default[i] + s[i]
            if not lo < out[i] < hi:
                raise ValueError(f"invalid output_size {out} (dim {i} must be between {lo} and {hi})")
    lead = tuple(input.shape[:-n])
    plane = math.prod(out)
    flat_idx = indices.reshape(*lead, -1)
    bad = ((flat_idx < 0) | (flat_idx >= plane)).reshape(-1).nonzero()
    if bad.numel():
        raise RuntimeError(f"Found an invalid max index: {int(flat_idx.reshape(-1)[bad[0, 0]].item())} "
                           f"(output volumes are of size {'x'.join(map(str, out))})")
    base = input.new_zeros((*lead, plane))
    return base.scatter(-1, flat_idx, input.reshape(*lead, -1)).reshape(*lead, *out)


def max_unpool1d(input: Tensor, indices: Tensor, kernel_size, stride=None, padding=0, output_size=None) -> Tensor:
    """Partial inverse of ``max_pool1d``: places each value at its argmax index, zeros elsewhere."""
    return _max_unpool("max_unpool1d", input, indices, kernel_size, stride, padding, output_size, 1)


def max_unpool2d(input: Tensor, indices: Tensor, kernel_size, stride=None, padding=0, output_size=None) -> Tensor:
    """Partial inverse of ``max_pool2d``: places each value at its flat ``H*W`` argmax index, zeros elsewhere."""
    return _max_unpool("max_unpool2d", input, indices, kernel_size, stride, padding, output_size, 2)


def max_unpool3d(input: Tensor, indices: Tensor, kernel_size, stride=None, padding=0, output_size=None) -> Tensor:
    """Partial inverse of ``max_pool3d``."""
    return _max_unpool("max_unpool3d", input, indices, kernel_size, stride, padding, output_size, 3)


__all__ += ["max_unpool1d", "max_unpool2d", "max_unpool3d"]
