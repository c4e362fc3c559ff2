"""Gradient clipping: ``clip_grad_norm_``, ``clip_grad_value_`` and their building blocks."""
from __future__ import annotations

import math
import os
import types
import warnings
from collections.abc import Iterable
from fractions import Fraction

import numpy as np

from ..._tensor import Tensor, _wrap

__all__ = ["clip_grad_norm", "clip_grad_norm_", "clip_grad_value_", "get_total_norm", "clip_grads_with_norm_"]

_TensorOrTensors = Tensor | Iterable[Tensor]


def _vector_bytes() -> int:
    """Width in bytes of the SIMD vectors torch's CPU kernels use (its 2-norm sums lane by lane)."""
    cap = os.environ.get("ATEN_CPU_CAPABILITY", "").lower()
    if cap:
        return 64 if cap == "avx512" else 32
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("flags"):
                    flags = set(line.split(":", 1)[1].split())
                    if {"avx512f", "avx512bw", "avx512vl", "avx512dq"} <= flags:
                        return 64
                    break
    except OSError:
        pass
    return 32


_VBYTES = _vector_bytes()
_CHUNK_ROWS = 4096


def _round(exact: Fraction, dt: np.dtype):
    """``exact`` rounded once (to nearest, ties to even) to the float type ``dt``."""
    d = float(exact)
    f = dt.type(d)
    if dt == np.float64 or float(f) == d:
        return f
    other = np.nextafter(f, dt.type(np.inf) if float(f) < d else dt.type(-np.inf))
    mid = (Fraction(float(f)) + Fraction(float(other))) / 2
    if Fraction(d) != mid:
        return f
    return other if (exact > mid) == (float(other) > float(f)) else f


