"""The rest of ``torch.special``: orthogonal polynomials, Bessel functions of the first and second kind,
modified Bessel functions of the second kind, the spherical Bessel j0, Airy Ai and the regularized incomplete
gamma functions (``gammainc`` / ``gammaincc``, also ``torch.igamma`` / ``igammac``).

Polynomials use their three-term recurrences (with the closed trigonometric forms for large degrees inside
[-1, 1]); the Bessel functions use integral representations evaluated by Gauss-Legendre / trapezoid
quadrature for moderate arguments and Hankel's asymptotic series for large ones. Only ``gammainc`` /
``gammaincc`` have a gradient (with respect to ``other``), as in torch."""
from __future__ import annotations

import math

import numpy as np

from . import _dtype as D
from ._tensor import Tensor, _wrap
from .autograd.function import Function

__all__ = ["chebyshev_polynomial_t", "chebyshev_polynomial_u", "chebyshev_polynomial_v", "chebyshev_polynomial_w",
           "shifted_chebyshev_polynomial_t", "shifted_chebyshev_polynomial_u", "shifted_chebyshev_polynomial_v",
           "shifted_chebyshev_polynomial_w", "hermite_polynomial_h", "hermite_polynomial_he",
           "laguerre_polynomial_l", "legendre_polynomial_p", "bessel_j0", "bessel_j1", "bessel_y0", "bessel_y1",
           "modified_bessel_i0", "modified_bessel_i1", "modified_bessel_k0", "modified_bessel_k1",
           "scaled_modified_bessel_k0", "scaled_modified_bessel_k1", "spherical_bessel_j0", "airy_ai", "gammainc",
           "gammaincc", "igamma", "igammac"]


# ------------------------------------------------------------------------------------------------ dtype plumbing
def _as_arr(v):
    if isinstance(v, Tensor):
        return v._data, v.dtype
    return np.asarray(v), None


def _out_dtype(*dts) -> np.dtype:
    known = [d for d in dts if d is not None]
    dt = known[0] if known else D._default[0]
    for d in known[1:]:
        dt = D.promote_types(dt, d)
    return (dt if dt.is_floating_point else D._default[0]).np


def _unary(fn):
    def f(input, *, out=None) -> Tensor:
        a, dt = _as_arr(input)
        odt = _out_dtype(dt)
        with np.errstate(all="ignore"):
            r = fn(a.astype(np.float64))
        return _wrap(np.asarray(r).astype(odt))
    f.__name__ = fn.__name__.lstrip("_")
    return f


# ------------------------------------------------------------------------------------------------ polynomials
def _recurrence(first, second, step, x: np.ndarray, n: np.ndarray) -> np.ndarray:
    """Degree-``n`` values of a three-term recurrence: ``p``/``q`` hold degrees ``k-2``/``k-1`` and
    ``step(k, p, q)`` gives degree ``k``; each element stops at its own ``n``."""
    p = np.broadcast_to(first, x.shape).astype(np.float64)
    q = np.broadcast_to(second, x.shape).astype(np.float64)
    top = int(n.max()) if n.size else 0
    for k in range(2, top + 1):
        live = k <= n
        r = step(k, p, q)
        p, q = np.where(live, q, p), np.where(live, r, q)
    return q


def _poly(name: str, kernel):
    def f(input, n, *, out=None) -> Tensor:
        xa, xdt = _as_arr(input)
        na, ndt = _as_arr(n)
        odt = _out_dtype(xdt, ndt if isinstance(n, Tensor) else None)
        x, nn = np.broadcast_arrays(xa.astype(np.float64), na)
        nf = nn.astype(np.float64)
        ni = np.where(np.isfinite(nf), np.trunc(np.where(np.isfinite(nf), nf, 0)), -1).astype(np.int64)
        with np.errstate(all="ignore"):
            r = kernel(x.astype(odt).astype(np.float64), ni)
        return _wrap(np.asarray(r).astype(odt))
    f.__name__ = name
    f.__doc__ = f"``{name}(input, n)``: the degree-``n`` polynomial evaluated at ``input``."
    return f


