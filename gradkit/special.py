"""``torch.special``: special functions (error function family, gamma family, Bessel I0/I1, normal CDF...).

Most are compositions of differentiable gradkit ops; ``i0``/``i0e``/``i1``/``i1e``, ``polygamma`` and ``zeta``
are computed with NumPy, with gradients where PyTorch has simple ones."""
from __future__ import annotations

import math

import numpy as np

from ._creation import full_like as _full_like
from ._tensor import Tensor, _wrap
from .autograd import ops as _ops
from .autograd.function import Function

__all__ = ["erf", "erfc", "erfinv", "erfcx", "expit", "logit", "exp2", "expm1", "log1p", "gammaln", "digamma", "psi",
           "polygamma", "multigammaln", "xlogy", "xlog1py", "entr", "sinc", "round", "logsumexp", "softmax",
           "log_softmax", "ndtr", "ndtri", "log_ndtr", "i0", "i0e", "i1", "i1e", "zeta"]

erf = _ops.erf
erfc = _ops.erfc
erfinv = _ops.erfinv
expit = _ops.sigmoid
logit = _ops.logit
exp2 = _ops.exp2
expm1 = _ops.expm1
log1p = _ops.log1p
gammaln = _ops.lgamma
digamma = _ops.digamma
psi = _ops.digamma
xlogy = _ops.xlogy
sinc = _ops.sinc
round = _ops.round  # noqa: A001
logsumexp = _ops.logsumexp


def _t(x, like: Tensor | None = None) -> Tensor:
    if isinstance(x, Tensor):
        return x
    dt = like._data.dtype if like is not None else np.float32
    return _wrap(np.asarray(x, dtype=dt))


def softmax(input: Tensor, dim: int, *, dtype=None) -> Tensor:
    """Softmax along ``dim`` (optionally computed in ``dtype``)."""
    return _ops.softmax(input if dtype is None else input.to(dtype), dim)


def log_softmax(input: Tensor, dim: int, *, dtype=None) -> Tensor:
    """Log-softmax along ``dim`` (optionally computed in ``dtype``)."""
    return _ops.log_softmax(input if dtype is None else input.to(dtype), dim)


def _erfcx64(x: Tensor) -> Tensor:
    big = x > 25
    xs = _ops.where(big, _ops.zeros_like(x), x)
    xb = _ops.where(big, x, _ops.ones_like(x) * 25)
    near = _ops.exp(xs * xs) * _ops.erfc(xs)
    inv2 = 1 / (2 * xb * xb)
    far = (1 - inv2 + 3 * inv2 * inv2) / (xb * math.sqrt(math.pi))
    return _ops.where(big, far, near)


def erfcx(input: Tensor) -> Tensor:
    """Scaled complementary error function ``exp(x**2) * erfc(x)``, accurate for large ``x``."""
    dt = input.dtype if input.is_floating_point() else None
    out = _erfcx64(input.double())
    return out.to(dt) if dt is not None else out.float()


class _XLog1pY(Function):
    @staticmethod
    def forward(ctx, x, y):
        a, b = x._data, y._data
        dt = np.result_type(a, b)
        with np.errstate(all="ignore"):
            out = np.where((a == 0) & ~np.isnan(b), 0.0, a * np.log1p(b)).astype(dt)
        ctx.save_for_backward(x, y)
        return _wrap(np.asarray(out))

    @staticmethod
    def backward(ctx, g):
        x, y = ctx.saved_tensors
        gx = _ops.where((x == 0) & (y <= -1), _ops.zeros_like(g * y), g * _ops.log1p(y))
        gy = g * x / (1 + y)
        return gx, gy


def xlog1py(input, other) -> Tensor:
    """``input * log1p(other)``, defined as 0 where ``input`` is 0 (unless ``other`` is NaN)."""
    x = _t(input, other if isinstance(other, Tensor) else None)
    y = _t(other, x)
    if not x.is_floating_point() and not y.is_floating_point():
        x = x.float()
    return _XLog1pY.apply(x, y)


class _Entr(Function):
    @staticmethod
    def forward(ctx, x):
        a = x._data
        with np.errstate(all="ignore"):
            out = np.where(a > 0, -a * np.log(np.where(a > 0, a, 1)), np.where(a == 0, 0.0, -np.inf))
        ctx.save_for_backward(x)
        return _wrap(np.asarray(out.astype(a.dtype)))

    @staticmethod
    def backward(ctx, g):
        (x,) = ctx.saved_tensors
        return -g * (1 + _ops.log(x))


def entr(input: Tensor) -> Tensor:
    """Elementwise entropy term ``-x * log(x)`` (0 at 0, ``-inf`` for negative ``x``)."""
    return _Entr.apply(input if input.is_floating_point() else input.float())


def ndtr(input: Tensor) -> Tensor:
    """The standard normal CDF."""
    return 0.5 * (1 + _ops.erf(input * (1 / math.sqrt(2.0))))


def ndtri(input: Tensor) -> Tensor:
    """The inverse of the standard normal CDF."""
    return math.sqrt(2.0) * _ops.erfinv(2 * input - 1)


def log_ndtr(input: Tensor) -> Tensor:
    """``log(ndtr(x))``, kept accurate for very negative ``x`` through ``erfc``'s scaled form."""
    dt = input.dtype if input.is_floating_point() else _ops.zeros(()).dtype
    x = input.double()
    z = -x * (1 / math.sqrt(2.0))
    neg = x < -1
    zs = _ops.where(neg, z, _ops.ones_like(z))
    tail = _ops.log(0.5 * _erfcx64(zs)) - zs * zs
    head = _ops.log1p(-0.5 * _ops.erfc(_ops.where(neg, _ops.zeros_like(x), x) * (1 / math.sqrt(2.0))))
    return _ops.where(neg, tail, head).to(dt)


