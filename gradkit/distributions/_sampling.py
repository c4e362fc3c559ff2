"""Gamma, Dirichlet and binomial samplers that draw from the generator exactly like torch's CPU kernels.

The kernels are rejection samplers that take a data-dependent number of draws per element, one element
after the other. Each sampler below walks the elements in order on Python floats (the same libm ``log``,
``pow`` ... as the compiled kernels) and reads its uniforms from a block of 64-bit words taken from the
generator up front; when done, the generator is rewound and advanced by exactly the words used.
The reparameterisation gradients (``_standard_gamma_grad``, ``_dirichlet_grad``) are vectorised ports of
the closed-form approximations torch uses, so ``rsample`` gradients match torch's.
"""
from __future__ import annotations

import math

import numpy as np

from .. import _tensor as T
from .._random_ops import _gen
from ..autograd.function import Function, once_differentiable

__all__ = ["_dirichlet_grad", "_sample_dirichlet", "_standard_gamma", "_standard_gamma_grad", "binomial"]

_MASK53 = np.uint64((1 << 53) - 1)
_F13 = float(np.float32(1.0) / np.float32(3.0))
_F0331 = float(np.float32(0.0331))
_TNAME = {"float32": "Float", "float64": "Double", "float16": "Half"}


class _Words:
    """Uniform doubles in [0, 1) read from the generator, consumed one at a time, committed at the end."""

    __slots__ = ("buf", "g", "i", "snap", "used")

    def __init__(self, g, hint: int) -> None:
        self.g = g
        self.snap = g._bg.state
        self.used = 0
        self.buf: list = []
        self.i = 0
        self._fill(max(hint, 16))

    def _fill(self, n: int) -> None:
        w = self.g._bg.random_raw(2 * n)
        d = (((w[0::2] << np.uint64(32)) | w[1::2]) & _MASK53).astype(np.float64) * 2.0 ** -53
        self.used += self.i
        self.buf = d.tolist()
        self.i = 0

    def next(self) -> float:
        if self.i == len(self.buf):
            self._fill(len(self.buf))
        v = self.buf[self.i]
        self.i += 1
        return v

    def commit(self) -> None:
        n = self.used + self.i
        self.g._bg.state = self.snap
        if n:
            self.g._bg.random_raw(2 * n)
        self.g._fresh_next = None


def _normal(w: _Words, cache: list) -> float:
    """One standard normal, Box-Muller with the second value cached (torch's ``normal_distribution<double>``)."""
    if cache[0] is not None:
        v = cache[0]
        cache[0] = None
        return v
    u1 = w.next()
    u2 = w.next()
    r = math.sqrt(-2.0 * math.log1p(-u2))
    theta = 2.0 * math.pi * u1
    cache[0] = r * math.sin(theta)
    return r * math.cos(theta)


def _gamma_one(w: _Words, cache: list, alpha: float, inv_alpha: float, d: float) -> float:
    """Marsaglia-Tsang; ``alpha``, ``1/alpha`` and ``d`` come pre-rounded in the kernel's element type."""
    scale = 1.0
    if alpha < 1.0:
        if alpha == 0.0:
            return 0.0
        scale *= math.pow(1.0 - w.next(), inv_alpha)
    if not d > 0.0:
        return math.nan
    c = 1.0 / math.sqrt(9.0 * d)
    while True:
        while True:
            x = _normal(w, cache)
            y = 1.0 + c * x
            if not y <= 0.0:
                break
        v = y * y * y
        u = 1.0 - w.next()
        xx = x * x
        if u < 1.0 - _F0331 * xx * xx:
            return scale * d * v
        if math.log(u) < 0.5 * xx + d * (1.0 - v + math.log(v)):
            return scale * d * v


def _gamma_params(alpha: np.ndarray, dt) -> tuple[list, list, list]:
    """Per element: alpha, 1/alpha and d = boosted alpha - 1/3, each rounded as the kernel's type ``dt``."""
    a = alpha.astype(dt)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        inv = (dt(1.0) / a).astype(np.float64)
        boosted = np.where(a < 1, a + dt(1.0), a)
        d = (boosted - dt(_F13)).astype(np.float64)
    return a.astype(np.float64).tolist(), inv.tolist(), d.tolist()