def _cheb_core(y: np.ndarray, n: np.ndarray, q1: np.ndarray) -> np.ndarray:
    """Degree-``n`` member of the family ``P_0 = 1``, ``P_1 = q1``, ``P_{k+1} = 2y P_k - P_{k-1}``."""
    r = _recurrence(1.0, q1, lambda k, p, q: (y + y) * q - p, y, n)
    r = np.where(n == 0, 1.0, np.where(n == 1, q1, r))
    return r


def _parity(n: np.ndarray, even, odd) -> np.ndarray:
    return np.where(n % 2 == 0, even, odd)


def _k_cheb_t(x, n, shifted=False):
    y = x + x - 1 if shifted else x
    r = _cheb_core(y, n, y)
    big = (n > 6) & (np.abs(y) < 1)
    r = np.where(big, np.cos(n * np.arccos(np.clip(y, -1, 1))), r)
    if shifted:
        r = np.where(x == 0, _parity(n, 1.0, -1.0), r)
        r = np.where(x == 1, 1.0, r)
    else:
        r = np.where(np.abs(x) == 1, np.where((x > 0) | (n % 2 == 0), 1.0, -1.0), r)
    return np.where(n < 0, 0.0, r)


def _k_cheb_u(x, n, shifted=False):
    y = x + x - 1 if shifted else x
    r = _cheb_core(y, n, y + y)
    th = np.arccos(np.clip(y, -1, 1))
    s = np.sin(th)
    closed = np.where(s != 0, np.sin((n + 1) * th) / np.where(s != 0, s, 1), (n + 1) * np.cos((n + 1) * th) / y)
    r = np.where((n > (6 if shifted else 8)) & (np.abs(y) < 1), closed, r)
    if shifted:
        r = np.where(x == 0, _parity(n, n + 1.0, -(n + 1.0)), r)
        r = np.where(x == 1, n + 1.0, r)
    else:
        r = np.where(np.abs(x) == 1, np.where((x > 0) | (n % 2 == 0), n + 1.0, -(n + 1.0)), r)
    return np.where(n < 0, 0.0, r)


def _k_cheb_v(x, n, shifted=False):
    y = x + x - 1 if shifted else x
    r = _cheb_core(y, n, y + y - 1)
    th = np.arccos(np.clip(y, -1, 1))
    alt = _parity(n, 2.0 * n + 1, -(2.0 * n + 1))
    closed = np.where(np.sin(th / 2) != 1, np.cos((n + 0.5) * th) / np.cos(th / 2), alt)
    r = np.where((n > (6 if shifted else 8)) & (np.abs(y) < 1), closed, r)
    if shifted:
        r = np.where(x == 0, alt, r)
        r = np.where(x == 1, 1.0, r)
    else:
        r = np.where(np.abs(x) == 1, np.where(x > 0, 1.0, alt), r)
    return np.where(n < 0, 0.0, r)


def _k_cheb_w(x, n, shifted=False):
    y = x + x - 1 if shifted else x
    r = _cheb_core(y, n, y + y + 1)
    th = np.arccos(np.clip(y, -1, 1))
    edge = np.where(y > 0, 2.0 * n + 1, _parity(n, 1.0, -1.0))
    closed = np.where(np.cos(th / 2) != 1, np.sin((n + 0.5) * th) / np.sin(th / 2), edge)
    r = np.where((n > (4 if shifted else 8)) & (np.abs(y) < 1), closed, r)
    if shifted:
        r = np.where(x == 0, _parity(n, 1.0, -1.0), r)
        r = np.where(x == 1, 2.0 * n + 1, r)
    else:
        r = np.where(np.abs(x) == 1, np.where(x > 0, 2.0 * n + 1, _parity(n, 1.0, -1.0)), r)
    return np.where(n < 0, 0.0, r)


