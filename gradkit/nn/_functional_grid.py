"""``grid_sample`` and ``affine_grid``: sampling an image at arbitrary (normalized) locations, the two halves of a
spatial transformer. Both are built from differentiable tensor ops, so gradients reach the input, the grid and
the affine matrices."""
from __future__ import annotations

import itertools
import warnings

import numpy as np

from .._tensor import Tensor, _wrap
from ..autograd import ops as O
from ..autograd.grad_mode import is_grad_enabled

__all__ = ["grid_sample", "affine_grid"]

_ALIGN_MSG = ("Default grid_sample and affine_grid behavior has changed to align_corners=False since 1.3.0. Please "
              "specify align_corners=True if the old behavior is desired. See the documentation of grid_sample for "
              "details.")


def _linspace_from_neg_one(n: int, align_corners: bool, dt) -> np.ndarray:
    if n <= 1:
        return np.zeros(max(n, 0), dt)
    r = np.linspace(-1, 1, n, dtype=dt)
    if not align_corners:
        r = r * ((n - 1) / n)
    return r.astype(dt)


def affine_grid(theta: Tensor, size, align_corners: bool | None = None) -> Tensor:
    """The sampling grid (``N x H x W x 2`` or ``N x D x H x W x 3``) that the affine matrices ``theta`` map
    the output pixel centers to, in normalized ``[-1, 1]`` coordinates."""
    if align_corners is None:
        warnings.warn(_ALIGN_MSG, stacklevel=2)
        align_corners = False
    if not theta.is_floating_point():
        raise ValueError(f"Expected theta to have floating point type, but got {theta.dtype}")
    given = size
    size = list(size)
    if len(size) == 4:
        if theta.dim() != 3 or theta.shape[-2] != 2 or theta.shape[-1] != 3:
            raise ValueError(f"Expected a batch of 2D affine matrices of shape Nx2x3 for size {given}. "
                             f"Got {theta.shape}.")
        spatial = size[-2:]
    elif len(size) == 5:
        if theta.dim() != 3 or theta.shape[-2] != 3 or theta.shape[-1] != 4:
            raise ValueError(f"Expected a batch of 3D affine matrices of shape Nx3x4 for size {given}. "
                             f"Got {theta.shape}.")
        spatial = size[-3:]
    else:
        raise NotImplementedError(f"affine_grid only supports 4D and 5D sizes, for 2D and 3D affine transforms, "
                                  f"respectively. Got size {_size_str(size)}.")
    if align_corners and min(spatial) == 1:
        warnings.warn("Since version 1.3.0, affine_grid behavior has changed for unit-size grids when "
                      "align_corners=True. This is not an intended use case of affine_grid. See the documentation "
                      "of affine_grid for details.", stacklevel=2)
    elif min(size) <= 0:
        raise ValueError(f"Expected non-zero, positive output size. Got {_size_str(size)}")
    N = size[0]
    if theta.shape[0] != N:
        raise RuntimeError(f"affine_grid: theta has batch size {theta.shape[0]} but size asks for {N}")
    dt = theta._data.dtype
    axes = [_linspace_from_neg_one(s, align_corners, dt) for s in spatial]   # (D,) H, W
    nd = len(spatial)
    mesh = np.meshgrid(*axes, indexing="ij")                                 # each spatial-shaped
    base = np.stack([mesh[nd - 1 - k] for k in range(nd)] + [np.ones(tuple(spatial), dt)], -1)  # x, y, (z), 1
    base = base.reshape(1, -1, nd + 1)
    grid = O.matmul(_wrap(np.ascontiguousarray(base)), theta.transpose(1, 2))   # (N, L, nd)
    return grid.reshape([N] + list(spatial) + [nd])


def _size_str(size) -> str:
    return f"torch.Size([{', '.join(str(int(s)) for s in size)}])"


# -------------------------------------------------------------------------------------------------------------
def _unnormalize(coord: Tensor, size: int, align_corners: bool) -> Tensor:
    if align_corners:
        return (coord + 1) * ((size - 1) / 2)
    return ((coord + 1) * size - 1) / 2


