"""Helpers shared by the distributions: broadcasting parameters, probs/logits conversion, lazy properties."""
from __future__ import annotations

from functools import update_wrapper

import numpy as _np

import gradkit as _gk

from .. import _dtype as D
from .._tensor import Size, Tensor

__all__ = [
    "broadcast_all",
    "clamp_probs",
    "lazy_property",
    "logits_to_probs",
    "probs_to_logits",
    "tril_matrix_to_vec",
    "vec_to_tril_matrix",
]

euler_constant = 0.57721566490153286060
_Number = (int, float, bool)


def _is_tensor_like(v) -> bool:
    return isinstance(v, Tensor)


def broadcast_all(*values) -> tuple:
    """Broadcast tensors and numbers together; numbers become tensors of the first tensor's dtype (or the
    default dtype when all values are numbers)."""
    if not all(_is_tensor_like(v) or isinstance(v, _Number) for v in values):
        raise ValueError("Input arguments must all be instances of Number, torch.Tensor or objects implementing "
                         "__torch_function__.")
    if not all(_is_tensor_like(v) for v in values):
        dtype = D.get_default_dtype()
        for v in values:
            if isinstance(v, Tensor):
                dtype = v.dtype
                break
        values = tuple(v if _is_tensor_like(v) else _gk.tensor(v, dtype=dtype) for v in values)
    shape = _broadcast_shape([tuple(v.shape) for v in values])
    return tuple(v if v.shape == shape else v.expand(shape) for v in values)


def _broadcast_shape(shapes: list) -> Size:
    """The common shape, with torch's error for the first pair of sizes that do not broadcast."""
    out: tuple = ()
    for s in shapes:
        n = max(len(out), len(s))
        a, b = (1,) * (n - len(out)) + out, (1,) * (n - len(s)) + s
        for i in range(n - 1, -1, -1):
            if a[i] != b[i] and a[i] != 1 and b[i] != 1:
                raise RuntimeError(f"The size of tensor a ({a[i]}) must match the size of tensor b ({b[i]}) at "
                                   f"non-singleton dimension {i}")
        out = tuple(y if x == 1 else x for x, y in zip(a, b))
    return Size(out)


def _standard_normal(shape, dtype, device) -> Tensor:
    return _gk.empty(shape, dtype=dtype).normal_()


def _sum_rightmost(value, dim: int):
    """Sum out the ``dim`` rightmost dimensions of ``value``."""
    if dim == 0:
        return value
    return value.reshape(value.shape[:-dim] + (-1,)).sum(-1)


def logits_to_probs(logits: Tensor, is_binary: bool = False) -> Tensor:
    """Logits to probabilities: sigmoid for the binary case, softmax over the last dim otherwise."""
    if is_binary:
        return _gk.sigmoid(logits)
    return _gk.softmax(logits, dim=-1)


def clamp_probs(probs: Tensor) -> Tensor:
    """Clamp probabilities into [eps, 1 - eps] with eps the dtype's machine epsilon."""
    eps = _gk.finfo(probs.dtype).eps
    return probs.clamp(min=eps, max=1 - eps)


def probs_to_logits(probs: Tensor, is_binary: bool = False) -> Tensor:
    """Probabilities to logits (log-odds for the binary case, log-probabilities otherwise)."""
    ps = clamp_probs(probs)
    if is_binary:
        return _gk.log(ps) - _gk.log1p(-ps)
    return _gk.log(ps)


class lazy_property:
    """A property computed (with grad enabled) on first access and then stored on the instance."""

    def __init__(self, wrapped) -> None:
        self.wrapped = wrapped
        update_wrapper(self, wrapped)

    def __get__(self, instance, obj_type=None):
        if instance is None:
            return _lazy_property_and_property(self.wrapped)
        with _gk.enable_grad():
            value = self.wrapped(instance)
        setattr(instance, self.wrapped.__name__, value)
        return value


class _lazy_property_and_property(lazy_property, property):
    def __init__(self, wrapped) -> None:
        property.__init__(self, wrapped)


def tril_matrix_to_vec(mat: Tensor, diag: int = 0) -> Tensor:
    """The lower-triangular entries (below diagonal ``diag``) of a (batched) square matrix, row by row."""
    n = mat.shape[-1]
    if diag < -n or diag >= n:
        raise ValueError(f"diag ({diag}) provided is outside [{-n}, {n - 1}].")
    ar = _gk.arange(n)
    mask = ar < ar.view(-1, 1) + (diag + 1)
    return mat[..., mask]


def vec_to_tril_matrix(vec: Tensor, diag: int = 0) -> Tensor:
    """Inverse of :func:`tril_matrix_to_vec`: fill a lower-triangular matrix row by row from ``vec``."""
    n = (-(1 + 2 * diag) + ((1 + 2 * diag) ** 2 + 8 * vec.shape[-1] + 4 * abs(diag) * (diag + 1)) ** 0.5) / 2
    eps = _gk.finfo(vec.dtype).eps
    if round(n) - n > eps:
        raise ValueError(f"The size of last dimension is {vec.shape[-1]} which cannot be expressed as the "
                         "lower triangular part of a square D x D matrix.")
    n = round(n)
    ar = _np.arange(n)
    mask = (ar < ar.reshape(-1, 1) + (diag + 1)).reshape(-1)
    idx = _np.full(n * n, int(mask.sum()), dtype=_np.int64)
    idx[mask] = _np.arange(int(mask.sum()))
    padded = _gk.cat([vec, vec.new_zeros(vec.shape[:-1] + (1,))], -1)
    return padded[..., _gk.tensor(idx)].reshape(vec.shape[:-1] + (n, n))


def _legacy_new(like: Tensor, *args, **kwargs) -> Tensor:
    """``Tensor.new``: an uninitialised tensor of a shape, or a tensor from data, with ``like``'s dtype."""
    if len(args) == 1 and isinstance(args[0], Size):
        return _gk.empty(tuple(args[0]), dtype=like.dtype)
    if args and all(isinstance(a, int) and not isinstance(a, bool) for a in args):
        return _gk.empty(args, dtype=like.dtype)
    if not args:
        return _gk.empty(0, dtype=like.dtype)
    return _gk.tensor(args[0], dtype=like.dtype)


def _count_and_param(dist, total_count, probs, logits) -> None:
    """Set ``total_count`` and ``probs`` or ``logits`` (exactly one), broadcast together, on a count distribution
    (Binomial, NegativeBinomial); ``_param`` is whichever was given."""
    if (probs is None) == (logits is None):
        raise ValueError("Either `probs` or `logits` must be specified, but not both.")
    if probs is not None:
        dist.total_count, dist.probs = broadcast_all(total_count, probs)
        dist._param = dist.probs
    else:
        dist.total_count, dist.logits = broadcast_all(total_count, logits)
        dist._param = dist.logits
    dist.total_count = dist.total_count.type_as(dist._param)


def _expand_count_and_param(dist, new, batch_shape) -> None:
    """Give ``new`` the expanded ``total_count`` and ``probs``/``logits`` of count distribution ``dist``."""
    new.total_count = dist.total_count.expand(batch_shape)
    if "probs" in dist.__dict__:
        new.probs = dist.probs.expand(batch_shape)
        new._param = new.probs
    if "logits" in dist.__dict__:
        new.logits = dist.logits.expand(batch_shape)
        new._param = new.logits
