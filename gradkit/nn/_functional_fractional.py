"""Fractional max pooling (Graham, 2014): max pooling whose window starts follow a pseudo-random increasing
sequence, so the output size can be any fraction of the input size."""
from __future__ import annotations

import numpy as np

from .._tensor import Tensor, _wrap
from ..autograd import ops as O

__all__ = ["fractional_max_pool2d", "fractional_max_pool2d_with_indices", "fractional_max_pool3d",
           "fractional_max_pool3d_with_indices"]


def _ntuple(v, n: int) -> tuple:
    return tuple(v) if isinstance(v, (tuple, list)) else (v,) * n


def _intervals(sample: np.ndarray, in_size: int, out_size: int, pool: int) -> np.ndarray:
    """Window starts for each plane: ``int((i + u) * alpha) - int(u * alpha)``, the last one flush right."""
    dt = sample.dtype.type
    seq = np.empty(sample.shape + (out_size,), np.int64)
    if out_size > 1:
        alpha = dt(in_size - pool) / dt(out_size - 1)
        i = np.arange(out_size - 1).astype(sample.dtype)
        seq[..., :-1] = (((i + sample[..., None]) * alpha).astype(np.int64)
                         - (sample * alpha).astype(np.int64)[..., None])
    if out_size > 0:
        seq[..., -1] = in_size - pool
    return seq


def _fractional(name: str, nd: int, input: Tensor, kernel_size, output_size, output_ratio, samples):
    k = _ntuple(kernel_size, nd)
    if output_size is None and output_ratio is None:
        raise ValueError(f"{name} requires specifying either an output_size or an output_ratio")
    batched = input.dim() == nd + 2
    if input.dim() not in (nd + 1, nd + 2):
        raise RuntimeError(f"{name}(): Expected {nd + 1}D or {nd + 2}D tensor, but got: {list(input.shape)}")
    spatial = tuple(input.shape[-nd:])
    if output_size is None:
        ratio = _ntuple(output_ratio, nd)
        if len(ratio) > nd:
            raise ValueError(f"{name} requires output_ratio to either be a single Int or tuple of Ints.")
        output_size = [int(spatial[d] * ratio[d]) for d in range(nd)]
    out = _ntuple(output_size, nd)
    for d in range(nd):
        if out[d] + k[d] - 1 > spatial[d]:
            raise RuntimeError(f"{name}_out(): pool size {k[d]} too large relative to input size {spatial[d]} "
                               f"and output size {out[d]}")
    x = input if batched else input.unsqueeze(0)
    N, C = x.shape[0], x.shape[1]
    if samples is None:
        from .. import _random_ops
        samples = _random_ops.rand(N, C, nd, dtype=input.dtype)
    s = samples._data
    if s.dtype != input._data.dtype:
        raise RuntimeError("Expect _random_samples to have the same dtype as input")
    if s.ndim != 3 or s.shape[0] < N or s.shape[1] != C or s.shape[2] != nd:
        raise RuntimeError(f"Expect _random_samples of shape ({N}, {C}, {nd}); got {list(s.shape)}")
    s = s[:N]
    order = [1, 0] if nd == 2 else [0, 1, 2]                    # which random sample drives each spatial dim
    starts = [_intervals(s[..., order[d]], spatial[d], out[d], k[d]) for d in range(nd)]
    strides = [int(np.prod(spatial[d + 1:])) for d in range(nd)]
    idx = np.zeros((N, C) + out + k, np.int64)
    for d in range(nd):
        shape_o = [1] * nd
        shape_o[d] = out[d]
        shape_k = [1] * nd
        shape_k[d] = k[d]
        pos = starts[d].reshape((N, C) + tuple(shape_o) + (1,) * nd) + \
            np.arange(k[d]).reshape((1, 1) + (1,) * nd + tuple(shape_k))
        idx = idx + pos * strides[d]
    flat_idx = idx.reshape(N, C, -1)
    vals = O.gather(x.reshape(N, C, -1), 2, _wrap(np.ascontiguousarray(flat_idx)))
    vals = vals.reshape((N, C) + out + (int(np.prod(k)),))
    best, arg = O.max(vals, -1)
    ind = np.take_along_axis(idx.reshape((N, C) + out + (-1,)), arg._data[..., None], -1)[..., 0]
    ind_t = _wrap(ind)
    if not batched:
        best, ind_t = best.squeeze(0), ind_t.squeeze(0)
    return best, ind_t


def fractional_max_pool2d_with_indices(input: Tensor, kernel_size, output_size=None, output_ratio=None,
                                       return_indices: bool = False, _random_samples: Tensor | None = None):
    """``(output, indices)`` of 2-D fractional max pooling (indices are flat positions in each plane)."""
    return _fractional("fractional_max_pool2d", 2, input, kernel_size, output_size, output_ratio, _random_samples)


def fractional_max_pool2d(input: Tensor, kernel_size, output_size=None, output_ratio=None,
                          return_indices: bool = False, _random_samples: Tensor | None = None):
    """2-D fractional max pooling to ``output_size`` (or ``output_ratio`` of the input size)."""
    out, ind = fractional_max_pool2d_with_indices(input, kernel_size, output_size, output_ratio, return_indices,
                                                  _random_samples)
    return (out, ind) if return_indices else out


def fractional_max_pool3d_with_indices(input: Tensor, kernel_size, output_size=None, output_ratio=None,
                                       return_indices: bool = False, _random_samples: Tensor | None = None):
    """``(output, indices)`` of 3-D fractional max pooling."""
    return _fractional("fractional_max_pool3d", 3, input, kernel_size, output_size, output_ratio, _random_samples)


def fractional_max_pool3d(input: Tensor, kernel_size, output_size=None, output_ratio=None,
                          return_indices: bool = False, _random_samples: Tensor | None = None):
    """3-D fractional max pooling to ``output_size`` (or ``output_ratio`` of the input size)."""
    out, ind = fractional_max_pool3d_with_indices(input, kernel_size, output_size, output_ratio, return_indices,
                                                  _random_samples)
    return (out, ind) if return_indices else out