def multigammaln(input: Tensor, p: int) -> Tensor:
    """The multivariate log-gamma function of dimension ``p``."""
    terms = _ops.stack([_ops.lgamma(input - j / 2) for j in range(p)], -1)
    return p * (p - 1) / 4 * math.log(math.pi) + terms.sum(-1)


# ----------------------------------------------------------------------------------- Bessel I0 / I1 (NumPy)
def _np_i1(x: np.ndarray) -> np.ndarray:
    x = x.astype(np.float64)
    ax = np.abs(x)
    small = ax <= 40
    out = np.empty_like(x)
    xs = x[small]
    term = xs / 2
    acc = term.copy()
    q = (xs / 2) ** 2
    for k in range(1, 120):
        term = term * q / (k * (k + 1))
        acc = acc + term
    out[small] = acc
    xl = ax[~small]
    series = np.ones_like(xl)
    coef = np.ones_like(xl)
    for k in range(1, 12):
        coef = -coef * (4.0 - (2 * k - 1) ** 2) / (k * 8 * xl)
        series = series + coef
    with np.errstate(over="ignore"):
        out[~small] = np.sign(x[~small]) * np.exp(xl) / np.sqrt(2 * np.pi * xl) * series
    return out


class _I0(Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return _wrap(np.i0(x._data).astype(x._data.dtype, copy=False))

    @staticmethod
    def backward(ctx, g):
        (x,) = ctx.saved_tensors
        return g * i1(x)


class _I1(Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return _wrap(_np_i1(x._data).astype(x._data.dtype, copy=False))

    @staticmethod
    def backward(ctx, g):
        (x,) = ctx.saved_tensors
        safe = _ops.where(x == 0, _ops.ones_like(x), x)
        d = _ops.where(x == 0, _full_like(x, 0.5), i0(x) - i1(x) / safe)
        return g * d


def i0(input: Tensor) -> Tensor:
    """Modified Bessel function of the first kind, order 0."""
    return _I0.apply(input if input.is_floating_point() else input.float())


def i1(input: Tensor) -> Tensor:
    """Modified Bessel function of the first kind, order 1."""
    return _I1.apply(input if input.is_floating_point() else input.float())


def i0e(input: Tensor) -> Tensor:
    """Exponentially scaled ``i0``: ``exp(-|x|) * i0(x)``."""
    return i0(input) * _ops.exp(-input.abs())


def i1e(input: Tensor) -> Tensor:
    """Exponentially scaled ``i1``: ``exp(-|x|) * i1(x)``."""
    return i1(input) * _ops.exp(-input.abs())


# ----------------------------------------------------------------------------------- zeta / polygamma (NumPy)
_B2K = np.array([1 / 6, -1 / 30, 1 / 42, -1 / 30, 5 / 66, -691 / 2730, 7 / 6, -3617 / 510, 43867 / 798])


def _np_zeta(s: np.ndarray, q: np.ndarray) -> np.ndarray:
    """Hurwitz zeta ``sum_k (k + q) ** -s`` by Euler-Maclaurin summation (float64)."""
    s, q = np.broadcast_arrays(s.astype(np.float64), q.astype(np.float64))
    n = 10
    with np.errstate(all="ignore"):
        total = sum((q + k) ** -s for k in range(n))
        a = q + n
        total = total + a ** (1 - s) / (s - 1) + 0.5 * a ** -s
        fact = 1.0
        poch = s.copy()
        term_pow = a ** (-s - 1)
        for k in range(len(_B2K)):
            fact *= (2 * k + 1) * (2 * k + 2) if k else 2
            total = total + _B2K[k] / fact * poch * term_pow
            poch = poch * (s + 2 * k + 1) * (s + 2 * k + 2)
            term_pow = term_pow / (a * a)
        total = np.where(s == 1, np.inf, total)
        total = np.where(s < 1, np.nan, total)
    return total


def zeta(input, other) -> Tensor:
    """The Hurwitz zeta function ``zeta(x, q) = sum_k (k + q) ** -x``."""
    x = _t(input, other if isinstance(other, Tensor) else None)
    q = _t(other, x)
    dt = np.result_type(x._data, q._data)
    dt = dt if np.issubdtype(dt, np.floating) else np.float32
    return _wrap(np.asarray(_np_zeta(x._data, q._data), dtype=dt))


class _Polygamma(Function):
    @staticmethod
    def forward(ctx, x, n):
        ctx.save_for_backward(x)
        ctx.n = n
        sign = (-1) ** (n + 1)
        if n == 1:
            val = _ops._polygamma1_np(x._data)
        else:
            val = sign * math.factorial(n) * _np_zeta(np.full(x._data.shape, n + 1.0), x._data)
        return _wrap(np.asarray(val, dtype=x._data.dtype))

    @staticmethod
    def backward(ctx, g):
        (x,) = ctx.saved_tensors
        return g * polygamma(ctx.n + 1, x), None


def polygamma(n: int, input: Tensor) -> Tensor:
    """The ``n``-th derivative of the digamma function."""
    if n == 0:
        return _ops.digamma(input)
    if n < 0:
        raise RuntimeError("polygamma(n, x) does not support negative n.")
    return _Polygamma.apply(input if input.is_floating_point() else input.float(), n)


from . import _special_extra  # noqa: E402

__all__ += [n for n in _special_extra.__all__ if n not in ("igamma", "igammac")]
globals().update({n: getattr(_special_extra, n) for n in __all__ if n in _special_extra.__all__})