def _clip(coord: Tensor, size: int) -> Tensor:
    return O.clamp(coord, 0, size - 1)


def _reflect(coord: Tensor, twice_low: int, twice_high: int) -> Tensor:
    if twice_low == twice_high:
        return coord * 0
    lo = twice_low / 2
    span = (twice_high - twice_low) / 2
    c = O.abs(coord - lo)
    extra = O.fmod(c, span)
    flips = np.floor(c._data / span)
    even = _wrap(np.ascontiguousarray(np.mod(flips, 2) == 0))
    return O.where(even, extra + lo, (extra * -1) + (span + lo))


def _source_index(coord: Tensor, size: int, padding_mode: str, align_corners: bool) -> Tensor:
    c = _unnormalize(coord, size, align_corners)
    if padding_mode == "border":
        c = _clip(c, size)
    elif padding_mode == "reflection":
        c = _reflect(c, 0, 2 * (size - 1)) if align_corners else _reflect(c, -1, 2 * size - 1)
        c = _clip(c, size)
    return c


def _np_reflect(c: np.ndarray, twice_low: int, twice_high: int) -> np.ndarray:
    if twice_low == twice_high:
        return np.zeros_like(c)
    lo = twice_low / 2
    span = (twice_high - twice_low) / 2
    c = np.abs(c - lo)
    extra = np.fmod(c, span)
    flips = np.floor(c / span)
    return np.where(np.mod(flips, 2) == 0, extra + lo, span - extra + lo)


def _np_coords(c: np.ndarray, size: int, padding_mode: str, align_corners: bool) -> np.ndarray:
    """Integer tap coordinates after padding (bicubic): border clips, reflection mirrors then clips."""
    if padding_mode == "border":
        c = np.clip(c, 0, size - 1)
    elif padding_mode == "reflection":
        c = _np_reflect(c, 0, 2 * (size - 1)) if align_corners else _np_reflect(c, -1, 2 * size - 1)
        c = np.clip(c, 0, size - 1)
    return c


class _Taps:
    """Gathers ``input`` values at integer spatial coordinates (zero outside the image)."""

    def __init__(self, input: Tensor, sizes_xyz: tuple) -> None:
        N, C = input.shape[0], input.shape[1]
        self.N, self.C = N, C
        self.flat = input.reshape(N, C, -1)
        self.sizes = sizes_xyz
        strides, acc = [], 1
        for s in sizes_xyz:
            strides.append(acc)
            acc *= s
        self.strides = strides

    def __call__(self, coords: list) -> Tensor:
        mask = np.ones(coords[0].shape, bool)
        lin = np.zeros(coords[0].shape, np.int64)
        for c, s, st in zip(coords, self.sizes, self.strides):
            ci = c.astype(np.int64)
            mask &= (c >= 0) & (c <= s - 1)
            lin += np.clip(ci, 0, s - 1) * st
        N, C = self.N, self.C
        L = lin.shape[-1]
        idx = _wrap(np.ascontiguousarray(np.broadcast_to(lin[:, None, :], (N, C, L))))
        v = O.gather(self.flat, 2, idx)
        if not mask.all():
            v = v * _wrap(mask[:, None, :].astype(self.flat._data.dtype))
        return v


def _cubic1(x: Tensor, A: float) -> Tensor:
    return ((x * (A + 2) - (A + 3)) * x) * x + 1


def _cubic2(x: Tensor, A: float) -> Tensor:
    return ((x * A - 5 * A) * x + 8 * A) * x - 4 * A


def _cubic_coeffs(t: Tensor) -> list:
    A = -0.75
    return [_cubic2(t + 1, A), _cubic1(t, A), _cubic1(1 - t, A), _cubic2(2 - t, A)]