def _gamma_draws(g, alpha: np.ndarray, dt) -> np.ndarray:
    flat = np.ascontiguousarray(alpha).reshape(-1)
    out = np.empty(flat.size, np.float64)
    if not flat.size:
        return out
    a, inv, d = _gamma_params(flat, dt)
    w = _Words(g, 4 * flat.size + 8)
    cache = [g._next_double]
    try:
        for i in range(flat.size):
            out[i] = _gamma_one(w, cache, a[i], inv[i], d[i])
    finally:
        w.commit()
        g._next_double = cache[0]
    return out


def _check_float(t: T.Tensor, kernel: str) -> np.dtype:
    dt = t._data.dtype
    if dt.kind != "f" or dt == np.float16:
        raise NotImplementedError(f"\"{kernel}\" not implemented for "
                                  f"'{_TNAME.get(dt.name, dt.name.capitalize())}'")
    return dt


def _sample_standard_gamma(alpha: T.Tensor, generator=None) -> np.ndarray:
    dt = _check_float(alpha, "gamma_cpu")
    g = _gen(generator)
    a = alpha._data
    s = _gamma_draws(g, a, dt.type).astype(dt).reshape(a.shape)
    return np.maximum(s, np.finfo(dt).tiny)


class _StandardGamma(Function):
    @staticmethod
    def forward(ctx, alpha: T.Tensor, generator=None) -> T.Tensor:
        out = T._wrap(_sample_standard_gamma(alpha, generator))
        ctx.save_for_backward(alpha, out)
        return out

    @staticmethod
    def backward(ctx, grad: T.Tensor):
        alpha, out = ctx.saved_tensors
        return grad * _standard_gamma_grad(alpha, out), None


def _standard_gamma(input: T.Tensor, generator=None) -> T.Tensor:
    """Draws from Gamma(input, 1); differentiable wrt ``input`` through the implicit reparameterisation."""
    if input.requires_grad:
        return _StandardGamma.apply(input, generator)
    return T._wrap(_sample_standard_gamma(input, generator))


def _sample_dirichlet(input: T.Tensor, generator=None) -> T.Tensor:
    """Draws from Dirichlet(input) over the last dim (gammas in float64, normalised, cast back)."""
    dt = _check_float(input, "dirichlet")
    g = _gen(generator)
    a = input._data
    gam = _gamma_draws(g, a.astype(np.float64), np.float64).reshape(a.shape)
    gam = np.maximum(gam, np.finfo(np.float64).tiny)
    with np.errstate(divide="ignore", invalid="ignore"):
        r = (gam / gam.sum(-1, keepdims=True)).astype(dt)
    hi = np.nextafter(dt.type(1.0), dt.type(0.0))
    return T._wrap(np.minimum(hi, np.maximum(np.finfo(dt).tiny, r)))


# -------------------------------------------------------------------------------------------------
# binomial
# -------------------------------------------------------------------------------------------------
_TAIL = (0.0810614667953272, 0.0413406959554092, 0.0276779256849983, 0.02079067210376509, 0.0166446911898211,
         0.0138761288230707, 0.0118967099458917, 0.0104112652619720, 0.00925546218271273, 0.00833056343336287)


def _stirling_tail(k: float) -> float:
    if k <= 9:
        return _TAIL[int(k)]
    kp1sq = (k + 1) * (k + 1)
    return (1.0 / 12 - (1.0 / 360 - 1.0 / 1260 / kp1sq) / kp1sq) / (k + 1)


def _btrs(w: _Words, count: float, prob: float, stddev: float, c: float, r: float, m: float) -> float:
    """Transformed rejection (Hormann). ``stddev``, ``c`` (= count * prob), ``r`` and ``m`` come rounded in
    the kernel's element type; counts are integers, exact in either type."""
    b = 1.15 + 2.53 * stddev
    a = -0.0873 + 0.0248 * b + 0.01 * prob
    c = c + 0.5
    v_r = 0.92 - 4.2 / b
    alpha = (2.83 + 5.1 / b) * stddev
    while True:
        U = w.next() - 0.5
        V = w.next()
        us = 0.5 - abs(U)
        k = math.floor((2 * a / us + b) * U + c)
        if k < 0 or k > count:
            continue
        if us >= 0.07 and V <= v_r:
            return k
        V = math.log(V * alpha / (a / (us * us) + b))
        cmk1 = count - k + 1
        upper = ((m + 0.5) * math.log((m + 1) / (r * (count - m + 1)))
                 + (count + 1) * math.log((count - m + 1) / cmk1)
                 + (k + 0.5) * math.log(r * cmk1 / (k + 1))
                 + _stirling_tail(m) + _stirling_tail(count - m)
                 - _stirling_tail(k) - _stirling_tail(count - k))
        if V <= upper:
            return k