def _norm2(x: np.ndarray) -> np.ndarray:
    """The 2-norm summed the way torch's vectorised CPU kernel does.

    Squares are added per SIMD lane, the lanes are folded left to right, and the leftover
    elements are added one by one: in groups of four with rounded squares, the last few with a
    fused multiply-add (as torch's compiled kernel does).
    """
    dt = x.dtype
    x = x.reshape(-1)
    w = _VBYTES // dt.itemsize
    n = x.size
    main = n - n % w
    total = dt.type(0)
    if main:
        rows = x[:main].reshape(-1, w)
        acc = np.zeros((1, w), dtype=dt)
        for s in range(0, rows.shape[0], _CHUNK_ROWS):
            blk = rows[s:s + _CHUNK_ROWS]
            acc = np.cumsum(np.concatenate([acc, blk * blk]), axis=0, dtype=dt)[-1:]
        acc = acc[0]
        total = acc[0]
        for j in range(1, w):
            total = dt.type(total + acc[j])
    tail = x[main:]
    q = (tail.size // 4) * 4
    for v in tail[:q]:
        total = dt.type(total + v * v)
    for v in tail[q:]:
        if np.isfinite(v) and np.isfinite(total):
            total = _round(Fraction(float(v)) ** 2 + Fraction(float(total)), dt)
        else:
            total = dt.type(total + v * v)
    return np.sqrt(total)


def _vector_norm(x: np.ndarray, p: float) -> np.ndarray:
    """``torch.linalg.vector_norm(x, p)`` of a floating-point array, as a 0-d array of x's dtype."""
    dt = x.dtype
    if x.size == 0:
        return np.zeros((), dtype=dt)
    if p == 2.0 and dt in (np.float32, np.float64):
        return np.asarray(_norm2(x), dtype=dt)
    a = np.abs(x.astype(np.float64))
    if p == math.inf:
        r = a.max()
    elif p == -math.inf:
        r = a.min()
    elif p == 0:
        r = np.count_nonzero(a)
    elif p == 1:
        r = a.sum()
    else:
        r = np.sum(a ** p) ** (1.0 / p)
    return np.asarray(r, dtype=dt)


def get_total_norm(tensors: _TensorOrTensors, norm_type: float = 2.0, error_if_nonfinite: bool = False,
                   foreach: bool | None = None) -> Tensor:
    """The ``norm_type``-norm of the per-tensor norms of ``tensors``, as if they were one vector."""
    if isinstance(tensors, Tensor):
        tensors = [tensors]
    else:
        tensors = list(tensors)
    norm_type = float(norm_type)
    if not tensors:
        return _wrap(np.zeros((), dtype=np.float32))
    groups: dict = {}
    for t in tensors:
        groups.setdefault(t._data.dtype, []).append(t)
    norms = [_vector_norm(t._data, norm_type) for ts in groups.values() for t in ts]
    stacked = np.stack(norms).astype(np.result_type(*norms))
    total = _vector_norm(stacked, norm_type)
    if error_if_nonfinite and not np.isfinite(total):
        raise RuntimeError(f"The total norm of order {norm_type} for gradients from `parameters` is non-finite, "
                           "so it cannot be clipped. To disable this error and scale the gradients by the "
                           "non-finite norm anyway, set `error_if_nonfinite=False`")
    return _wrap(total)


def clip_grads_with_norm_(parameters: _TensorOrTensors, max_norm: float, total_norm: Tensor,
                          foreach: bool | None = None) -> None:
    """Scale the gradients in place by ``min(max_norm / (total_norm + 1e-6), 1)``."""
    if isinstance(parameters, Tensor):
        parameters = [parameters]
    grads = [p.grad for p in parameters if p.grad is not None]
    max_norm = float(max_norm)
    if not grads:
        return
    tn = total_norm._data
    coef = np.minimum(np.reciprocal(tn + tn.dtype.type(1e-6)) * tn.dtype.type(max_norm), tn.dtype.type(1.0))
    for g in grads:
        a = g._data
        np.multiply(a, coef.astype(a.dtype), out=a)
        g._vc[0] += 1


def clip_grad_norm_(parameters: _TensorOrTensors, max_norm: float, norm_type: float = 2.0,
                    error_if_nonfinite: bool = False, foreach: bool | None = None) -> Tensor:
    """Rescale the gradients in place so that their total norm is at most ``max_norm``.

    The total norm is the norm of the per-parameter gradient norms; it is returned (before clipping).
    """
    if isinstance(parameters, Tensor):
        parameters = [parameters]
    else:
        is_generator = isinstance(parameters, types.GeneratorType)
        parameters = list(parameters)
        if is_generator and not parameters:
            warnings.warn("`parameters` is an empty generator, no gradient clipping will occur.", stacklevel=2)
    grads = [p.grad for p in parameters if p.grad is not None]
    total_norm = get_total_norm(grads, norm_type, error_if_nonfinite, foreach)
    clip_grads_with_norm_(parameters, max_norm, total_norm, foreach)
    return total_norm


def clip_grad_norm(parameters: _TensorOrTensors, max_norm: float, norm_type: float = 2.0,
                   error_if_nonfinite: bool = False, foreach: bool | None = None) -> Tensor:
    """Deprecated alias of ``clip_grad_norm_``."""
    warnings.warn("`torch.nn.utils.clip_grad_norm` is now deprecated in favor of "
                  "`torch.nn.utils.clip_grad_norm_`.", FutureWarning, stacklevel=2)
    return clip_grad_norm_(parameters, max_norm, norm_type, error_if_nonfinite, foreach)


def clip_grad_value_(parameters: _TensorOrTensors, clip_value: float, foreach: bool | None = None) -> None:
    """Clamp every gradient in place to ``[-clip_value, clip_value]``."""
    if isinstance(parameters, Tensor):
        parameters = [parameters]
    clip_value = float(clip_value)
    for p in parameters:
        g = p.grad
        if g is not None:
            a = g._data
            np.clip(a, a.dtype.type(-clip_value), a.dtype.type(clip_value), out=a)
            g._vc[0] += 1