def grid_sample(input: Tensor, grid: Tensor, mode: str = "bilinear", padding_mode: str = "zeros",
                align_corners: bool | None = None) -> Tensor:
    """Sample ``input`` at the normalized locations ``grid`` (``x, y[, z]`` in ``[-1, 1]``) with
    bilinear / nearest / bicubic interpolation; out-of-range locations follow ``padding_mode``."""
    if mode not in ("bilinear", "nearest", "bicubic"):
        raise ValueError(f"nn.functional.grid_sample(): expected mode to be 'bilinear', 'nearest' or 'bicubic', "
                         f"but got: '{mode}'")
    if padding_mode not in ("zeros", "border", "reflection"):
        raise ValueError("nn.functional.grid_sample(): expected padding_mode to be 'zeros', 'border', or "
                         f"'reflection', but got: '{padding_mode}'")
    if align_corners is None:
        warnings.warn(_ALIGN_MSG, stacklevel=2)
        align_corners = False
    if input.dtype != grid.dtype:
        raise RuntimeError(f"grid_sampler(): expected input and grid to have same dtype, but input has "
                           f"{input.dtype} and grid has {grid.dtype}")
    if input.dim() not in (4, 5) or input.dim() != grid.dim():
        raise RuntimeError(f"grid_sampler(): expected grid to have same number of dimensions as input and input "
                           f"to be 4-D or 5-D, but got input with sizes {list(input.shape)} and grid with sizes "
                           f"{list(grid.shape)}")
    nd = input.dim() - 2
    if grid.shape[0] != input.shape[0]:
        raise RuntimeError(f"grid_sampler(): expected grid and input to have same batch size, but got input with "
                           f"sizes {list(input.shape)} and grid with sizes {list(grid.shape)}")
    if grid.shape[-1] != nd:
        raise RuntimeError(f"grid_sampler(): expected grid to have size {nd} in last dimension, but got grid with "
                           f"sizes {list(grid.shape)}")
    if mode == "bicubic" and nd != 2:
        raise RuntimeError("grid_sampler(): bicubic interpolation only supports 4D input")
    for i in range(2, input.dim()):
        if input.shape[i] <= 0:
            raise RuntimeError(f"grid_sampler(): expected input to have non-empty spatial dimensions, but input "
                               f"has sizes {list(input.shape)} with dimension {i} being empty")
    N, C = input.shape[0], input.shape[1]
    out_sp = list(grid.shape[1:-1])
    sizes_xyz = tuple(input.shape[2:])[::-1]
    g = grid.reshape(N, -1, nd)
    taps = _Taps(input, sizes_xyz)
    coords = [g[:, :, k] for k in range(nd)]                               # x, y, (z): (N, L)

    if mode == "bicubic":
        src = [_unnormalize(c, s, align_corners) for c, s in zip(coords, sizes_xyz)]
        base = [np.floor(c._data) for c in src]
        ts = [c - _wrap(b) for c, b in zip(src, base)]
        wx, wy = _cubic_coeffs(ts[0]), _cubic_coeffs(ts[1])
        out = None
        for j in range(4):
            yc = _np_coords(base[1] - 1 + j, sizes_xyz[1], padding_mode, align_corners)
            row = None
            for i in range(4):
                xc = _np_coords(base[0] - 1 + i, sizes_xyz[0], padding_mode, align_corners)
                v = taps([xc, yc]) * wx[i].unsqueeze(1)
                row = v if row is None else row + v
            term = row * wy[j].unsqueeze(1)
            out = term if out is None else out + term
    else:
        src = [_source_index(c, s, padding_mode, align_corners) for c, s in zip(coords, sizes_xyz)]
        if mode == "nearest":
            out = taps([np.rint(c._data) for c in src])
            if grid.requires_grad and is_grad_enabled():
                out = out + O._zero_grad_result(_wrap(np.zeros((), input._data.dtype)), grid)
        else:
            base = [np.floor(c._data) for c in src]
            ts = [c - _wrap(b) for c, b in zip(src, base)]
            out = None
            for corner in itertools.product((0, 1), repeat=nd):
                w = None
                for k, bit in enumerate(corner):
                    f = ts[k] if bit else 1 - ts[k]
                    w = f if w is None else w * f
                v = taps([b + bit for b, bit in zip(base, corner)]) * w.unsqueeze(1)
                out = v if out is None else out + v
    return out.reshape([N, C] + out_sp)