def _binomial_inversion(w: _Words, count: float, logprob: float) -> float:
    geom_sum = 0.0
    num = 0
    while True:
        u = w.next()
        q = math.log(u) / logprob if u > 0.0 else math.inf
        geom_sum += math.ceil(q) if math.isfinite(q) else q
        if geom_sum > count:
            return num
        num += 1


def _binomial_plan(c: np.ndarray, p: np.ndarray):
    """Per element, in the kernel's element type: which branch runs and its precomputed constants."""
    S = c.dtype.type
    one = S(1)
    with np.errstate(all="ignore"):
        high = p > 0.5
        pp = np.where(high, (1.0 - p.astype(np.float64)).astype(c.dtype), p)
        use_btrs = (c * pp) >= 10.0
        stddev = np.sqrt(c * pp * (one - pp))
        cp = c * pp
        r = pp / (one - pp)
        m = np.floor((c + one) * pp)
        logprob = np.log1p(-pp)
    kind = np.where((c <= 0) | (p <= 0), 0, np.where(p >= 1, 1, np.where(p <= 0.5, 2, np.where(high, 3, 4))))
    cols = [kind, use_btrs, c, pp, stddev, cp, r, m, logprob]
    return [np.asarray(col).astype(np.float64).tolist() if i > 1 else np.asarray(col).tolist()
            for i, col in enumerate(cols)]


def binomial(count: T.Tensor, prob: T.Tensor, generator=None) -> T.Tensor:
    """Binomial draws: successes in ``count`` trials with success probability ``prob`` (same shapes)."""
    if not isinstance(count, T.Tensor) or not isinstance(prob, T.Tensor):
        bad = count if not isinstance(count, T.Tensor) else prob
        name = "count" if bad is count else "prob"
        raise TypeError(f"binomial(): argument '{name}' (position {1 if bad is count else 2}) must be Tensor, "
                        f"not {type(bad).__name__}")
    dt = _check_float(count, "binomial_cpu")
    if prob._data.dtype != dt:
        raise RuntimeError(f"expected scalar type {_TNAME[dt.name]} but found {_TNAME.get(prob._data.dtype.name)}")
    c, p = count._data, prob._data
    if c.shape != p.shape:
        try:
            shape = np.broadcast_shapes(c.shape, p.shape)
        except ValueError:
            raise RuntimeError(f"The size of tensor a ({c.shape}) must match the size of tensor b ({p.shape})"
                               ) from None
        if shape != c.shape:
            raise RuntimeError(f"output with shape {list(c.shape)} doesn't match the broadcast shape "
                               f"{list(shape)}")
        p = np.broadcast_to(p, shape)
    g = _gen(generator)
    cf = np.ascontiguousarray(c).reshape(-1)
    pf = np.ascontiguousarray(p).reshape(-1)
    out = np.empty(cf.size, np.float64)
    if cf.size:
        kind, use_btrs, cnt, pp, stddev, cp, r, m, logprob = _binomial_plan(cf, pf)
        w = _Words(g, 2 * cf.size + 8)
        try:
            for i in range(cf.size):
                kd = kind[i]
                if kd == 0:
                    out[i] = 0.0
                elif kd == 1:
                    out[i] = cnt[i]
                elif kd == 4:
                    out[i] = math.nan
                else:
                    if use_btrs[i]:
                        k = _btrs(w, cnt[i], pp[i], stddev[i], cp[i], r[i], m[i])
                    else:
                        k = _binomial_inversion(w, cnt[i], logprob[i])
                    out[i] = k if kd == 2 else cnt[i] - k
        finally:
            w.commit()
    out = out.astype(dt)
    return T._wrap(out.reshape(c.shape))


# -------------------------------------------------------------------------------------------------
# reparameterisation gradients (vectorised, float64 accumulation, result in the input's type)
# -------------------------------------------------------------------------------------------------
_PSI_10 = 2.25175258906672110764
_DIGAMMA_A = (8.33333333333333333333E-2, -2.10927960927960927961E-2, 7.57575757575757575758E-3,
              -4.16666666666666666667E-3, 3.96825396825396825397E-3, -8.33333333333333333333E-3,
              8.33333333333333333333E-2)