def _hermite_limit(dt) -> int:
    return 128 if dt == np.float32 else 512


def _k_hermite_h(x, n):
    r = _recurrence(1.0, x + x, lambda k, p, q: (x + x) * q - (2.0 * (k - 1)) * p, x, n)
    r = np.where(n == 0, 1.0, np.where(n == 1, x + x, r))
    return np.where(n < 0, 0.0, r)


def _k_hermite_he(x, n):
    r = _recurrence(1.0, x, lambda k, p, q: x * q - (k - 1.0) * p, x, n)
    r = np.where(n == 0, 1.0, np.where(n == 1, x, r))
    return np.where(n < 0, 0.0, r)


def _k_laguerre(x, n):
    r = _recurrence(1.0, 1 - x, lambda k, p, q: ((2.0 * (k - 1) + 1 - x) * q - (k - 1.0) * p) / k, x, n)
    r = np.where(n == 0, 1.0, np.where(n == 1, 1 - x, r))
    r = np.where(np.abs(x) == 0, 1.0, r)
    return np.where(n < 0, 0.0, r)


def _k_legendre(x, n):
    r = _recurrence(1.0, x, lambda k, p, q: ((2.0 * (k - 1) + 1) * x * q - (k - 1.0) * p) / k, x, n)
    r = np.where(n == 0, 1.0, np.where(n == 1, x, r))
    r = np.where(np.abs(x) == 1, np.where((x > 0) | (n % 2 == 0), 1.0, -1.0), r)
    return np.where(n < 0, 0.0, r)


def _hermite(name, kernel):
    base = _poly(name, kernel)

    def f(input, n, *, out=None) -> Tensor:
        r = base(input, n)
        na = n._data if isinstance(n, Tensor) else np.asarray(n)
        lim = _hermite_limit(r._data.dtype)
        if np.any(na > lim):
            r._data[np.broadcast_to(na > lim, r._data.shape)] = np.nan
        return r
    f.__name__, f.__doc__ = name, base.__doc__
    return f


chebyshev_polynomial_t = _poly("chebyshev_polynomial_t", _k_cheb_t)
chebyshev_polynomial_u = _poly("chebyshev_polynomial_u", _k_cheb_u)
chebyshev_polynomial_v = _poly("chebyshev_polynomial_v", _k_cheb_v)
chebyshev_polynomial_w = _poly("chebyshev_polynomial_w", _k_cheb_w)
shifted_chebyshev_polynomial_t = _poly("shifted_chebyshev_polynomial_t", lambda x, n: _k_cheb_t(x, n, True))
shifted_chebyshev_polynomial_u = _poly("shifted_chebyshev_polynomial_u", lambda x, n: _k_cheb_u(x, n, True))
shifted_chebyshev_polynomial_v = _poly("shifted_chebyshev_polynomial_v", lambda x, n: _k_cheb_v(x, n, True))
shifted_chebyshev_polynomial_w = _poly("shifted_chebyshev_polynomial_w", lambda x, n: _k_cheb_w(x, n, True))
hermite_polynomial_h = _hermite("hermite_polynomial_h", _k_hermite_h)
hermite_polynomial_he = _hermite("hermite_polynomial_he", _k_hermite_he)
laguerre_polynomial_l = _poly("laguerre_polynomial_l", _k_laguerre)
legendre_polynomial_p = _poly("legendre_polynomial_p", _k_legendre)


# ------------------------------------------------------------------------------------------------ Bessel
_GL_X, _GL_W = np.polynomial.legendre.leggauss(160)
_ASYM = 25.0


def _gl(f, a, b) -> np.ndarray:
    """Gauss-Legendre integral of ``f(t)`` over [a, b] (``a``, ``b`` arrays; integrand vectorized over a new
    last axis)."""
    a = np.asarray(a, np.float64)[..., None]
    b = np.asarray(b, np.float64)[..., None]
    t = (b - a) / 2 * _GL_X + (b + a) / 2
    return (f(t) * _GL_W).sum(-1) * (b - a)[..., 0] / 2


