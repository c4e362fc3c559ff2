"""The regularized lower incomplete gamma function P(a, x) (``torch.special.gammainc``) for Gamma.cdf."""
from __future__ import annotations

import math

import numpy as np

from .. import _tensor as T
from ..autograd.function import Function

__all__ = ["gammainc"]

_LGAMMA = np.vectorize(math.lgamma, otypes=[np.float64])


def _gammainc_np(a: np.ndarray, x: np.ndarray) -> np.ndarray:
    """Series for x < a + 1, Lentz continued fraction for the complement otherwise (float64)."""
    a, x = np.broadcast_arrays(np.asarray(a, np.float64), np.asarray(x, np.float64))
    out = np.full(a.shape, np.nan)
    with np.errstate(all="ignore"):
        lpre = a * np.log(x) - x - _LGAMMA(a) if a.size else a
        ser = (x < a + 1) & (x > 0) & (a > 0)
        cf = (x >= a + 1) & (a > 0) & np.isfinite(x)
        if ser.any():
            aa, xx, lp = a[ser], x[ser], lpre[ser]
            term = 1.0 / aa
            total = term.copy()
            ap = aa.copy()
            for _ in range(10000):
                ap = ap + 1
                term = term * xx / ap
                total = total + term
                if np.all(np.abs(term) <= np.abs(total) * 1e-17):
                    break
            out[ser] = np.minimum(total * np.exp(lp), 1.0)
        if cf.any():
            aa, xx, lp = a[cf], x[cf], lpre[cf]
            tiny = 1e-300
            b = xx + 1 - aa
            c = np.full_like(b, 1 / tiny)
            d = 1 / b
            h = d.copy()
            for i in range(1, 10000):
                an = -i * (i - aa)
                b = b + 2
                d = an * d + b
                d = np.where(np.abs(d) < tiny, tiny, d)
                c = b + an / c
                c = np.where(np.abs(c) < tiny, tiny, c)
                d = 1 / d
                delta = d * c
                h = h * delta
                if np.all(np.abs(delta - 1) <= 1e-16):
                    break
            out[cf] = 1 - np.exp(lp) * h
        out = np.where((x == 0) & (a > 0), 0.0, out)
        out = np.where((x == np.inf) & (a > 0), 1.0, out)
        out = np.where((a == 0) & (x > 0), 1.0, out)
    return out


class _Igamma(Function):
    @staticmethod
    def forward(ctx, a: T.Tensor, x: T.Tensor) -> T.Tensor:
        ctx.save_for_backward(a, x)
        dt = np.promote_types(a._data.dtype, x._data.dtype)
        return T._wrap(_gammainc_np(a._data, x._data).astype(dt))

    @staticmethod
    def backward(ctx, grad: T.Tensor):
        a, x = ctx.saved_tensors
        if ctx.needs_input_grad[0]:
            raise NotImplementedError("the derivative for 'igamma: input' is not implemented.")
        import gradkit as gk
        dens = gk.exp(-x + (a - 1) * gk.log(x) - gk.lgamma(a))
        g = grad * dens
        if tuple(g.shape) != tuple(x.shape):
            g = g.sum_to_size(x.shape)
        return None, g


def gammainc(input: T.Tensor, other: T.Tensor) -> T.Tensor:
    """Regularized lower incomplete gamma function P(input, other)."""
    return _Igamma.apply(input, other)


class _Xlogy(Function):
    @staticmethod
    def forward(ctx, x: T.Tensor, y: T.Tensor) -> T.Tensor:
        ctx.save_for_backward(x, y)
        a, b = x._data, y._data
        with np.errstate(divide="ignore", invalid="ignore"):
            out = np.where((a == 0) & ~np.isnan(b), 0.0, a * np.log(b))
        return T._wrap(np.asarray(out, np.result_type(a, b)))

    @staticmethod
    def backward(ctx, grad: T.Tensor):
        import gradkit as gk
        x, y = ctx.saved_tensors
        gx = gy = None
        if ctx.needs_input_grad[0]:
            gx = gk.where((x == 0) & (y <= 0), 0.0, gk.where(grad == 0, 0.0, grad * gk.log(y)))
            gx = gx.sum_to_size(x.shape) if tuple(gx.shape) != tuple(x.shape) else gx
        if ctx.needs_input_grad[1]:
            gy = grad * x / y
            gy = gy.sum_to_size(y.shape) if tuple(gy.shape) != tuple(y.shape) else gy
        return gx, gy


def xlogy(input, other) -> T.Tensor:
    """x * log(y), 0 where x == 0 (unless y is NaN); the gradient wrt x is log(y) even where x == 0."""
    import gradkit as gk
    if not isinstance(input, T.Tensor):
        input = gk.tensor(input, dtype=other.dtype)
    if not isinstance(other, T.Tensor):
        other = gk.tensor(other, dtype=input.dtype)
    return _Xlogy.apply(input, other)