def _digamma(x: np.ndarray) -> np.ndarray:
    """The cephes digamma the gradient kernels use (float64)."""
    x = np.array(x, np.float64, copy=True)
    res = np.zeros_like(x)
    extra = np.zeros_like(x)
    neg = x < 0
    with np.errstate(all="ignore"):
        if neg.any():
            extra = np.where(neg, -math.pi / np.tan(math.pi * x), 0.0)
            x = np.where(neg, 1 - x, x)
        for _ in range(10):
            m = x < 10
            if not m.any():
                break
            res = np.where(m, res - 1 / x, res)
            x = np.where(m, x + 1, x)
        z = 1.0 / (x * x)
        poly = np.zeros_like(x)
        for c in _DIGAMMA_A:
            poly = poly * z + c
        y = np.where(x < float(np.float32(1e17)), z * poly, 0.0)
        out = res + np.log(x) - (0.5 / x) - y + extra
        out = np.where(x == 10, res + _PSI_10 + extra, out)
    return out


_GAMMA_UV = np.array([
    [0.16009398, -0.094634809, 0.025146376, -0.0030648343, 1, 0.32668115, 0.10406089, 0.0014179084],
    [0.53487893, 0.1298071, 0.065735949, -0.0015649758, 0.16639465, 0.020070113, -0.0035938915, -0.00058392623],
    [0.040121004, -0.0065914022, -0.0026286047, -0.0013441777, 0.017050642, -0.0021309326, 0.00085092367,
     -1.5247877e-07]])


def _standard_gamma_grad_np(alpha: np.ndarray, x: np.ndarray) -> np.ndarray:
    a = alpha.astype(np.float64)
    x = x.astype(np.float64)
    a, x = np.broadcast_arrays(a, x)
    with np.errstate(all="ignore"):
        numer = np.ones_like(x)
        denom = a.copy()
        s1 = numer / denom
        s2 = numer / (denom * denom)
        for i in range(1, 6):
            numer = numer * (-x / float(i))
            denom = denom + 1
            s1 = s1 + numer / denom
            s2 = s2 + numer / (denom * denom)
        pxa = np.power(x, a)
        pdf = np.power(x, a - 1) * np.exp(-x)
        cdf = pxa * s1
        cdf_a = (np.log(x) - _digamma(a)) * cdf - pxa * s2
        small = -cdf_a / pdf
        small = np.where(np.isnan(small), 0.0, small)

        n1 = 1 + 24 * a * (1 + 12 * a)
        n2 = 1440 * (a * a) + 6 * x * (53 - 120 * x) - 65 * x * x / a + a * (107 + 3600 * x)
        saddle = n1 * n2 / (1244160 * (a * a) * (a * a))
        den = np.sqrt(8 * a)
        t2 = den / (a - x)
        t3 = np.power(x - a - a * np.log(x / a), -1.5)
        t23 = np.where(x < a, t2 - t3, t2 + t3)
        t1 = np.log(x / a) * t23 - np.sqrt(2 / a) * (a + x) / ((a - x) * (a - x))
        stirling = 1 + 1 / (12 * a) * (1 + 1 / (24 * a))
        large = -stirling * (x * t1) / den
        near = (float(np.float32(0.9)) * a <= x) & (x <= float(np.float32(1.1)) * a)
        big = np.where(near, saddle, large)

        u = np.log(x / a)
        v = np.log(a)
        cv = [_GAMMA_UV[0, i] + u * (_GAMMA_UV[1, i] + u * _GAMMA_UV[2, i]) for i in range(8)]
        p = cv[0] + v * (cv[1] + v * (cv[2] + v * cv[3]))
        q = cv[4] + v * (cv[5] + v * (cv[6] + v * cv[7]))
        rational = np.exp(p / q)
    return np.where(x < float(np.float32(0.8)), small, np.where(a > 8.0, big, rational))


def _standard_gamma_grad(self: T.Tensor, output: T.Tensor) -> T.Tensor:
    """d(sample)/d(alpha) of standard Gamma samples (torch's approximation of -dCDF/dalpha / pdf)."""
    dt = self._data.dtype
    return T._wrap(_standard_gamma_grad_np(self._data, output._data).astype(dt))


def _logs(x: np.ndarray) -> np.ndarray:
    """``log`` in the array's own precision (float32 through a correctly rounded float64 log)."""
    return np.log(x.astype(np.float64)).astype(x.dtype)