def _hankel(nu: float, x: np.ndarray):
    """``(J_nu, Y_nu)`` for large positive ``x`` from Hankel's asymptotic expansion."""
    mu = 4.0 * nu * nu
    P = np.ones_like(x)
    Q = np.zeros_like(x)
    term = np.ones_like(x)
    for k in range(1, 30):
        term = term * (mu - (2 * k - 1) ** 2) / (k * 8.0 * x)
        if k % 2 == 1:
            Q += term * (-1) ** ((k - 1) // 2)
        else:
            P += term * (-1) ** (k // 2)
    chi = x - (nu / 2 + 0.25) * math.pi
    amp = np.sqrt(2.0 / (math.pi * x))
    return amp * (P * np.cos(chi) - Q * np.sin(chi)), amp * (P * np.sin(chi) + Q * np.cos(chi))


def _tail_limit(x: np.ndarray) -> np.ndarray:
    """Upper limit where ``exp(-x sinh t)`` has dropped below ~1e-30 (relative)."""
    return np.arcsinh(70.0 / np.maximum(x, 1e-300))


def _bessel_jy(nu: float, x: np.ndarray, want_y: bool) -> np.ndarray:
    """``J_nu(x)`` or ``Y_nu(x)`` for ``x > 0``."""
    out = np.empty_like(x)
    small = x <= _ASYM
    xs = x[small]
    if xs.size:
        th0, th1 = np.zeros_like(xs), np.full_like(xs, math.pi)
        if want_y:
            first = _gl(lambda t: np.sin(xs[..., None] * np.sin(t) - nu * t), th0, th1) / math.pi
            tail = _gl(lambda t: (np.exp(nu * t) + np.exp(-nu * t) * math.cos(nu * math.pi))
                       * np.exp(-xs[..., None] * np.sinh(t)), th0, _tail_limit(xs)) / math.pi
            out[small] = first - tail
        else:
            first = _gl(lambda t: np.cos(nu * t - xs[..., None] * np.sin(t)), th0, th1) / math.pi
            if nu != int(nu):
                first -= math.sin(nu * math.pi) / math.pi * _gl(
                    lambda t: np.exp(-xs[..., None] * np.sinh(t) - nu * t), th0, _tail_limit(xs))
            out[small] = first
    xl = x[~small]
    if xl.size:
        j, y = _hankel(nu, xl)
        out[~small] = y if want_y else j
    return out


def _j(nu: int):
    def kernel(x):
        ax = np.abs(x)
        r = np.zeros_like(x)
        fin = np.isfinite(x) & (ax > 0)
        r[fin] = _bessel_jy(float(nu), ax[fin], False)
        if nu == 1:
            r = np.where(x < 0, -r, r)
        r = np.where(ax == 0, 1.0 if nu == 0 else x, r)
        return np.where(np.isfinite(x), r, np.nan)
    return kernel


def _y(nu: int):
    def kernel(x):
        r = np.full_like(x, np.nan)
        pos = np.isfinite(x) & (x > 0)
        r[pos] = _bessel_jy(float(nu), x[pos], True)
        return np.where(x == 0, -np.inf, r)
    return kernel


def _k_integral(nu: float, x: np.ndarray, scaled: bool) -> np.ndarray:
    """``K_nu(x)`` (times ``e^x`` when ``scaled``) for ``x > 0`` by the trapezoid rule on
    ``integral_0^inf exp(-x (cosh t - 1)) cosh(nu t) dt`` (spectrally accurate: the integrand is even)."""
    n = 600
    top = np.arccosh(1.0 + 80.0 / x)
    h = top / n
    t = np.arange(n + 1) * h[..., None]
    f = np.exp(-x[..., None] * (np.cosh(t) - 1.0)) * np.cosh(nu * t)
    s = (f.sum(-1) - 0.5 * f[..., 0]) * h
    return s if scaled else s * np.exp(-x)


def _k(nu: int, scaled: bool):
    def kernel(x):
        r = np.full_like(x, np.nan)
        pos = np.isfinite(x) & (x > 0)
        r[pos] = _k_integral(float(nu), x[pos], scaled)
        r = np.where(x == 0, np.inf, r)
        return np.where(np.isposinf(x), 0.0, r)
    return kernel


def _i(nu: int):
    def kernel(x):
        from .special import _np_i1
        return np.i0(x) if nu == 0 else _np_i1(x)
    return kernel


def _sph_j0(x):
    small = np.abs(x) < 0.5
    x2 = x * x
    series = 1 + x2 * (-1 / 6 + x2 * (1 / 120 + x2 * (-1 / 5040 + x2 * (1 / 362880 + x2 * (-1 / 39916800 + x2 * (
        1 / 6227020800))))))
    r = np.where(small, series, np.sin(x) / np.where(small, 1.0, x))
    return np.where(np.isinf(x), 0.0, r)


def _airy(x):
    r = np.full_like(x, np.nan)
    pos = np.isfinite(x) & (x > 0)
    xp = x[pos]
    zeta = 2.0 / 3.0 * xp ** 1.5
    r[pos] = np.sqrt(xp / 3.0) / math.pi * _k_integral(1.0 / 3.0, zeta, False)
    neg = np.isfinite(x) & (x < 0)
    z = -x[neg]
    zeta = 2.0 / 3.0 * z ** 1.5
    jp = np.empty_like(z)
    jm = np.empty_like(z)
    if z.size:
        jp = _bessel_jy(1.0 / 3.0, zeta, False)
        jm = _bessel_jy(-1.0 / 3.0, zeta, False)
    r[neg] = np.sqrt(z) / 3.0 * (jp + jm)
    r = np.where(x == 0, 1.0 / (3.0 ** (2.0 / 3.0) * math.gamma(2.0 / 3.0)), r)
    return np.where(np.isfinite(x), r, np.nan)


bessel_j0 = _unary(_j(0))
bessel_j1 = _unary(_j(1))
bessel_y0 = _unary(_y(0))
bessel_y1 = _unary(_y(1))
modified_bessel_i0 = _unary(_i(0))
modified_bessel_i1 = _unary(_i(1))
modified_bessel_k0 = _unary(_k(0, False))
modified_bessel_k1 = _unary(_k(1, False))
scaled_modified_bessel_k0 = _unary(_k(0, True))
scaled_modified_bessel_k1 = _unary(_k(1, True))
spherical_bessel_j0 = _unary(_sph_j0)
airy_ai = _unary(_airy)
for _f, _n in [(bessel_j0, "bessel_j0"), (bessel_j1, "bessel_j1"), (bessel_y0, "bessel_y0"), (bessel_y1, "bessel_y1"),
               (modified_bessel_i0, "modified_bessel_i0"), (modified_bessel_i1, "modified_bessel_i1"),
               (modified_bessel_k0, "modified_bessel_k0"), (modified_bessel_k1, "modified_bessel_k1"),
               (scaled_modified_bessel_k0, "scaled_modified_bessel_k0"),
               (scaled_modified_bessel_k1, "scaled_modified_bessel_k1"), (spherical_bessel_j0, "spherical_bessel_j0"),
               (airy_ai, "airy_ai")]:
    _f.__name__ = _n
    _f.__doc__ = f"``{_n}(input)`` elementwise (no gradient, as in torch)."


# ------------------------------------------------------------------------------------------------ incomplete gamma
def _lgamma(a: np.ndarray) -> np.ndarray:
    from .autograd.ops import _lgamma_np
    return _lgamma_np(a)


def _igamma_np(a: np.ndarray, x: np.ndarray, upper: bool) -> np.ndarray:
    """Regularized lower (``upper=False``) or upper incomplete gamma: a power series when ``x < a + 1``, else a
    continued fraction (modified Lentz)."""
    a, x = np.broadcast_arrays(a.astype(np.float64), x.astype(np.float64))
    out = np.full(a.shape, np.nan)
    ok = (a > 0) & (x > 0) & np.isfinite(a) & np.isfinite(x)
    ser = ok & (x < a + 1)
    cf = ok & ~ser
    if ser.any():
        aa, xx = a[ser], x[ser]
        term = 1.0 / aa
        total = term.copy()
        ap = aa.copy()
        for _ in range(20000):
            ap = ap + 1
            term = term * xx / ap
            total = total + term
            if np.all(np.abs(term) <= np.abs(total) * 1e-16):
                break
        p = total * np.exp(-xx + aa * np.log(xx) - _lgamma(aa))
        out[ser] = 1 - p if upper else p
    if cf.any():
        aa, xx = a[cf], x[cf]
        tiny = 1e-300
        b = xx + 1 - aa
        c = np.full_like(xx, 1 / tiny)
        d = 1 / b
        h = d.copy()
        for i in range(1, 5000):
            an = -i * (i - aa)
            b = b + 2
            d = an * d + b
            d = np.where(np.abs(d) < tiny, tiny, d)
            c = b + an / c
            c = np.where(np.abs(c) < tiny, tiny, c)
            d = 1 / d
            delta = d * c
            h = h * delta
            if np.all(np.abs(delta - 1) <= 4e-16):
                break
        q = np.exp(-xx + aa * np.log(xx) - _lgamma(aa)) * h
        out[cf] = q if upper else 1 - q
    lo_val, hi_val = (1.0, 0.0) if upper else (0.0, 1.0)
    out = np.where((a > 0) & (x == 0), lo_val, out)
    out = np.where((a == 0) & (x > 0), hi_val, out)
    out = np.where(np.isposinf(x) & np.isfinite(a) & (a > 0), hi_val, out)
    out = np.where(np.isposinf(a) & np.isfinite(x) & (x >= 0), lo_val, out)
    return np.where((a < 0) | (x < 0), np.nan, out)


class _IGamma(Function):
    @staticmethod
    def forward(ctx, a, x, upper):
        dt = _out_dtype(a.dtype, x.dtype)
        ctx.upper = upper
        ctx.save_for_backward(a, x)
        with np.errstate(all="ignore"):
            r = _igamma_np(a._data, x._data, upper)
        return _wrap(np.asarray(r).astype(dt))

    @staticmethod
    def backward(ctx, g):
        a, x = ctx.saved_tensors
        if ctx.needs_input_grad[0]:
            raise NotImplementedError(f"the derivative for '{'igammac' if ctx.upper else 'igamma'}: input' is not "
                                      "implemented.")
        with np.errstate(all="ignore"):
            d = np.exp((a._data - 1) * np.log(x._data) - x._data - _lgamma(a._data.astype(np.float64)))
        d = _wrap(np.asarray(-d if ctx.upper else d).astype(g._data.dtype))
        return None, g * d, None


def _igamma(input, other, upper: bool) -> Tensor:
    a = input if isinstance(input, Tensor) else _wrap(np.asarray(input, D._default[0].np))
    x = other if isinstance(other, Tensor) else _wrap(np.asarray(other, D._default[0].np))
    return _IGamma.apply(a, x, upper)


def gammainc(input, other, *, out=None) -> Tensor:
    """Regularized lower incomplete gamma ``P(input, other)``."""
    return _igamma(input, other, False)


def gammaincc(input, other, *, out=None) -> Tensor:
    """Regularized upper incomplete gamma ``Q(input, other) = 1 - P``."""
    return _igamma(input, other, True)


igamma = gammainc
igammac = gammaincc