def _pows(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.power(a.astype(np.float64), b.astype(np.float64)).astype(a.dtype)


def _digamma_s(x: np.ndarray) -> np.ndarray:
    """The cephes digamma evaluated with ``x``'s element type for the argument steps, float64 sums."""
    if x.dtype == np.float64:
        return _digamma(x)
    S = x.dtype.type
    res = np.zeros(x.shape, np.float64)
    with np.errstate(all="ignore"):
        extra = np.where(x < 0, -math.pi / np.tan(math.pi * x.astype(np.float64)), 0.0)
        x = np.where(x < 0, S(1) - x, x)
        for _ in range(10):
            m = x < 10
            if not m.any():
                break
            res = np.where(m, res - (S(1) / x).astype(np.float64), res)
            x = np.where(m, x + S(1), x)
        z = 1.0 / (x * x).astype(np.float64)
        poly = np.zeros_like(z)
        for c in _DIGAMMA_A:
            poly = poly * z + c
        y = np.where(x < S(1e17), z * poly, 0.0)
        out = res + _logs(x).astype(np.float64) - (S(0.5) / x).astype(np.float64) - y + extra
        out = np.where(x == 10, res + _PSI_10 + extra, out)
        out = np.where(x == 0, np.inf, out)
    return out.astype(x.dtype)


def _beta_grad_alpha_small(x, alpha, beta):
    S = x.dtype.type
    with np.errstate(all="ignore"):
        factor = _digamma_s(alpha) - _digamma_s(alpha + beta) - _logs(x)
        numer = np.ones_like(x)
        series = numer / alpha * (factor + S(1) / alpha)
        for i in range(1, 11):
            ci = S(i)
            numer = numer * ((ci - beta) * x / ci)
            den = alpha + ci
            series = series + numer / den * (factor + S(1) / den)
        r = x * _pows(S(1) - x, -beta) * series
    return np.where(np.isnan(r), S(0), r)


def _beta_grad_beta_small(x, alpha, beta):
    S = x.dtype.type
    with np.errstate(all="ignore"):
        factor = _digamma_s(alpha + beta) - _digamma_s(beta)
        numer = np.ones_like(x)
        betas = np.ones_like(x)
        dbetas = np.zeros_like(x)
        series = factor / alpha
        for i in range(1, 9):
            ci = S(i)
            numer = numer * (-x / ci)
            dbetas = dbetas * (beta - ci) + betas
            betas = betas * (beta - ci)
            series = series + numer / (alpha + ci) * (dbetas + factor * betas)
        r = -_pows(S(1) - x, S(1) - beta) * series
    return np.where(np.isnan(r), S(0), r)


def _beta_grad_alpha_mid(x, alpha, beta):
    with np.errstate(all="ignore"):
        total = alpha + beta
        mean = alpha / total
        std = np.sqrt(alpha * beta / (total + 1)) / total
        b2 = beta * beta
        poly = 47 * x * b2 * b2 + alpha * (
            (43 + 20 * (16 + 27 * beta) * x) * b2 * beta + alpha * (
                3 * (59 + 180 * beta - 90 * x) * b2 + alpha * (
                    (453 + 1620 * beta * (1 - x) - 455 * x) * beta + alpha * (8 * (1 - x) * (135 * beta - 11)))))
        pre_num = (1 + 12 * alpha) * (1 + 12 * beta) / (total * total)
        pre_den = 12960 * alpha * alpha * alpha * beta * beta * (1 + 12 * total)
        centre = pre_num / (1 - x) * poly / pre_den
        prefactor = -x / np.sqrt(2 * alpha * beta / total)
        stirling = ((1 + 1 / (12 * alpha) + 1 / (288 * alpha * alpha)) * (1 + 1 / (12 * beta) + 1 / (288 * b2))
                    / (1 + 1 / (12 * total) + 1 / (288 * total * total)))
        t1n = 2 * (alpha * alpha) * (x - 1) + alpha * beta * (x - 1) - x * b2
        axbx = alpha * (x - 1) + beta * x
        t1 = t1n / (np.sqrt(2 * alpha / beta) * np.power(total, 1.5) * axbx * axbx)
        t2 = 0.5 * np.log(alpha / (total * x))
        t3 = np.sqrt(8 * alpha * beta / total) / (beta * x + alpha * (x - 1))
        t4 = np.power(beta * np.log(beta / (total * (1 - x))) + alpha * np.log(alpha / (total * x)), -1.5)
        tail = stirling * prefactor * (t1 + t2 * (t3 + np.where(x < mean, t4, -t4)))
    return np.where((mean - 0.1 * std <= x) & (x <= mean + 0.1 * std), centre, tail)


_DIRICHLET_C = np.array([
    [[[1.003668233, -0.01061107488, -0.0657888334, 0.01201642863],
      [0.6336835991, -0.3557432599, 0.05486251648, -0.001465281033],
      [-0.03276231906, 0.004474107445, 0.002429354597, -0.0001557569013]],
     [[0.221950385, -0.3187676331, 0.01799915743, 0.01074823814],
      [-0.2951249643, 0.06219954479, 0.01535556598, 0.001550077057],
      [0.02155310298, 0.004170831599, 0.001292462449, 6.976601077e-05]],
     [[-0.05980841433, 0.008441916499, 0.01085618172, 0.002319392565],
      [0.02911413504, 0.01400243777, -0.002721828457, 0.000751041181],
      [0.005900514878, -0.001936558688, -9.495446725e-06, 5.385558597e-05]]],
    [[[1, -0.02924021934, -0.04438342661, 0.007285809825],
      [0.6357567472, -0.3473456711, 0.05454656494, -0.002407477521],
      [-0.03301322327, 0.004845219414, 0.00231480583, -0.0002307248149]],
     [[0.5925320577, -0.1757678135, 0.01505928619, 0.000564515273],
      [0.1014815858, -0.06589186703, 0.01272886114, -0.0007316646956],
      [-0.007258481865, 0.001096195486, 0.0003934994223, -4.12701925e-05]],
     [[0.06469649321, -0.0236701437, 0.002902096474, -5.896963079e-05],
      [0.001925008108, -0.002869809258, 0.0008000589141, -6.063713228e-05],
      [-0.0003477407336, 6.959756487e-05, 1.097287507e-05, -1.650964693e-06]]]])


def _dirichlet_grad_np(x: np.ndarray, alpha: np.ndarray, total: np.ndarray) -> np.ndarray:
    dt = x.dtype
    x, alpha, total = np.broadcast_arrays(x, alpha.astype(dt), total.astype(dt))
    beta_s = total - alpha
    one_m_x = dt.type(1) - x
    boundary = total * x * one_m_x
    xd, ad, td = x.astype(np.float64), alpha.astype(np.float64), total.astype(np.float64)
    bd = td - ad
    near0 = (x <= 0.5) & (boundary < 2.5)
    near1 = (x >= 0.5) & (boundary < 0.75)
    small_a = _beta_grad_alpha_small(x, alpha, beta_s)
    small_b = -_beta_grad_beta_small(one_m_x, beta_s, alpha)
    mid = _beta_grad_alpha_mid(xd, ad, bd)
    with np.errstate(all="ignore"):
        u = np.log(xd)
        a = np.log(ad) - u
        b = np.log(td) - a
        pu = (np.ones_like(u), u, u * u)
        pa = (np.ones_like(a), a, a * a)
        p = np.zeros_like(u)
        q = np.zeros_like(u)
        for i in range(3):
            for j in range(3):
                ua = pu[i] * pa[j]
                c0, c1 = _DIRICHLET_C[0, i, j], _DIRICHLET_C[1, i, j]
                p = p + ua * (c0[0] + b * (c0[1] + b * (c0[2] + b * c0[3])))
                q = q + ua * (c1[0] + b * (c1[1] + b * (c1[2] + b * c1[3])))
        approx = xd * (_digamma_s(total) - _digamma_s(alpha)).astype(np.float64) / bd
        rational = p / q * approx
    out = np.where(near0, small_a, np.where(near1, small_b, np.where((alpha > 6) & (beta_s > 6), mid, rational)))
    return out.astype(dt)


def _dirichlet_grad(x: T.Tensor, alpha: T.Tensor, total: T.Tensor) -> T.Tensor:
    """Reparameterisation gradient of Dirichlet samples wrt each concentration (torch's approximation)."""
    return T._wrap(_dirichlet_grad_np(x._data, alpha._data, total._data))


class _Dirichlet(Function):
    @staticmethod
    def forward(ctx, concentration: T.Tensor) -> T.Tensor:
        x = _sample_dirichlet(concentration)
        ctx.save_for_backward(x, concentration)
        return x

    @staticmethod
    @once_differentiable
    def backward(ctx, grad_output: T.Tensor):
        x, concentration = ctx.saved_tensors
        total = concentration.sum(-1, True).expand_as(concentration)
        grad = _dirichlet_grad(x, concentration, total)
        return grad * (grad_output - (x * grad_output).sum(-1, True))
