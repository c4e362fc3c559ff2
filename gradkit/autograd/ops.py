"""The op table: every differentiable primitive, its forward beside its backward node.

A forward function computes with NumPy and, only when grad mode is on and an input requires
grad, records one node. A node's ``backward(grad)`` returns one gradient per input, computed with
tensor ops so that ``create_graph=True`` records them too.
"""
from __future__ import annotations

import builtins
import math
import warnings
from collections import namedtuple

import numpy as np

from .. import _dtype as D
from .. import _stl_select
from .._blas import threads_for as _bt
from .._tensor import Size, Tensor, _dim, _size_arg, _wrap
from . import _views as _V
from ._core import GRAD, Node, as_t, edge, fl, fresh, grad_home, needs, prep, record, rtype, scalar, unb

np.seterr(all="ignore")
_isinstance = builtins.isinstance
_abs = builtins.abs
_max = builtins.max
_min = builtins.min
_sum = builtins.sum
_Number = (int, float, builtins.bool, np.number, np.bool_)


def _dims(dim, ndim):
    """Normalise ``dim`` (None, int or sequence) to a sorted tuple of non-negative axes."""
    if dim is None:
        return tuple(range(ndim))
    if _isinstance(dim, (int, np.integer)):
        dim = (dim,)
    if ndim == 0:
        for d in dim:
            _dim(int(d), ndim)
        return ()
    norm = [_dim(int(d), ndim) for d in dim]
    out = tuple(sorted(set(norm)))
    if len(out) != len(dim):
        dup = next(d for i, d in enumerate(norm) if d in norm[:i])
        raise RuntimeError(f"dim {dup} appears multiple times in the list of dims")
    return out


def _bc_error(x, y):
    sa, sb = np.shape(x), np.shape(y)
    n = _max(len(sa), len(sb))
    pa, pb = (1,) * (n - len(sa)) + tuple(sa), (1,) * (n - len(sb)) + tuple(sb)
    for i in range(n - 1, -1, -1):
        if pa[i] != pb[i] and pa[i] != 1 and pb[i] != 1:
            raise RuntimeError(f"The size of tensor a ({pa[i]}) must match the size of tensor b ({pb[i]}) at "
                               f"non-singleton dimension {i}")
    raise RuntimeError(f"shapes {list(sa)} and {list(sb)} cannot be broadcast together")


def _int_wrap(v, dt):
    """A Python int outside ``dt``'s range, wrapped to ``dt`` the way torch casts scalars (low bits kept)."""
    if type(v) is int and dt.kind in "iu":
        return np.array(v % (1 << 64), dtype=np.uint64).astype(dt)
    return v


def _bin(npf, x, y):
    """``npf(x, y)``, with NumPy's broadcasting error turned into torch's."""
    try:
        return npf(x, y)
    except ValueError:
        _bc_error(x, y)
    except OverflowError:
        dt = (y if type(x) is int else x).dtype
        return npf(_int_wrap(x, dt), _int_wrap(y, dt))


def _t(x, like):
    return x if _isinstance(x, Tensor) else as_t(x, like)


# =========================================================================================
# Elementwise binary arithmetic
# =========================================================================================
class AddBackward0(Node):
    __slots__ = ("ash", "bsh", "adt", "bdt", "alpha")

    def backward(self, g):
        na, nb = self.next
        ga = unb(g, self.ash, self.adt) if na is not None else None
        gb = None
        if nb is not None:
            gb = g if self.alpha == 1 else g * self.alpha
            gb = unb(gb, self.bsh, self.bdt)
        return ga, gb


class SubBackward0(AddBackward0):
    __slots__ = ()

    def backward(self, g):
        na, nb = self.next
        ga = unb(g, self.ash, self.adt) if na is not None else None
        gb = unb(g * (-self.alpha), self.bsh, self.bdt) if nb is not None else None
        return ga, gb


def _shape_dt(x):
    if _isinstance(x, Tensor):
        return x._data.shape, x._data.dtype
    return (), None


def _binrec(node, r, a, b):
    node.ash, node.adt = _shape_dt(a)
    node.bsh, node.bdt = _shape_dt(b)
    return record(r, node, a, b)


_NOARG = object()


def _deprecated_overload(name, sig, new_sig):
    if name not in _WARNED_OVERLOADS:
        _WARNED_OVERLOADS.add(name)
        warnings.warn(f"This overload of {name} is deprecated:\n\t{name}({sig})\nConsider using one of the following "
                      f"signatures instead:\n\t{name}({new_sig})", UserWarning, stacklevel=3)


_WARNED_OVERLOADS: set = set()


def _axpy(x, y, alpha):
    """``x + alpha * y`` for ``add``/``sub`` with ``alpha``: torch's CPU kernel rounds float32/float64 once (a
    fused multiply-add)."""
    dt = x.dtype if _isinstance(x, np.ndarray) else np.asarray(y).dtype
    if dt.kind != "f" or dt.itemsize < 4:
        return _bin(np.add, x, y * alpha)
    from .._random_ops import _fma32, _fma64
    cdt = np.float64 if dt.itemsize == 8 else np.float32
    xa = np.asarray(x, dtype=dt).astype(cdt, copy=False)
    ya = np.asarray(y, dtype=dt).astype(cdt, copy=False)
    try:
        np.broadcast_shapes(xa.shape, ya.shape)
    except ValueError:
        _bc_error(x, y)
    r = _fma64(ya, float(alpha), xa) if cdt is np.float64 else _fma32(ya, np.float32(alpha), xa)
    return np.asarray(r).astype(dt, copy=False)


def add(input, other, _other=_NOARG, *, alpha=1, out=None):
    """``input + alpha * other`` with broadcasting and torch's type promotion."""
    if _other is not _NOARG:
        _deprecated_overload("add", "Number alpha, Tensor other", "Tensor other, *, Number alpha = 1")
        alpha, other = other, _other
    x, y, _ = prep(input, other)
    r = _wrap(_bin(np.add, x, y) if alpha == 1 else _axpy(x, y, alpha))
    if out is not None:
        return _to_out(out, r)
    if needs(input, other):
        n = AddBackward0()
        n.alpha = alpha
        return _binrec(n, r, input, other)
    return r


def sub(input, other, _other=_NOARG, *, alpha=1, out=None):
    """``input - alpha * other``."""
    if _other is not _NOARG:
        _deprecated_overload("sub", "Number alpha, Tensor other", "Tensor other, *, Number alpha = 1")
        alpha, other = other, _other
    ba = input._data.dtype == np.bool_ if _isinstance(input, Tensor) else _isinstance(input, (builtins.bool, np.bool_))
    bb = other._data.dtype == np.bool_ if _isinstance(other, Tensor) else _isinstance(other, (builtins.bool, np.bool_))
    if ba or bb:
        if ba and bb:
            raise RuntimeError("Subtraction, the `-` operator, with two bool tensors is not supported. "
                               "Use the `^` or `logical_xor()` operator instead.")
        raise RuntimeError("Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying "
                           "to invert a mask, use the `~` or `logical_not()` operator instead.")
    x, y, _ = prep(input, other)
    r = _wrap(_bin(np.subtract, x, y) if alpha == 1 else _axpy(x, y, -alpha))
    if out is not None:
        return _to_out(out, r)
    if needs(input, other):
        n = SubBackward0()
        n.alpha = alpha
        return _binrec(n, r, input, other)
    return r


def rsub(input, other, *, alpha=1):
    return sub(other, input * alpha if alpha != 1 else input)


class MulBackward0(Node):
    __slots__ = ("ash", "bsh", "adt", "bdt")

    def backward(self, g):
        a, b = self.saved()
        na, nb = self.next
        if not GRAD[0]:
            gd = g._data
            ga = unb(_wrap(np.multiply(gd, b._data if _isinstance(b, Tensor) else b)), self.ash, self.adt) \
                if na is not None else None
            gb = unb(_wrap(np.multiply(gd, a._data if _isinstance(a, Tensor) else a)), self.bsh, self.bdt) \
                if nb is not None else None
            return ga, gb
        ga = unb(g * b, self.ash, self.adt) if na is not None else None
        gb = unb(g * a, self.bsh, self.bdt) if nb is not None else None
        return ga, gb


_F16 = np.dtype(np.float16)


def _half_scalar(npf, x, y, always=False):
    """float16 tensor with a Python number (or any float16 operands when ``always``): torch computes in float32
    (the scalar kept in float32) and rounds once."""
    if type(x) is float or type(x) is int:
        return npf(np.float32(x), y.astype(np.float32)).astype(_F16)
    if type(y) is float or type(y) is int:
        return npf(x.astype(np.float32), np.float32(y)).astype(_F16)
    if always:
        return _bin(npf, x.astype(np.float32), y.astype(np.float32)).astype(_F16)
    return _bin(npf, x, y)


def _wide_0d(other, y):
    """A 0-d float32/float64 tensor as the second operand of a float16 op: torch reads it as a float32 scalar."""
    if _isinstance(other, Tensor) and other._data.ndim == 0 and other._data.dtype.kind == "f" and \
            other._data.dtype.itemsize > 2:
        return float(other._data)
    return y


def mul(input, other, *, out=None):
    """Elementwise product."""
    x, y, dt = prep(input, other)
    r = _wrap(_half_scalar(np.multiply, x, _wide_0d(other, y)) if dt is _F16 else _bin(np.multiply, x, y))
    if out is not None:
        return _to_out(out, r)
    if needs(input, other):
        n = MulBackward0()
        ga = _isinstance(input, Tensor) and input._requires_grad
        gb = _isinstance(other, Tensor) and other._requires_grad
        n.save((input if _isinstance(input, Tensor) else scalar(input)) if gb else 0,
               (other if _isinstance(other, Tensor) else scalar(other)) if ga else 0)
        return _binrec(n, r, input, other)
    return r


class DivBackward0(Node):
    __slots__ = ("ash", "bsh", "adt", "bdt")

    def backward(self, g):
        a, b = self.saved()
        na, nb = self.next
        ga = unb(g / b, self.ash, self.adt) if na is not None else None
        gb = unb(-g * a / (b * b), self.bsh, self.bdt) if nb is not None else None
        return ga, gb


def div(input, other, *, rounding_mode=None, out=None):
    """True division (integers give the default float), or ``'trunc'``/``'floor'`` rounding."""
    if rounding_mode is not None:
        if rounding_mode not in ("trunc", "floor"):
            raise ValueError(f"div expected rounding_mode to be one of None, 'trunc', or 'floor' but found "
                             f"'{rounding_mode}'")
        x, y, dt = prep(input, other)
        if dt.kind in "iub":
            _int_zero_div(input, other)
            x, y = _int_wrap(x, dt), _int_wrap(y, dt)
            if rounding_mode == "floor":
                r = np.floor_divide(x, y)
            else:
                q = np.floor_divide(x, y)
                r = np.where((np.remainder(x, y) != 0) & ((np.asarray(x) < 0) != (np.asarray(y) < 0)), q + 1, q)
                r = r.astype(dt, copy=False)
            res = _wrap(np.asarray(r, dtype=dt))
        else:
            if dt is _F16 and (type(x) is float or type(x) is int):
                x = np.float16(x)
            if rounding_mode == "floor":
                res = _wrap(_half_scalar(np.floor_divide, x, y, True) if dt is _F16 else np.floor_divide(x, y))
            else:
                if dt is not _F16:
                    res = _wrap(np.trunc(np.divide(x, y)))
                elif type(y) is float or type(y) is int:
                    res = _wrap(np.trunc(np.divide(x.astype(np.float32), np.float32(y))).astype(_F16))
                else:
                    res = _wrap(np.trunc(_half_scalar(np.true_divide, x, y, True)))
            if needs(input, other):
                res = _zero_grad_result(res, input, other)
        return _to_out(out, res) if out is not None else res
    x, y, dt = prep(input, other)
    if dt.kind != "f":
        nd = D._default[0].np
        x = np.asarray(x, dtype=nd) if not _isinstance(x, (int, float)) else x
        y = np.asarray(y, dtype=nd) if not _isinstance(y, (int, float)) else y
        if _isinstance(x, (int, float)) and _isinstance(y, (int, float)):
            x = np.asarray(x, dtype=nd)
    r = _wrap(_half_scalar(np.true_divide, x, _wide_0d(other, y)) if dt is _F16 else _bin(np.true_divide, x, y))
    if out is not None:
        return _to_out(out, r)
    if needs(input, other):
        n = DivBackward0()
        gb = _isinstance(other, Tensor) and other._requires_grad
        n.save((input if _isinstance(input, Tensor) else scalar(input)) if gb else 0,
               other if _isinstance(other, Tensor) else scalar(other))
        return _binrec(n, r, input, other)
    return r


def true_divide(input, other):
    return div(input, other)


def rdiv(input, other):
    return div(other, input)


class ZeroBackward(Node):
    """Gradient zero for every input (rounding functions)."""

    __slots__ = ("shapes",)

    def backward(self, g):
        return tuple(None if n is None else zeros(sh, dtype=dt) for n, (sh, dt) in zip(self.next, self.shapes))


def _zero_grad_result(r, *inputs):
    n = ZeroBackward()
    n.shapes = [(i._data.shape, i.dtype) if _isinstance(i, Tensor) else ((), None) for i in inputs]
    return record(r, n, *inputs)


def _int_zero_div(input, other):
    xs = [t._data if _isinstance(t, Tensor) else np.asarray(t) for t in (input, other)]
    if xs[0].dtype.kind in "iub" and xs[1].dtype.kind in "iub" and (xs[1] == 0).any():
        raise RuntimeError("ZeroDivisionError")


def floor_divide(input, other, *, out=None):
    _int_zero_div(input, other)
    return div(input, other, rounding_mode="floor", out=out)


class RemainderBackward0(Node):
    __slots__ = ("ash", "bsh", "adt", "bdt")

    def backward(self, g):
        a, b = self.saved()
        na, nb = self.next
        ga = unb(g, self.ash, self.adt) if na is not None else None
        gb = unb(-g * div(a, b, rounding_mode=self.mode), self.bsh, self.bdt) if nb is not None else None
        return ga, gb


class FmodBackward0(RemainderBackward0):
    __slots__ = ()
    mode = "trunc"


RemainderBackward0.mode = "floor"


def remainder(input, other, *, out=None):
    """Python-style modulus (sign of the divisor)."""
    _int_zero_div(input, other)
    x, y, _ = prep(input, other)
    r = _wrap(_bin(np.remainder, x, y))
    if r._data.dtype.kind == "f":
        zero = r._data == 0
        if zero.any():
            np.copysign(r._data, x, out=r._data, where=zero)
    if needs(input, other):
        n = RemainderBackward0()
        n.save(input, other)
        _binrec(n, r, input, other)
    return _to_out(out, r) if out is not None else r


def fmod(input, other, *, out=None):
    """C-style modulus (sign of the dividend)."""
    _int_zero_div(input, other)
    x, y, _ = prep(input, other)
    r = _wrap(_bin(np.fmod, x, y))
    if needs(input, other):
        n = FmodBackward0()
        n.save(input, other)
        _binrec(n, r, input, other)
    return _to_out(out, r) if out is not None else r


class PowBackward0(Node):
    __slots__ = ("e",)

    def backward(self, g):
        (a,) = self.saved()
        e = self.e
        if e == 0:
            return (zeros_like(a),)
        return (g * (e * pow(a, e - 1)),)


class PowBackward1(Node):
    __slots__ = ("ash", "bsh", "adt", "bdt")

    def backward(self, g):
        a, b, r = self.saved()
        na, nb = self.next
        ga = gb = None
        if na is not None:
            ga = unb(g * b * pow(a, b - 1), self.ash, self.adt)
        if nb is not None:
            la = log(a)
            gb = unb(g * r * where(a == 0, zeros_like(la) if _isinstance(la, Tensor) else 0.0, la),
                     self.bsh, self.bdt)
        return ga, gb


class PowBackward2(Node):
    __slots__ = ("base",)

    def backward(self, g):
        (r,) = self.saved()
        return (g * r * math.log(self.base) if self.base > 0 else g * r * float("nan"),)


def pow(input, exponent, *, out=None):  # noqa: A001
    """``input ** exponent``; either side may be a number."""
    if not _isinstance(input, Tensor):
        x, y, dt = prep(input, exponent)
        r = _wrap(_int_pow(x, y, dt) if dt.kind in "iub" else _bin(np.power, x, y))
        if needs(exponent):
            n = PowBackward2()
            n.base = scalar(input)
            n.save(r)
            record(r, n, exponent)
        return r
    if not _isinstance(exponent, Tensor):
        e = scalar(exponent)
        a = input._data
        if a.dtype.kind in "iub" and _isinstance(e, int) and e < 0:
            raise RuntimeError("Integers to negative integer powers are not allowed.")
        if a.dtype == np.bool_ and _isinstance(e, builtins.bool):
            r = _wrap(a.copy() if e else np.ones_like(a))
            return _to_out(out, r) if out is not None else r
        x, _, dt = prep(input, e)
        if e == 2:
            r = _wrap(np.multiply(x, x))
        elif e == 0.5:
            r = _wrap(np.sqrt(x))
        elif e == 3 and dt.kind == "f" and dt.itemsize > 2:
            r = _wrap(x * x * x)
        elif e == -2 and dt.kind == "f" and dt.itemsize > 2:
            r = _wrap(1 / (x * x))
        else:
            r = _wrap(np.power(x, e).astype(dt, copy=False))
        if out is not None:
            return _to_out(out, r)
        if needs(input):
            n = PowBackward0()
            n.e = e
            n.save(input)
            record(r, n, input)
        return r
    x, y, dt = prep(input, exponent)
    r = _wrap(_int_pow(x, y, dt) if dt.kind in "iub" else _bin(np.power, x, y))
    if out is not None:
        return _to_out(out, r)
    if needs(input, exponent):
        n = PowBackward1()
        n.save(input, exponent, r)
        _binrec(n, r, input, exponent)
    return r


def _int_pow(x, y, dt):
    """torch's integer power: wrapping overflow; a negative exponent gives 1 for base 1, +-1 for base -1, else 0."""
    if dt == np.bool_:
        raise NotImplementedError("\"pow\" not implemented for 'Bool'")
    x = np.asarray(x).astype(dt, copy=False) if not _isinstance(x, np.ndarray) else x
    y = np.asarray(y).astype(dt, copy=False) if not _isinstance(y, np.ndarray) else y
    neg = y < 0 if dt.kind == "i" else None
    if neg is None or not neg.any():
        return _bin(np.power, x, y)
    r = _bin(np.power, x, np.where(neg, 0, y).astype(dt))
    xb = np.broadcast_to(x, r.shape)
    odd = np.broadcast_to(y % 2 != 0, r.shape)
    alt = np.where(xb == 1, 1, np.where(xb == -1, np.where(odd, -1, 1), 0)).astype(dt)
    return np.where(np.broadcast_to(neg, r.shape), alt, r)


def float_power(input, exponent):
    i = input.double() if _isinstance(input, Tensor) else float(input)
    e = exponent.double() if _isinstance(exponent, Tensor) else float(exponent)
    return pow(i, e)


def rpow(input, other):
    return pow(other, input)


class MaximumBackward0(Node):
    __slots__ = ("ash", "bsh", "adt", "bdt", "fn")

    def backward(self, g):
        a, b = self.saved()
        na, nb = self.next
        half = (a == b).to(g.dtype) * 0.5
        lo, hi = ((a < b), (a > b)) if self.fn == "max" else ((a > b), (a < b))
        ga = unb(g * (1 - lo.to(g.dtype) - half), self.ash, self.adt) if na is not None else None
        gb = unb(g * (1 - hi.to(g.dtype) - half), self.bsh, self.bdt) if nb is not None else None
        return ga, gb


def _minmax2(fn, input, other, npf):
    if not _isinstance(other, Tensor):
        other = as_t(other)
    x, y, _ = prep(input, other)
    r = _wrap(_bin(npf, x, y))
    if needs(input, other):
        n = MaximumBackward0() if fn == "max" else MinimumBackward0()
        n.fn = fn
        n.save(input, other)
        _binrec(n, r, input, other)
    return r


class MinimumBackward0(MaximumBackward0):
    __slots__ = ()


def maximum(input, other, *, out=None):
    """Elementwise maximum (NaN propagates)."""
    r = _minmax2("max", input, other, np.maximum)
    return _to_out(out, r) if out is not None else r


def minimum(input, other, *, out=None):
    """Elementwise minimum (NaN propagates)."""
    r = _minmax2("min", input, other, np.minimum)
    return _to_out(out, r) if out is not None else r


class FmaxBackward0(Node):
    """Gradient of fmax/fmin: ties and a NaN ``other`` send all of it to ``input``."""

    __slots__ = ("ash", "bsh", "adt", "bdt", "fn")

    def backward(self, g):
        a, b = self.saved()
        na, nb = self.next
        keep = ((a >= b) if self.fn == "max" else (a <= b)) | isnan(b)
        ga = unb(where(keep, g, zeros_like(g)), self.ash, self.adt) if na is not None else None
        gb = unb(where(keep, zeros_like(g), g), self.bsh, self.bdt) if nb is not None else None
        return ga, gb


class FminBackward0(FmaxBackward0):
    __slots__ = ()


def _fminmax(fn, input, other, npf):
    if not _isinstance(other, Tensor):
        other = as_t(other)
    x, y, _ = prep(input, other)
    r = _wrap(_bin(npf, x, y))
    if needs(input, other):
        n = FmaxBackward0() if fn == "max" else FminBackward0()
        n.fn = fn
        n.save(input, other)
        _binrec(n, r, input, other)
    return r


def fmax(input, other):
    """Elementwise maximum that ignores a NaN when the other value is a number."""
    return _fminmax("max", input, other, np.fmax)


def fmin(input, other):
    """Elementwise minimum that ignores a NaN when the other value is a number."""
    return _fminmax("min", input, other, np.fmin)


class Atan2Backward0(Node):
    __slots__ = ("ash", "bsh", "adt", "bdt")

    def backward(self, g):
        a, b = self.saved()
        d = a * a + b * b
        d = where(d == 0, float("inf"), d)
        na, nb = self.next
        return (unb(g * b / d, self.ash, self.adt) if na is not None else None,
                unb(-g * a / d, self.bsh, self.bdt) if nb is not None else None)


def atan2(input, other, *, out=None):
    x, y, dt = prep(input, other)
    if dt.kind != "f":
        x, y = np.asarray(x, D._default[0].np), np.asarray(y, D._default[0].np)
    r = _wrap(_bin(np.arctan2, x, y))
    if needs(input, other):
        n = Atan2Backward0()
        n.save(input, other)
        _binrec(n, r, input, other)
    return _to_out(out, r) if out is not None else r


arctan2 = atan2


class HypotBackward0(Node):
    __slots__ = ("ash", "adt", "bsh", "bdt")

    def backward(self, g):
        a, b, r = self.saved()
        na, nb = self.next
        return (unb(g * a / r, self.ash, self.adt) if na is not None else None,
                unb(g * b / r, self.bsh, self.bdt) if nb is not None else None)


def hypot(input, other):
    """``sqrt(input**2 + other**2)`` without intermediate overflow."""
    x, y, dt = prep(input, other)
    if dt.kind != "f":
        raise NotImplementedError(f'"hypot_cpu" not implemented for \'{_tname(D.to_dtype(dt))}\'')
    r = _wrap(np.hypot(x, y))
    if needs(input, other):
        n = HypotBackward0()
        a, b = _t(input, r), _t(other, r)
        n.ash, n.adt, n.bsh, n.bdt = a._data.shape, a._data.dtype, b._data.shape, b._data.dtype
        n.save(a, b, r)
        record(r, n, input, other)
    return r


def logaddexp(input, other):
    m = maximum(input, other).detach()
    m = where(isinf(m), zeros_like(m), m)
    return log(exp(input - m) + exp(other - m)) + m


class XlogyBackward0(Node):
    """``d/dx = log(y)`` (0 where x == 0 and y <= 0), ``d/dy = x / y``, as torch defines them."""

    __slots__ = ()

    def backward(self, g):
        x, y = self.saved()
        nx, ny = self.next
        gx = unb(g * where((x == 0) & (y <= 0), zeros_like(y), log(y)), x._data.shape) if nx is not None else None
        gy = unb(g * x / y, y._data.shape) if ny is not None else None
        return gx, gy


def xlogy(input, other, *, out=None):
    """``x * log(y)``, and 0 where ``x == 0`` (unless ``y`` is NaN)."""
    i = _t(input, other if _isinstance(other, Tensor) else None)
    o = _t(other, i)
    if i.dtype is not o.dtype or not i.dtype.is_floating_point:
        dt = D.promote_types(i.dtype, o.dtype)
        dt = dt if dt.is_floating_point else D._default[0]
        i, o = i.to(dt), o.to(dt)
    x, y = i._data, o._data
    with np.errstate(all="ignore"):
        r = _wrap(np.where((x == 0) & ~np.isnan(y), x.dtype.type(0), _bin(np.multiply, x, np.log(y))))
    if out is not None:
        return _to_out(out, r)
    if needs(i, o):
        n = XlogyBackward0()
        n.save(i, o)
        record(r, n, i, o)
    return r


def lerp(input, end, weight):
    """``input + weight * (end - input)``."""
    if _isinstance(end, Tensor) and end._data.dtype != input._data.dtype:
        raise RuntimeError(f"expected dtype {_cname(input.dtype)} for `end` but got dtype {_cname(end.dtype)}")
    if _isinstance(weight, Tensor) and weight._data.ndim and weight._data.dtype != input._data.dtype:
        raise RuntimeError(f"expected dtype {_cname(input.dtype)} for `weight` but got dtype {_cname(weight.dtype)}")
    if input._data.dtype.kind != "f":
        raise NotImplementedError(f'"lerp_kernel_{"tensor" if _isinstance(weight, Tensor) else "scalar"}" not '
                                  f"implemented for '{_tname(input.dtype)}'")
    if _isinstance(end, Tensor) and end._data.shape != input._data.shape:
        try:
            np.broadcast_shapes(input._data.shape, end._data.shape)
        except ValueError:
            _bc_error(input._data, end._data)
    return input + weight * (end - input)


def addcmul(input, tensor1, tensor2, _tensor2=_NOARG, *, value=1):
    if _tensor2 is not _NOARG:
        _deprecated_overload("addcmul", "Number value, Tensor tensor1, Tensor tensor2",
                             "Tensor tensor1, Tensor tensor2, *, Number value = 1")
        value, tensor1, tensor2 = tensor1, tensor2, _tensor2
    if _isinstance(value, float) and input._data.dtype.kind != "f" and tensor1._data.dtype.kind != "f" and \
            tensor2._data.dtype.kind != "f":
        value = int(value)
    return input + value * (tensor1 * tensor2)


def addcdiv(input, tensor1, tensor2, _tensor2=_NOARG, *, value=1):
    if _tensor2 is not _NOARG:
        _deprecated_overload("addcdiv", "Number value, Tensor tensor1, Tensor tensor2",
                             "Tensor tensor1, Tensor tensor2, *, Number value = 1")
        value, tensor1, tensor2 = tensor1, tensor2, _tensor2
    if tensor1._data.dtype.kind in "iub" and tensor2._data.dtype.kind in "iub":
        raise RuntimeError(
            "Integer division with addcdiv is no longer supported, and in a future  release addcdiv will perform a "
            "true division of tensor1 and tensor2. The historic addcdiv behavior can be implemented as (input + value "
            "* torch.trunc(tensor1 / tensor2)).to(input.dtype) for integer inputs and as (input + value * tensor1 / "
            "tensor2) for float inputs. The future addcdiv behavior is just the latter implementation: (input + value "
            "* tensor1 / tensor2), for all dtypes.")
    return input + value * (tensor1 / tensor2)


def copysign(input, other):
    if not input.is_floating_point():
        input = input.to(other.dtype if _isinstance(other, Tensor) and other.is_floating_point() else D._default[0])
    if _isinstance(other, Tensor) and other._data.dtype == np.bool_:
        other = other.to(input.dtype if input.is_floating_point() else D._default[0])
    s = sign(_t(other, input))
    s = where(s == 0, ones_like(s), s)
    if _isinstance(other, Tensor):
        s = where(signbit(other), -ones_like(s), ones_like(s))
    return abs(input) * s


def signbit(input):
    return _wrap(np.signbit(input._data))


# ---- comparisons and logic (no gradient) -------------------------------------------------
def _cmp(npf):
    def op(input, other, *, out=None):
        if other is None:
            raise TypeError("comparison with None is not supported")
        x, y, _ = prep(input, other)
        if type(y) is int and not 0 <= y <= 127 and _isinstance(x, np.ndarray) and x.dtype.kind in "iu":
            info = np.iinfo(x.dtype)
            if not info.min <= y <= info.max:
                y = _int_wrap(y, x.dtype)
        r = _wrap(_bin(npf, x, y))
        return _to_out(out, r) if out is not None else r
    return op


eq = _cmp(np.equal)
ne = _cmp(np.not_equal)
lt = _cmp(np.less)
le = _cmp(np.less_equal)
gt = _cmp(np.greater)
ge = _cmp(np.greater_equal)
greater, greater_equal, less, less_equal, not_equal = gt, ge, lt, le, ne


def _logical(npf):
    def op(input, other, *, out=None):
        r = _wrap(npf(input._data, other._data if _isinstance(other, Tensor) else other))
        return _to_out(out, r) if out is not None else r
    return op


logical_and = _logical(np.logical_and)
logical_or = _logical(np.logical_or)
logical_xor = _logical(np.logical_xor)


def logical_not(input, *, out=None):
    r = _wrap(np.logical_not(input._data))
    return _to_out(out, r) if out is not None else r


def _cname(dt):
    """The C++ type name torch prints in some dtype errors (``float``, ``long int``)."""
    return _CNAME[dt.name]


def _bitwise(npf, name):
    def op(input, other):
        x, y, dt = prep(input, other)
        if dt.kind == "f":
            raise NotImplementedError(f'"{name}_cpu" not implemented for \'{_tname(D.to_dtype(dt))}\'')
        return _wrap(npf(x, y))
    return op


bitwise_and = _bitwise(np.bitwise_and, "bitwise_and")
bitwise_or = _bitwise(np.bitwise_or, "bitwise_or")
bitwise_xor = _bitwise(np.bitwise_xor, "bitwise_xor")
bitwise_left_shift = _bitwise(np.left_shift, "lshift")
bitwise_right_shift = _bitwise(np.right_shift, "rshift")


def bitwise_not(input):
    if input._data.dtype.kind == "f":
        raise NotImplementedError(f'"bitwise_not_cpu" not implemented for \'{_tname(input.dtype)}\'')
    return _wrap(np.invert(input._data))


def equal(input, other) -> bool:
    """True when both tensors have the same size and elements."""
    return input._data.shape == other._data.shape and builtins.bool(np.array_equal(input._data, other._data))


def isclose(input, other, rtol=1e-05, atol=1e-08, equal_nan=False):
    if _isinstance(other, Tensor) and input._data.dtype != other._data.dtype:
        raise RuntimeError(f"{_tname(input.dtype)} did not match {_tname(other.dtype)}")
    x, y, _ = prep(input, other)
    return _wrap(np.isclose(x, y, rtol=rtol, atol=atol, equal_nan=equal_nan))


def allclose(input, other, rtol=1e-05, atol=1e-08, equal_nan=False) -> bool:
    return builtins.bool(isclose(input, other, rtol, atol, equal_nan)._data.all())


def isnan(input):
    return _wrap(np.isnan(input._data))


def isinf(input):
    return _wrap(np.isinf(input._data))


def isposinf(input):
    return _wrap(np.isposinf(input._data))


def isneginf(input):
    return _wrap(np.isneginf(input._data))


def isfinite(input):
    return _wrap(np.isfinite(input._data))


def isreal(input):
    return _wrap(np.ones(input._data.shape, dtype=np.bool_))


# =========================================================================================
# Elementwise unary
# =========================================================================================
class _Unary(Node):
    """A unary op whose backward is ``g * d(saved)``; ``d`` is written with tensor ops."""

    __slots__ = ()
    uses_out = False

    def backward(self, g):
        (s,) = self.saved()
        return (g * self.d(s),)


def _unary(name, npf, d, uses_out=False, floating=True, backward=None):
    body = {"__slots__": (), "d": staticmethod(d), "uses_out": uses_out}
    if backward is not None:
        body["backward"] = backward
    cls = type(name, (_Unary,), body)

    def op(input, *, out=None):
        a = fl(input) if floating else input._data
        r = _wrap(npf(a))
        if out is not None:
            return _to_out(out, r)
        if GRAD[0] and input._requires_grad:
            n = cls()
            n.save(r if uses_out else input)
            record(r, n, input)
        return r
    op.__name__ = op.__qualname__ = name.replace("Backward0", "").lower()
    op.__doc__ = f"Elementwise ``{op.__name__}``."
    return op, cls


exp, ExpBackward0 = _unary("ExpBackward0", np.exp, lambda r: r, uses_out=True)
exp2, Exp2Backward0 = _unary("Exp2Backward0", np.exp2, lambda r: r * math.log(2.0), uses_out=True)
expm1, Expm1Backward0 = _unary("Expm1Backward0", np.expm1, lambda r: r + 1, uses_out=True)
log, LogBackward0 = _unary("LogBackward0", np.log, lambda x: 1 / x)
log2, Log2Backward0 = _unary("Log2Backward0", np.log2, lambda x: 1 / (x * math.log(2.0)))
log10, Log10Backward0 = _unary("Log10Backward0", np.log10, lambda x: 1 / (x * math.log(10.0)))
log1p, Log1PBackward0 = _unary("Log1PBackward0", np.log1p, lambda x: 1 / (x + 1))
sqrt, SqrtBackward0 = _unary("SqrtBackward0", np.sqrt, lambda r: 0.5 / r, uses_out=True)
def _rsqrt_np(a):
    if a.dtype == np.float16:
        return (1 / np.sqrt(a.astype(np.float32))).astype(np.float16)
    return 1 / np.sqrt(a)


rsqrt, RsqrtBackward0 = _unary("RsqrtBackward0", _rsqrt_np, lambda r: -0.5 * r * r * r, uses_out=True)
sin, SinBackward0 = _unary("SinBackward0", np.sin, lambda x: cos(x))
cos, CosBackward0 = _unary("CosBackward0", np.cos, lambda x: -sin(x))
tan, TanBackward0 = _unary("TanBackward0", np.tan, lambda r: 1 + r * r, uses_out=True)
asin, AsinBackward0 = _unary("AsinBackward0", np.arcsin, lambda x: rsqrt(1 - x * x))
acos, AcosBackward0 = _unary("AcosBackward0", np.arccos, lambda x: -rsqrt(1 - x * x))
atan, AtanBackward0 = _unary("AtanBackward0", np.arctan, lambda x: 1 / (1 + x * x))
sinh, SinhBackward0 = _unary("SinhBackward0", np.sinh, lambda x: cosh(x))
cosh, CoshBackward0 = _unary("CoshBackward0", np.cosh, lambda x: sinh(x))
def _tanh_d(r):
    """``1 - r*r`` rounded once, as torch's fused multiply-add kernel does for float32."""
    a = r._data
    if a.dtype == np.float32 and not (GRAD[0] and r._requires_grad):
        w = a.astype(np.float64)
        return _wrap((1.0 - w * w).astype(np.float32))
    return 1 - r * r


tanh, TanhBackward0 = _unary("TanhBackward0", np.tanh, _tanh_d, uses_out=True)
asinh, AsinhBackward0 = _unary("AsinhBackward0", np.arcsinh, lambda x: rsqrt(x * x + 1))
acosh, AcoshBackward0 = _unary("AcoshBackward0", np.arccosh, lambda x: rsqrt(x * x - 1))
atanh, AtanhBackward0 = _unary("AtanhBackward0", np.arctanh, lambda x: 1 / (1 - x * x))
reciprocal, ReciprocalBackward0 = _unary("ReciprocalBackward0", lambda a: 1 / a, lambda r: -r * r,
                                         uses_out=True)
arcsin, arccos, arctan, arcsinh, arccosh, arctanh = asin, acos, atan, asinh, acosh, atanh


def _sigmoid_np(a):
    if a.dtype == np.float16:
        return _sigmoid_np(a.astype(np.float32)).astype(np.float16)
    with np.errstate(over="ignore"):
        r = np.exp(np.negative(a))
    return np.asarray(1 / (1 + r), dtype=a.dtype)


def _sigmoid_backward(self, g):
    """``(g * (1 - y)) * y``, grouped as torch's kernel groups it, so float32 gradients match bit for bit."""
    (r,) = self.saved()
    if not GRAD[0]:
        ra = r._data
        return (_wrap(np.multiply(np.multiply(g._data, 1 - ra), ra)),)
    return (g * (1 - r) * r,)


sigmoid, SigmoidBackward0 = _unary("SigmoidBackward0", _sigmoid_np, lambda r: r * (1 - r), uses_out=True,
                                   backward=_sigmoid_backward)
expit = sigmoid


_ERFC_C = (-1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587,
           -0.82215223, 0.17087277)
_ERF_TAYLOR = tuple((-1) ** n / (math.factorial(n) * (2 * n + 1)) for n in range(14))


def _erf32_np(a: np.ndarray) -> np.ndarray:
    """Vectorised erf accurate to ~6e-8 relative (enough for float32): Taylor series below 0.5, a Chebyshev
    fit of erfc above."""
    x = a.astype(np.float64)
    z = np.abs(x)
    out = np.empty_like(x)
    sm = z < 0.5
    xs = x[sm]
    x2 = xs * xs
    p = np.full_like(x2, _ERF_TAYLOR[-1])
    for c in _ERF_TAYLOR[-2::-1]:
        p *= x2
        p += c
    out[sm] = xs * p * (2.0 / math.sqrt(math.pi))
    lg = ~sm
    zl = z[lg]
    t = 1.0 / (1.0 + 0.5 * zl)
    q = np.full_like(zl, _ERFC_C[-1])
    for c in _ERFC_C[-2:0:-1]:
        q *= t
        q += c
    q *= t
    q += _ERFC_C[0] - zl * zl
    np.exp(q, out=q)
    q *= t
    out[lg] = np.copysign(1.0 - q, x[lg])
    return out.astype(a.dtype)


def _erf_np(a):
    """erf: exact (libm) for float64 and tiny inputs, a vectorised approximation good to float32 otherwise."""
    if a.dtype != np.float64 and a.size > 64:
        return _erf32_np(a)
    if a.dtype == np.float64 or a.size < 4:
        return np.vectorize(math.erf, otypes=[a.dtype])(a) if a.size else a.copy()
    x = a.astype(np.float64)
    return np.vectorize(math.erf, otypes=[np.float64])(x).astype(a.dtype)


_SQRT_PI_2 = 2.0 / math.sqrt(math.pi)
erf, ErfBackward0 = _unary("ErfBackward0", _erf_np, lambda x: _SQRT_PI_2 * exp(-x * x))
def _erfc_np(a):
    """erfc computed directly: ``1 - erf`` loses all relative precision in the tail."""
    if a.dtype != np.float64 and a.size > 64:
        x = a.astype(np.float64)
        z = np.abs(x)
        t = 1.0 / (1.0 + 0.5 * z)
        q = np.full_like(z, _ERFC_C[-1])
        for c in _ERFC_C[-2:0:-1]:
            q *= t
            q += c
        q *= t
        q += _ERFC_C[0] - z * z
        q = np.exp(q) * t
        out = np.where(x >= 0, q, 2.0 - q)
        sm = z < 0.5
        out[sm] = 1.0 - _erf32_np(x[sm])
        return out.astype(a.dtype)
    return np.vectorize(math.erfc, otypes=[np.float64])(a.astype(np.float64)).astype(a.dtype) if a.size else a.copy()


erfc, ErfcBackward0 = _unary("ErfcBackward0", _erfc_np, lambda x: -_SQRT_PI_2 * exp(-x * x))


def _erfinv_np(a):
    x = a.astype(np.float64)
    w = -np.log((1.0 - x) * (1.0 + x))
    y = np.where(w < 5, _poly_small(w - 2.5), _poly_big(np.sqrt(np.maximum(w, 5)) - 3)) * x
    for _ in range(2):
        err = np.vectorize(math.erf, otypes=[np.float64])(y) - x
        y = y - err / (_SQRT_PI_2 * np.exp(-y * y))
    y = np.where(np.abs(x) == 1, np.sign(x) * np.inf, y)
    return y.astype(a.dtype)


def _poly_small(w):
    c = [2.81022636e-08, 3.43273939e-07, -3.5233877e-06, -4.39150654e-06, 0.00021858087, -0.00125372503,
         -0.00417768164, 0.246640727, 1.50140941]
    p = np.full_like(w, c[0])
    for k in c[1:]:
        p = k + p * w
    return p


def _poly_big(w):
    c = [-0.000200214257, 0.000100950558, 0.00134934322, -0.00367342844, 0.00573950773, -0.0076224613,
         0.00943887047, 1.00167406, 2.83297682]
    p = np.full_like(w, c[0])
    for k in c[1:]:
        p = k + p * w
    return p


erfinv, ErfinvBackward0 = _unary("ErfinvBackward0", _erfinv_np,
                                 lambda r: 0.5 * math.sqrt(math.pi) * exp(r * r), uses_out=True)


def _lgamma1(v: float) -> float:
    try:
        return math.lgamma(v)
    except ValueError:
        return math.inf


def _lgamma_np(a):
    return np.vectorize(_lgamma1, otypes=[a.dtype])(a) if a.size else a.copy()


def _digamma_np(a):
    x = a.astype(np.float64)
    neg = x < 0
    with np.errstate(all="ignore"):
        refl = np.where(neg, np.pi / np.tan(np.pi * x), 0.0)
    x = np.where(neg, 1 - x, x)
    res = -refl
    for _ in range(6):
        small = x < 6
        res = np.where(small, res - 1 / x, res)
        x = np.where(small, x + 1, x)
    f = 1 / (x * x)
    res = res + np.log(x) - 0.5 / x - f * (1 / 12 - f * (1 / 120 - f * (1 / 252 - f * (1 / 240 - f / 132))))
    res = np.where((a < 0) & (a == np.floor(a)), np.nan, res)
    return np.asarray(res, dtype=a.dtype)


def _polygamma1_np(a):
    x = a.astype(np.float64)
    neg = x < 0
    with np.errstate(all="ignore"):
        refl = np.where(neg, (np.pi / np.sin(np.pi * x)) ** 2, 0.0)
    sgn = np.where(neg, -1.0, 1.0)
    x = np.where(neg, 1 - x, x)
    res = np.zeros_like(x)
    for _ in range(6):
        small = x < 6
        res = np.where(small, res + 1 / (x * x), res)
        x = np.where(small, x + 1, x)
    f = 1 / (x * x)
    res = res + 1 / x + f / 2 + (f / x) * (1 / 6 - f * (1 / 30 - f * (1 / 42 - f / 30)))
    return np.asarray(refl + sgn * res, dtype=a.dtype)


trigamma, TrigammaBackward = _unary("TrigammaBackward", _polygamma1_np, lambda x: x * float("nan"))
digamma, DigammaBackward0 = _unary("DigammaBackward0", _digamma_np, lambda x: trigamma(x))
lgamma, LgammaBackward0 = _unary("LgammaBackward0", _lgamma_np, lambda x: digamma(x))


def _relu_d(r):
    return (r > 0).to(r.dtype)


class ThresholdBackwardBackward0(Node):
    """Double backward of ReLU: the mask passes ``gg`` on; the saved result gets a zero gradient (as in torch)."""

    __slots__ = ()

    def backward(self, gg):
        (r,) = self.saved()
        return _threshold_backward(gg, r), zeros_like(r)


def _threshold_backward(g, r):
    """``g`` where ``r > 0``, else 0 (NaN in ``g`` masked too), recorded with an edge to ``r``."""
    ga, ra = g._data, r._data
    out = _wrap(np.where(ra > 0, ga, ga.dtype.type(0)))
    if GRAD[0] and (g._requires_grad or r._requires_grad):
        n = ThresholdBackwardBackward0()
        n.save(r)
        record(out, n, g, r)
    return out


class ReluBackward0(_Unary):
    __slots__ = ()
    d = staticmethod(_relu_d)

    def backward(self, g):
        (r,) = self.saved()
        if GRAD[0]:
            return (_threshold_backward(g, r),)
        ga = g._data
        return (_wrap(ga * (r._data > 0)),)


def relu(input, inplace=False):
    """``max(input, 0)``."""
    if inplace:
        return relu_(input)
    a = input._data
    r = _wrap(np.maximum(a, a.dtype.type(0)))
    if GRAD[0] and input._requires_grad:
        n = ReluBackward0()
        n.save(r)
        record(r, n, input)
    return r


class AbsBackward0(_Unary):
    __slots__ = ()
    d = staticmethod(lambda x: sign(x))


def abs(input, *, out=None):  # noqa: A001
    """Elementwise absolute value."""
    if input._data.dtype == np.bool_:
        raise NotImplementedError('"abs_cpu" not implemented for \'Bool\'')
    r = _wrap(np.abs(input._data))
    if out is not None:
        return _to_out(out, r)
    if GRAD[0] and input._requires_grad:
        n = AbsBackward0()
        n.save(input)
        record(r, n, input)
    return r


absolute = abs


class NegBackward0(Node):
    __slots__ = ()

    def backward(self, g):
        return (-g,)


def neg(input, *, out=None):
    """``-input``."""
    if input._data.dtype == np.bool_:
        raise RuntimeError("Negation, the `-` operator, on a bool tensor is not supported. If you are trying "
                           "to invert a mask, use the `~` or `logical_not()` operator instead.")
    r = _wrap(np.negative(input._data))
    if out is not None:
        return _to_out(out, r)
    if GRAD[0] and input._requires_grad:
        record(r, NegBackward0(), input)
    return r


negative = neg


def positive(input):
    return input


def _rounding(name, npf):
    def op(input, *, out=None):
        a = input._data
        r = _wrap(npf(a) if a.dtype.kind == "f" else a.copy())
        if GRAD[0] and input._requires_grad:
            _zero_grad_result(r, input)
        return _to_out(out, r) if out is not None else r
    op.__name__ = name
    return op


floor = _rounding("floor", np.floor)
ceil = _rounding("ceil", np.ceil)
trunc = _rounding("trunc", np.trunc)
fix = trunc


def sign(input, *, out=None):
    a = input._data
    r = _wrap(np.sign(a) if a.dtype != np.bool_ else a.copy())
    if a.dtype.kind == "f":
        r._data[np.isnan(a)] = 0
    if GRAD[0] and input._requires_grad:
        _zero_grad_result(r, input)
    return r


sgn = sign


def round(input, *, decimals=0, out=None):  # noqa: A001
    """Round half to even (like torch), optionally to ``decimals`` places."""
    a = input._data
    if a.dtype.kind != "f":
        if decimals:
            raise NotImplementedError(f'"round_cpu" not implemented for \'{_tname(input.dtype)}\'')
        r = _wrap(a.copy())
    elif decimals:
        r = _wrap(np.round(a, decimals))
    else:
        r = _wrap(np.rint(a))
    if GRAD[0] and input._requires_grad:
        _zero_grad_result(r, input)
    return _to_out(out, r) if out is not None else r


def frac(input):
    return input - trunc(input)


def square(input):
    if input._data.dtype == np.bool_:
        input = input.long()
    return pow(input, 2) if input._data.dtype.kind == "f" else mul(input, input)


def sinc(input):
    if input._data.dtype == np.float16:
        return sinc(input.float()).half()
    x = input * math.pi
    return where(input == 0, ones_like(x), sin(x) / where(input == 0, ones_like(x), x))


def logit(input, eps=None):
    x = clamp(input, eps, 1 - eps) if eps is not None else input
    return log(x / (1 - x))


def nan_to_num(input, nan=0.0, posinf=None, neginf=None, *, out=None):
    a = input._data
    if a.dtype.kind != "f":
        return _wrap(a.copy())
    fi = np.finfo(a.dtype)
    posinf = fi.max if posinf is None else posinf
    neginf = fi.min if neginf is None else neginf
    r = _wrap(np.nan_to_num(a, nan=nan, posinf=posinf, neginf=neginf))
    if GRAD[0] and input._requires_grad:
        n = MulBackward0()
        mask = _wrap(np.isfinite(a).astype(a.dtype))
        n.save(input, mask)
        n.ash, n.adt, n.bsh, n.bdt = a.shape, a.dtype, a.shape, a.dtype
        record(r, n, input, None)
    return r


class ClampBackward1(Node):
    __slots__ = ("lo", "hi")

    def backward(self, g):
        (x,) = self.saved()
        m = ones_like(x, dtype=D.bool)
        if self.lo is not None:
            m = m & (x >= self.lo)
        if self.hi is not None:
            m = m & (x <= self.hi)
        return (where(m, g, zeros_like(g)),)


class ClampBackward0(Node):
    __slots__ = ()

    def backward(self, g):
        x, lo, hi = self.saved()
        nx, nl, nh = self.next
        z = zeros_like(g)
        if lo is not None and hi is not None:
            gx = where((x >= lo) & (x <= hi), g, z) if nx is not None else None
            gl = where((x < lo) & (lo < hi), g, z) if nl is not None else None
            gh = where((x > hi) | (hi < lo), g, z) if nh is not None else None
        elif lo is not None:
            gx = where(x >= lo, g, z) if nx is not None else None
            gl = where(x < lo, g, z) if nl is not None else None
            gh = None
        else:
            gx = where(x <= hi, g, z) if nx is not None else None
            gl = None
            gh = where(x > hi, g, z) if nh is not None else None
        return tuple(None if t is None else unb(t, v._data.shape, v._data.dtype)
                     for t, v in ((gx, x), (gl, lo), (gh, hi)))


def clamp(input, min=None, max=None, *, out=None):  # noqa: A002
    """Limit values to ``[min, max]``; bounds may be numbers or tensors."""
    if min is None and max is None:
        raise RuntimeError("torch.clamp: At least one of 'min' or 'max' must not be None")
    if _isinstance(min, Tensor) or _isinstance(max, Tensor):
        g0 = GRAD[0]
        GRAD[0] = False
        try:
            r = input
            if min is not None:
                r = maximum(r, _t(min, input))
            if max is not None:
                r = minimum(r, _t(max, input))
        finally:
            GRAD[0] = g0
        if out is not None:
            return _to_out(out, r)
        if needs(input, min, max):
            n = ClampBackward0()
            n.save(input, min, max)
            record(r, n, input, min, max)
        return r
    a = input._data
    lo, hi = scalar(min), scalar(max)
    if a.dtype.kind != "f" and (type(lo) is float or type(hi) is float):
        a = a.astype(D._default[0].np)
    if lo is not None and hi is not None:
        r = np.minimum(np.maximum(a, lo), hi)
    elif lo is not None:
        r = np.maximum(a, lo)
    else:
        r = np.minimum(a, hi)
    r = _wrap(np.where(np.isnan(a), a, r) if a.dtype.kind == "f" else r)
    if out is not None:
        return _to_out(out, r)
    if GRAD[0] and input._requires_grad:
        n = ClampBackward1()
        n.lo, n.hi = lo, hi
        n.save(input)
        record(r, n, input)
    return r


clip = clamp


def clamp_min(input, min):  # noqa: A002
    return clamp(input, min=min)


def clamp_max(input, max):  # noqa: A002
    return clamp(input, max=max)


# =========================================================================================
# where / masked fill
# =========================================================================================
class WhereBackward0(Node):
    __slots__ = ("ash", "bsh", "adt", "bdt")

    def backward(self, g):
        (c,) = self.saved()
        na, nb = self.next
        z = zeros_like(g)
        return (unb(where(c, g, z), self.ash, self.adt) if na is not None else None,
                unb(where(c, z, g), self.bsh, self.bdt) if nb is not None else None)


def where(condition, input=None, other=None, *, out=None):
    """Pick ``input`` where ``condition`` holds, else ``other``; one argument gives ``nonzero``."""
    if input is None and other is None:
        return nonzero(condition, as_tuple=True)
    c = condition._data
    if c.dtype != np.bool_:
        if c.dtype == np.uint8:
            c = c.astype(np.bool_)
        else:
            raise RuntimeError(f"where expected condition to be a boolean tensor, but got a tensor with dtype "
                               f"{_tname(condition.dtype)}")
    if _isinstance(input, Tensor) or _isinstance(other, Tensor):
        x, y, dt = prep(input, other)
    else:
        kinds = {type(input), type(other)}
        dt = D._default[0].np if float in kinds else np.dtype(np.int64) if int in kinds else np.dtype(np.bool_)
        x, y = np.asarray(input, dt), np.asarray(other, dt)
    try:
        w = np.where(c, x, y)
    except ValueError:
        try:
            np.broadcast_shapes(np.shape(c), np.shape(x))
        except ValueError:
            _bc_error(c, x)
        _bc_error(np.broadcast_to(c, np.broadcast_shapes(np.shape(c), np.shape(x))), y)
    r = _wrap(w.astype(dt, copy=False) if dt is not None else w)
    if out is not None:
        return _to_out(out, r)
    if needs(input, other):
        n = WhereBackward0()
        n.save(condition if condition._data.dtype == np.bool_ else _wrap(c))
        _binrec(n, r, input, other)
    return r


def masked_fill(input, mask, value):
    """``input`` with elements where ``mask`` is True replaced by ``value``."""
    if mask._data.dtype != np.bool_:
        raise RuntimeError(f"masked_fill_ only supports boolean masks, but got mask with dtype "
                           f"{_CNAME[mask.dtype.name]}")
    if _isinstance(value, Tensor):
        if value._data.ndim != 0:
            raise RuntimeError(f"masked_fill_ only supports a 0-dimensional value tensor, but got tensor with "
                               f"{value._data.ndim} dimension(s).")
        v = value.to(input.dtype)
    else:
        v = _wrap(np.asarray(value).astype(input._data.dtype))
    try:
        np.broadcast_shapes(mask._data.shape, input._data.shape)
    except ValueError:
        _bc_error(mask._data, input._data)
    if np.broadcast_shapes(mask._data.shape, input._data.shape) != input._data.shape:
        raise RuntimeError(f"The size of tensor a ({input._data.shape}) must match the size of tensor b "
                           f"({mask._data.shape})")
    return where(mask, v, input)


# =========================================================================================
# Reductions
# =========================================================================================
class SumBackward0(Node):
    __slots__ = ("shape", "dims", "keep")

    def backward(self, g):
        if not GRAD[0]:
            ga = g._data
            if not self.keep and self.dims:
                ga = ga.reshape(_keep_shape(self.shape, self.dims))
            return (_wrap(np.broadcast_to(ga, self.shape)),)
        if not self.keep and self.dims:
            g = g.reshape(_keep_shape(self.shape, self.dims))
        return (g.expand(self.shape),)


def _keep_shape(shape, dims):
    return tuple(1 if i in dims else s for i, s in enumerate(shape))


def _sum_np_dtype(a, dtype):
    if dtype is not None:
        return D.np_of(D.as_dtype(dtype))
    if a.dtype.kind in "iub":
        return np.int64
    return None


def sum(input, dim=None, keepdim=False, *, dtype=None, out=None):  # noqa: A001
    """Sum over all elements or over ``dim`` (ints and bools sum to int64)."""
    if dim is None and dtype is None and out is None and not keepdim:
        a = input._data
        if a.dtype.kind == "f":
            r = _wrap(np.add.reduce(a, axis=None))
            if GRAD[0] and input._requires_grad:
                n = SumBackward0()
                n.shape, n.dims, n.keep = a.shape, tuple(range(a.ndim)), False
                record(r, n, input)
            return r
    if _isinstance(dim, builtins.bool):
        raise TypeError("sum(): argument 'dim' must be tuple of ints, not bool")
    if dtype is not None and GRAD[0] and input._requires_grad and D.as_dtype(dtype) != input.dtype:
        return sum(input.to(dtype), dim, keepdim, out=out)
    a = input._data
    nd = _sum_np_dtype(a, dtype)
    if dim is None or (_isinstance(dim, (tuple, list)) and len(dim) == 0):
        dims = tuple(range(a.ndim))
        r = _add_reduce(a, None, nd, keepdim)
    else:
        dims = _dims(dim, a.ndim)
        if nd is None and _long_outer(a, dims):
            r = _add_reduce(a, dims, np.float64, keepdim).astype(a.dtype)
        else:
            r = _add_reduce(a, dims, nd, keepdim)
    r = _wrap(r)
    if out is not None:
        return _to_out(out, r)
    if GRAD[0] and input._requires_grad:
        n = SumBackward0()
        n.shape, n.dims, n.keep = a.shape, dims, keepdim
        record(r, n, input)
    return r


def _long_outer(a, dims) -> bool:
    """True for a float32/float16 reduction over a non-innermost axis of 256+ elements. NumPy adds such an
    axis one element after another, whose rounding error grows with its length, where torch's cascade sum
    stays near exact; these reductions accumulate in float64 instead."""
    if a.dtype.kind != "f" or a.dtype.itemsize > 4:
        return False
    last = a.ndim - 1
    for d in dims:
        if d != last and a.shape[d] >= 256:
            return True
    return False


def _add_reduce(a, axis, dtype, keepdim):
    if dtype is None:
        return np.add.reduce(a, axis=axis, keepdims=keepdim)
    return np.add.reduce(a, axis=axis, dtype=dtype, keepdims=keepdim)


def nansum(input, dim=None, keepdim=False, *, dtype=None):
    return sum(where(isnan(input), zeros_like(input), input), dim, keepdim, dtype=dtype)


class MeanBackward0(SumBackward0):
    __slots__ = ("count",)

    def backward(self, g):
        (gs,) = SumBackward0.backward(self, g)
        return (gs / self.count,)


def mean(input, dim=None, keepdim=False, *, dtype=None, out=None):
    """Arithmetic mean over all elements or over ``dim``."""
    a = input._data
    if dtype is not None:
        a = a.astype(D.np_of(D.as_dtype(dtype)))
        if a.dtype.kind != "f":
            raise RuntimeError("mean(): could not infer output dtype. Optional dtype must be either a floating point "
                               f"or complex dtype. Got: {_tname(D.as_dtype(dtype))}")
    elif a.dtype.kind != "f":
        raise RuntimeError("mean(): could not infer output dtype. Input dtype must be either a floating point "
                           f"or complex dtype. Got: {_tname(input.dtype)}")
    if dim is None or (_isinstance(dim, (tuple, list)) and len(dim) == 0):
        dims = tuple(range(a.ndim))
        r = np.mean(a, keepdims=keepdim) if a.size else np.full(() if not keepdim else (1,) * a.ndim,
                                                                 np.nan, a.dtype)
    else:
        dims = _dims(dim, a.ndim)
        r = np.mean(a, axis=dims, keepdims=keepdim, dtype=np.float64 if _long_outer(a, dims) else None)
    r = _wrap(np.asarray(r, dtype=a.dtype))
    if out is not None:
        return _to_out(out, r)
    if GRAD[0] and input._requires_grad:
        n = MeanBackward0()
        n.shape, n.dims, n.keep = a.shape, dims, keepdim
        cnt = 1
        for d in dims:
            cnt *= a.shape[d]
        n.count = cnt
        record(r, n, input)
    return r


def nanmean(input, dim=None, keepdim=False, *, dtype=None):
    m = ~isnan(input)
    return nansum(input, dim, keepdim, dtype=dtype) / m.sum(dim, keepdim)


def _tname(dt):
    return {"float32": "Float", "float64": "Double", "float16": "Half", "int64": "Long", "int32": "Int",
            "int16": "Short", "int8": "Char", "uint8": "Byte", "bool": "Bool", "bfloat16": "BFloat16"}[dt.name]


class ProdBackward0(Node):
    __slots__ = ("dim", "keep")

    def backward(self, g):
        x, r = self.saved()
        if self.dim is None:
            if (x == 0).any():
                return (g * _prod_grad_safe(x.reshape(-1), 0).reshape(x.shape),)
            return (g * r / x,)
        d = self.dim
        if not self.keep:
            g = g.unsqueeze(d)
            r = r.unsqueeze(d)
        if (x == 0).any():
            return (g * _prod_grad_safe(x, d),)
        return (g * r / x,)


def _prod_grad_safe(x, d):
    """d prod / d x_i along ``d`` as the product of all the other elements (zeros allowed)."""
    a = x._data
    moved = np.moveaxis(a, d, -1)
    left = np.cumprod(np.concatenate([np.ones(moved.shape[:-1] + (1,), a.dtype), moved[..., :-1]], -1), -1)
    right = np.cumprod(np.concatenate([np.ones(moved.shape[:-1] + (1,), a.dtype), moved[..., ::-1][..., :-1]],
                                      -1), -1)[..., ::-1]
    return _wrap(np.moveaxis(left * right, -1, d))


def prod(input, dim=None, keepdim=False, *, dtype=None):
    """Product of all elements or along one ``dim``."""
    a = input._data
    nd = _sum_np_dtype(a, dtype)
    if dim is None:
        r = _wrap(np.prod(a, dtype=nd))
        d = None
    else:
        d = _dim(dim, a.ndim)
        r = _wrap(np.prod(a, axis=d, dtype=nd, keepdims=keepdim))
    if GRAD[0] and input._requires_grad:
        n = ProdBackward0()
        n.dim, n.keep = d, keepdim
        n.save(input, r)
        record(r, n, input)
    return r


class CumsumBackward0(Node):
    __slots__ = ("dim", "dt")

    def backward(self, g):
        r = g.flip(self.dim).cumsum(self.dim).flip(self.dim)
        return (r if r._data.dtype == self.dt else r.to(D._BY_NP[self.dt]),)


def _cum_np(fn, a, d, dtype):
    """Running sum/product along ``d``, accumulated like torch's CPU kernel: float32 in float64, float16 in float32."""
    out = np.dtype(_sum_np_dtype(a, dtype) or a.dtype)
    if out.kind == "f" and out.itemsize < 8:
        return fn(a, axis=d, dtype=np.float64 if out.itemsize == 4 else np.float32).astype(out)
    return fn(a, axis=d, dtype=out)


def cumsum(input, dim=None, *, dtype=None, out=None):
    """Running sum along ``dim``."""
    if dim is None:
        raise TypeError('cumsum() missing 1 required positional arguments: "dim"')
    a = input._data
    d = _dim(dim, a.ndim)
    r = _wrap(_cum_np(np.cumsum, a, d, dtype) if a.ndim else a.astype(_sum_np_dtype(a, dtype) or a.dtype))
    if out is not None:
        return _to_out(out, r)
    if GRAD[0] and input._requires_grad:
        n = CumsumBackward0()
        n.dim, n.dt = d, a.dtype
        record(r, n, input)
    return r


class CumprodBackward0(Node):
    __slots__ = ("dim",)

    def backward(self, g):
        x, r = self.saved()
        d = self.dim
        if r._data.dtype != x._data.dtype:
            g, r = g.to(D._BY_NP[x._data.dtype]), r.to(D._BY_NP[x._data.dtype])
        if not (x._data == 0).any():
            return ((g * r).flip(d).cumsum(d).flip(d) / x,)
        xm, gm = x.movedim(d, -1), g.movedim(d, -1)
        n = xm.shape[-1]
        eye = _wrap(np.eye(n, dtype=x._data.dtype))
        rows = (xm.unsqueeze(-2) * (1 - eye) + eye).cumprod(-1)
        upper = _wrap(np.triu(np.ones((n, n), dtype=x._data.dtype)))
        return ((rows * upper * gm.unsqueeze(-2)).sum(-1).movedim(-1, d),)


def cumprod(input, dim=None, *, dtype=None, out=None):
    if dim is None:
        raise TypeError('cumprod() missing 1 required positional arguments: "dim"')
    a = input._data
    d = _dim(dim, a.ndim)
    r = _wrap(_cum_np(np.cumprod, a, d, dtype))
    if out is not None:
        return _to_out(out, r)
    if GRAD[0] and input._requires_grad:
        n = CumprodBackward0()
        n.dim = d
        n.save(input, r)
        record(r, n, input)
    return r


def logcumsumexp(input, dim):
    m = input.detach().amax(dim, keepdim=True)
    m = where(isinf(m), zeros_like(m), m)
    return log(exp(input - m).cumsum(dim)) + m


class _MaxAllBackward(Node):
    """Full-tensor max/min: the gradient is shared evenly among the tied extreme elements."""

    __slots__ = ()

    def backward(self, g):
        x, r = self.saved()
        hit = x._data == r._data
        if r._data.dtype.kind == "f" and np.isnan(r._data):
            hit = np.isnan(x._data)
        m = _wrap(hit.astype(g._data.dtype))
        return (m * (g / m.sum()),)


class MaxBackward1(_MaxAllBackward):
    __slots__ = ()


class MinBackward1(_MaxAllBackward):
    __slots__ = ()


class MedianBackward0(_MaxAllBackward):
    __slots__ = ()


class NanmedianBackward0(_MaxAllBackward):
    __slots__ = ()


class AmaxBackward0(Node):
    __slots__ = ("dims", "keep")

    def backward(self, g):
        x, r = self.saved()
        if not self.keep:
            sh = _keep_shape(x._data.shape, self.dims)
            r, g = r.reshape(sh), g.reshape(sh)
        m = (x == r).to(g.dtype)
        return (m * (g / m.sum(self.dims, keepdim=True)),)


class AminBackward0(AmaxBackward0):
    __slots__ = ()


class MaxBackward0(Node):
    """max/min along a dim: the gradient goes to the selected index."""

    __slots__ = ("dim", "keep", "shape")

    def backward(self, g):
        (idx,) = self.saved()
        if not self.keep:
            g = g.unsqueeze(self.dim)
            idx = idx.unsqueeze(self.dim)
        return (zeros(self.shape, dtype=g.dtype).scatter(self.dim, idx, g),)


class MinBackward0(MaxBackward0):
    __slots__ = ()


_minmax_t = namedtuple("torch_return_types_max", ["values", "indices"])


class _ReturnType(tuple):
    """A named (values, indices) pair printed like torch's ``torch.return_types.max(...)``."""

    _fields = ("values", "indices")
    _name = "max"

    def __new__(cls, values, indices):
        return tuple.__new__(cls, (values, indices))

    values = property(lambda self: self[0])
    indices = property(lambda self: self[1])

    def __repr__(self):
        return f"torch.return_types.{self._name}(\nvalues={self[0]!r},\nindices={self[1]!r})"


def _rt(name, fields=("values", "indices")):
    ns = {"_name": name, "_names": fields, "__slots__": (), "__module__": "gradkit.return_types",
          "n_fields": len(fields), "n_sequence_fields": len(fields), "n_unnamed_fields": 0}
    for i, f in enumerate(fields):
        ns[f] = property(lambda self, i=i: self[i])

    def _repr(self):
        body = ",\n".join(f"{f}={v!r}" for f, v in zip(self._names, self))
        return f"torch.return_types.{self._name}(\n{body})"

    def _new(cls, *vals):
        if len(vals) == 1 and len(fields) > 1:
            vals = tuple(vals[0])
        return tuple.__new__(cls, vals)
    ns["__repr__"] = _repr
    ns["__new__"] = _new
    return D.TorchNamed(name, (tuple,), ns)


RT = {n: _rt(n) for n in ("max", "min", "sort", "topk", "kthvalue", "median", "mode", "cummax", "cummin",
                          "aminmax", "nanmedian")}
RT["aminmax"] = _rt("aminmax", ("min", "max"))
RT["histogram"] = _rt("histogram", ("hist", "bin_edges"))
RT["frexp"] = _rt("frexp", ("mantissa", "exponent"))


def _reduce_ext(input, dim, keepdim, which, other=None):
    a = input._data
    if _isinstance(dim, Tensor):
        other, dim = dim, None
    if other is not None:
        return maximum(input, other) if which == "max" else minimum(input, other)
    if dim is None:
        if a.size == 0:
            raise RuntimeError(f"{which}(): Expected reduction dim to be specified for input.numel() == 0. "
                               "Specify the reduction dim with the 'dim' argument.")
        r = _wrap(np.max(a) if which == "max" else np.min(a))
        if a.dtype.kind == "f" and np.isnan(a).any():
            r = _wrap(np.asarray(np.nan, a.dtype))
        if GRAD[0] and input._requires_grad:
            n = MaxBackward1() if which == "max" else MinBackward1()
            n.save(input, r)
            record(r, n, input)
        return r
    d = _dim(dim, a.ndim)
    if a.ndim and a.shape[d] == 0:
        raise IndexError(f"{which}(): Expected reduction dim {d} to have non-zero size.")
    if a.ndim == 0:
        idx = np.zeros((), np.int64)
        vals = a.copy()
    else:
        idx = _argext(a, d, which)
        vals = np.take_along_axis(a, np.expand_dims(idx, d), d)
        if not keepdim:
            vals = np.squeeze(vals, d)
        if keepdim:
            idx = np.expand_dims(idx, d)
    v = _wrap(vals)
    i = _wrap(idx)
    if GRAD[0] and input._requires_grad:
        n = MaxBackward0() if which == "max" else MinBackward0()
        n.dim, n.keep, n.shape = d, keepdim, a.shape
        n.save(i)
        record(v, n, input)
    return RT[which](v, i)


def _argext(a, d, which):
    """Index of the max/min along ``d``; NaN wins (like torch); first occurrence among ties."""
    idx = np.argmax(a, axis=d) if which == "max" else np.argmin(a, axis=d)
    if a.dtype.kind == "f":
        nan = np.isnan(a)
        if nan.any():
            idx = np.where(nan.any(axis=d), np.argmax(nan, axis=d), idx)
    return idx.astype(np.int64)


def max(input, dim=None, keepdim=False, *, out=None):  # noqa: A001
    """Largest element; with ``dim`` a (values, indices) pair; with a tensor, ``maximum``."""
    return _reduce_ext(input, dim, keepdim, "max")


def min(input, dim=None, keepdim=False, *, out=None):  # noqa: A001
    """Smallest element; with ``dim`` a (values, indices) pair; with a tensor, ``minimum``."""
    return _reduce_ext(input, dim, keepdim, "min")


def _amax(which):
    def op(input, dim=(), keepdim=False):
        a = input._data
        dims = _dims(None if dim == () or dim is None else dim, a.ndim)
        if a.size == 0:
            name = "amax" if which == "max" else "amin"
            if dim == () or dim is None:
                raise RuntimeError(f"{name}(): Expected reduction dim to be specified for input.numel() == 0. "
                                 "Specify the reduction dim with the 'dim' argument.")
            for d in dims:
                if a.shape[d] == 0:
                    raise IndexError(f"{name}(): Expected reduction dim {d} to have non-zero size.")
        f = np.max if which == "max" else np.min
        r = _wrap(f(a, axis=dims, keepdims=keepdim))
        if GRAD[0] and input._requires_grad:
            n = AmaxBackward0() if which == "max" else AminBackward0()
            n.dims, n.keep = dims, keepdim
            n.save(input, r)
            record(r, n, input)
        return r
    return op


amax = _amax("max")
amin = _amax("min")


def aminmax(input, *, dim=None, keepdim=False):
    return RT["aminmax"](amin(input, () if dim is None else dim, keepdim),
                         amax(input, () if dim is None else dim, keepdim))


def _argext_check(a, dim, name):
    if a.dtype == np.bool_:
        raise RuntimeError(f"{name}(): does not support bool input")
    if a.size:
        return
    if dim is None:
        raise IndexError(f"{name}(): Expected reduction dim to be specified for input.numel() == 0.")
    d = _dim(dim, a.ndim)
    if a.ndim and a.shape[d] == 0:
        raise IndexError(f"{name}(): Expected reduction dim {d} to have non-zero size.")


def argmax(input, dim=None, keepdim=False):
    """Index of the largest element (flattened when ``dim`` is None)."""
    a = input._data
    _argext_check(a, dim, "argmax")
    if dim is None:
        r = _argext(a.reshape(-1), 0, "max")
        return _wrap(r.reshape((1,) * a.ndim) if keepdim else r)
    d = _dim(dim, a.ndim)
    r = _argext(a, d, "max") if a.ndim else np.zeros((), np.int64)
    return _wrap(np.expand_dims(r, d) if keepdim and a.ndim else r)


def argmin(input, dim=None, keepdim=False):
    """Index of the smallest element (flattened when ``dim`` is None)."""
    a = input._data
    _argext_check(a, dim, "argmin")
    if dim is None:
        r = _argext(a.reshape(-1), 0, "min")
        return _wrap(r.reshape((1,) * a.ndim) if keepdim else r)
    d = _dim(dim, a.ndim)
    r = _argext(a, d, "min") if a.ndim else np.zeros((), np.int64)
    return _wrap(np.expand_dims(r, d) if keepdim and a.ndim else r)


def _var_core(input, dim, correction, keepdim):
    a = input
    if a._data.dtype.kind != "f":
        raise RuntimeError("std and var only support floating point and complex dtypes")
    dims = _dims(dim, a.ndim) if dim is not None else tuple(range(a.ndim))
    n = 1
    for d in dims:
        n *= a._data.shape[d]
    mu = a.mean(dims, keepdim=True)
    dev = a - mu
    s = (dev * dev).sum(dims, keepdim=keepdim)
    return s / _max(n - correction, 0) if n - correction > 0 else s / 0.0


def _corr(unbiased, correction):
    if correction is not None:
        return correction
    if unbiased is None:
        return 1
    return 1 if unbiased else 0


def var(input, dim=None, unbiased=None, keepdim=False, *, correction=None):
    """Variance (Bessel-corrected by default)."""
    if _isinstance(dim, builtins.bool):
        unbiased, dim = dim, None
    if input._data.dtype is _F16:
        return _var_core(input.float(), dim, _corr(unbiased, correction), keepdim).half()
    return _var_core(input, dim, _corr(unbiased, correction), keepdim)


class StdBackward0(Node):
    """``sqrt`` of the variance, with a zero gradient where the deviation is zero (like torch)."""

    __slots__ = ()

    def backward(self, g):
        (r,) = self.saved()
        safe = where(r == 0, ones_like(r), r)
        return (where(r == 0, zeros_like(r), g / (2 * safe)),)


def std(input, dim=None, unbiased=None, keepdim=False, *, correction=None):
    """Standard deviation (Bessel-corrected by default)."""
    if _isinstance(dim, builtins.bool):
        unbiased, dim = dim, None
    if input._data.dtype is _F16:
        return std(input.float(), dim, keepdim=keepdim, correction=_corr(unbiased, correction)).half()
    v = _var_core(input, dim, _corr(unbiased, correction), keepdim)
    r = _wrap(np.sqrt(v._data))
    if GRAD[0] and v._requires_grad:
        n = StdBackward0()
        n.save(r)
        record(r, n, v)
    return r


def var_mean(input, dim=None, unbiased=None, keepdim=False, *, correction=None):
    return var(input, dim, unbiased, keepdim, correction=correction), mean(input, dim, keepdim)


def std_mean(input, dim=None, unbiased=None, keepdim=False, *, correction=None):
    return std(input, dim, unbiased, keepdim, correction=correction), mean(input, dim, keepdim)


def logsumexp(input, dim, keepdim=False):
    """``log(sum(exp(input)))`` along ``dim``, computed stably."""
    x = input if input._data.dtype.kind == "f" else input.to(D._default[0])
    dims = _dims(dim, x.ndim)
    if builtins.any(x._data.shape[d] == 0 for d in dims):
        r = log(exp(x).sum(dims, keepdim=True))
        return r if keepdim else r.squeeze(dims) if dims else r
    m = x.detach().amax(dims, keepdim=True)
    m = where(isinf(m), zeros_like(m), m)
    r = log(exp(x - m).sum(dims, keepdim=True)) + m
    return r if keepdim else r.squeeze(dims) if dims else r


def all(input, dim=None, keepdim=False):  # noqa: A001
    a = input._data
    r = np.all(a, axis=None if dim is None else _dims(dim, a.ndim), keepdims=keepdim)
    return _wrap(np.asarray(r, np.uint8) if a.dtype == np.uint8 else np.asarray(r))


def any(input, dim=None, keepdim=False):  # noqa: A001
    a = input._data
    r = np.any(a, axis=None if dim is None else _dims(dim, a.ndim), keepdims=keepdim)
    return _wrap(np.asarray(r, np.uint8) if a.dtype == np.uint8 else np.asarray(r))


def count_nonzero(input, dim=None):
    a = input._data
    return _wrap(np.asarray(np.count_nonzero(a, axis=None if dim is None else _dims(dim, a.ndim)), np.int64))


def norm(input, p="fro", dim=None, keepdim=False, dtype=None):
    """Vector p-norm (or Frobenius norm) over all elements or ``dim``."""
    x = input if dtype is None else input.to(dtype)
    if x._data.dtype.kind not in "fc":
        raise RuntimeError(f"linalg.vector_norm: Expected a floating point or complex tensor as input. "
                           f"Got {_tname(x.dtype)}")
    if p == "fro" or p is None:
        p = 2
    if p == "nuc":
        from ..linalg import matrix_norm
        return matrix_norm(x, "nuc", (-2, -1) if dim is None else dim, keepdim)
    return _vnorm(x, p, dim, keepdim)


class LinalgVectorNormBackward0(Node):
    """2-norm: ``g * x / norm``, zero where the norm is zero (like torch)."""

    __slots__ = ("dims", "keep")

    def backward(self, g):
        x, r = self.saved()
        if not self.keep and self.dims:
            sh = _keep_shape(x._data.shape, self.dims)
            r, g = r.reshape(sh), g.reshape(sh)
        safe = where(r == 0, ones_like(r), r)
        return (where(r == 0, zeros_like(x), x * (g / safe)),)


def _norm2(x, dim, keepdim):
    a = x._data
    dims = _dims(dim, a.ndim) if dim is not None else tuple(range(a.ndim))
    if a.dtype == np.float16:
        a = a.astype(np.float32)
        r = _wrap(np.sqrt(np.sum(a * a, axis=dims, keepdims=keepdim)).astype(np.float16))
    else:
        r = _wrap(np.sqrt(np.sum(a * a, axis=dims, keepdims=keepdim)))
    if GRAD[0] and x._requires_grad:
        n = LinalgVectorNormBackward0()
        n.dims, n.keep = dims, keepdim
        n.save(x, r)
        record(r, n, x)
    return r


def _vnorm(x, p, dim, keepdim):
    if p == 2:
        return _norm2(x, dim, keepdim)
    if p == 1:
        return abs(x).sum(dim, keepdim=keepdim)
    if p == float("inf"):
        return abs(x).amax(() if dim is None else dim, keepdim=keepdim)
    if p == float("-inf"):
        return abs(x).amin(() if dim is None else dim, keepdim=keepdim)
    if p == 0:
        return (x != 0).to(x.dtype).sum(dim, keepdim=keepdim)
    return pow(pow(abs(x), p).sum(dim, keepdim=keepdim), 1.0 / p)


def dist(input, other, p=2):
    d = input - other
    if d._data.dtype.kind not in "fc":
        raise RuntimeError(f"norm(): input dtype should be either floating point or complex. Got "
                           f"{_tname(d.dtype)} instead.")
    return _vnorm(d, p, None, False)


# =========================================================================================
# Views and shape ops
# =========================================================================================
def _view_of(r_arr, base):
    """Wrap a NumPy view of ``base`` sharing its version counter."""
    r = _wrap(r_arr)
    r._vc = base._vc
    root = base._base
    if root is None:
        root = base
        meta = None
    else:
        meta = getattr(base, "_vmeta", None)
        if meta is not None and meta is not _V.NO_GRAD:
            meta = _V.MULTI0
    r._base = root
    if GRAD[0]:
        r._vmeta = meta
        if root.grad_fn is not None or not root._requires_grad:
            _V.register(root, r)
    else:
        r._vmeta = _V.NO_GRAD
        if root._requires_grad:
            _V.nograd_view(r, root)
    return r


class ViewBackward0(Node):
    __slots__ = ("shape",)

    def backward(self, g):
        return (g.reshape(self.shape),)


class UnsafeViewBackward0(ViewBackward0):
    __slots__ = ()


def _infer_shape(shape, numel):
    shape = list(shape)
    neg = [i for i, s in enumerate(shape) if s == -1]
    if len(neg) > 1:
        raise RuntimeError("only one dimension can be inferred")
    known = 1
    for i, s in enumerate(shape):
        if s != -1:
            if s < 0:
                raise RuntimeError(f"invalid shape dimension {s} at index {i} of shape {list(shape)}")
            known *= s
    if neg:
        if known == 0 or numel % known:
            raise RuntimeError(f"shape '{list(shape)}' is invalid for input of size {numel}")
        shape[neg[0]] = numel // known
    elif known != numel:
        raise RuntimeError(f"shape '{list(shape)}' is invalid for input of size {numel}")
    return tuple(shape)


def reshape(input, *shape):
    """Same data with a new shape (a view when possible, else a copy)."""
    a = input._data
    sh = _infer_shape(_shape_args(shape), a.size)
    if sh == a.shape:
        r = _view_of(a.view(), input)
    else:
        ra = a.reshape(sh)
        r = _view_of(ra, input) if np.shares_memory(ra, a) else _wrap(ra)
    return _viewrec(r, input, ViewBackward0)


def _shape_args(shape):
    if len(shape) == 1 and _isinstance(shape[0], (tuple, list, Size)):
        shape = tuple(shape[0])
    out = []
    for s in shape:
        if _isinstance(s, Tensor):
            s = s.item()
        if not _isinstance(s, (int, np.integer)) or _isinstance(s, builtins.bool):
            raise TypeError(f"view(): argument 'size' must be tuple of ints, but found element of type "
                            f"{type(s).__name__}")
        out.append(int(s))
    return tuple(out)


def reshape_(input, *shape):
    return reshape(input, *_shape_args(shape))


def view(input, *shape):
    """A view with a new shape; fails when the memory layout does not allow one."""
    if len(shape) == 1 and _isinstance(shape[0], D.dtype):
        try:
            return _wrap(input._data.view(shape[0].np))
        except ValueError:
            _view_dtype_error(input, shape[0])
            raise
    a = input._data
    sh = _infer_shape(_shape_args(shape), a.size)
    try:
        ra = a.reshape(sh, copy=False)
    except ValueError:
        raise RuntimeError("view size is not compatible with input tensor's size and stride (at least one "
                           "dimension spans across two contiguous subspaces). Use .reshape(...) instead.") from None
    r = _view_of(ra, input)
    return _viewrec(r, input, ViewBackward0)


def _view_dtype_error(input, dtype) -> None:
    a = input._data
    ratio = dtype.itemsize // a.itemsize
    what = f"to view {_tname(input.dtype)} as {_tname(dtype)} (different element sizes)"
    if a.ndim == 0:
        raise RuntimeError(f"self.dim() cannot be 0 {what}")
    if a.strides[-1] != a.itemsize and a.shape[-1] != 1:
        raise RuntimeError(f"self.stride(-1) must be 1 {what}, but got {a.strides[-1] // a.itemsize}")
    if ratio > 1 and a.shape[-1] % ratio:
        raise RuntimeError(f"self.size(-1) must be divisible by {ratio} {what}, but got {a.shape[-1]}")


def view_as(input, other):
    return view(input, other._data.shape)


def reshape_as(input, other):
    return reshape(input, other._data.shape)


def flatten(input, start_dim=0, end_dim=-1):
    """Merge dims ``start_dim..end_dim`` into one."""
    a = input._data
    if a.ndim == 0:
        return reshape(input, 1)
    s, e = _dim(start_dim, a.ndim), _dim(end_dim, a.ndim)
    if s > e:
        raise RuntimeError("flatten() has invalid args: start_dim cannot come after end_dim")
    if s == e:
        return input
    n = 1
    for k in a.shape[s:e + 1]:
        n *= k
    return reshape(input, a.shape[:s] + (n,) + a.shape[e + 1:])


def unflatten(input, dim, sizes):
    a = input._data
    d = _dim(dim, a.ndim)
    sizes = tuple(sizes)
    if -1 in sizes:
        sizes = _infer_shape(sizes, a.shape[d])
    elif int(np.prod(sizes)) != a.shape[d]:
        raise RuntimeError(f"unflatten: Provided sizes {list(sizes)} don't multiply up to the size of dim {dim} "
                           f"({a.shape[d]}) in the input tensor")
    return reshape(input, a.shape[:d] + sizes + a.shape[d + 1:])


def ravel(input):
    return reshape(input, -1)


class SqueezeBackward0(ViewBackward0):
    __slots__ = ()


class UnsqueezeBackward0(ViewBackward0):
    __slots__ = ()


def _viewrec(r, input, node_cls):
    if GRAD[0] and input._requires_grad:
        n = node_cls()
        n.shape = input._data.shape
        record(r, n, input)
    return r


def squeeze(input, dim=None):
    """Drop size-1 dims (all, or those in ``dim``)."""
    a = input._data
    if dim is None:
        ra = a.reshape(tuple(s for s in a.shape if s != 1))
    else:
        dims = _dims(dim, a.ndim)
        ra = a.reshape(tuple(s for i, s in enumerate(a.shape) if not (i in dims and s == 1)))
    return _viewrec(_view_of(ra, input), input, SqueezeBackward0)


def unsqueeze(input, dim):
    """Insert a size-1 dim at ``dim``."""
    a = input._data
    d = _dim(dim, a.ndim + 1)
    return _viewrec(_view_of(np.expand_dims(a, d), input), input, UnsqueezeBackward0)


class PermuteBackward0(Node):
    __slots__ = ("inv",)

    def backward(self, g):
        return (g.permute(self.inv),)


def permute(input, *dims):
    """Reorder dims."""
    if len(dims) == 1 and _isinstance(dims[0], (tuple, list)):
        dims = tuple(dims[0])
    a = input._data
    if len(dims) != a.ndim:
        raise RuntimeError(f"permute(sparse_coo): number of dimensions in the tensor input does not match the "
                           f"length of the desired ordering of dimensions i.e. input.dim() = {a.ndim} is not "
                           f"equal to len(dims) = {len(dims)}")
    p = tuple(_dim(d, a.ndim) for d in dims)
    if len(set(p)) != len(p):
        raise RuntimeError("permute(): duplicate dims are not allowed.")
    r = _view_of(a.transpose(p), input)
    if GRAD[0] and input._requires_grad:
        n = PermuteBackward0()
        n.inv = tuple(np.argsort(p))
        record(r, n, input)
    return r


class TransposeBackward0(Node):
    __slots__ = ("d0", "d1")

    def backward(self, g):
        return (g.transpose(self.d0, self.d1),)


def transpose(input, dim0, dim1):
    """Swap two dims (a view)."""
    a = input._data
    n = _max(a.ndim, 1)
    d0, d1 = _dim(dim0, n), _dim(dim1, n)
    r = _view_of(np.swapaxes(a, d0, d1) if a.ndim else a.view(), input)
    if GRAD[0] and input._requires_grad:
        node = TransposeBackward0()
        node.d0, node.d1 = d0, d1
        record(r, node, input)
    return r


swapaxes = swapdims = transpose


def t(input):
    """Transpose a tensor of at most 2 dims."""
    a = input._data
    if a.ndim > 2:
        raise RuntimeError(f"t() expects a tensor with <= 2 dimensions, but self is {a.ndim}D")
    r = _view_of(a.T if a.ndim == 2 else a.view(), input)
    if GRAD[0] and input._requires_grad:
        record(r, TBackward0(), input)
    return r


class TBackward0(Node):
    __slots__ = ()

    def backward(self, g):
        return (t(g),)


def adjoint(input):
    if input._data.ndim < 2:
        raise RuntimeError(f"tensor.adjoint() is only supported on matrices or batches of matrices. Got "
                           f"{input._data.ndim}-D tensor.")
    return transpose(input, -2, -1)


def movedim(input, source, destination):
    a = input._data
    src = [source] if _isinstance(source, int) else list(source)
    dst = [destination] if _isinstance(destination, int) else list(destination)
    if len(src) != len(dst):
        raise RuntimeError(f"movedim: Invalid source or destination dims: source ({src} dims) should contain the "
                           f"same number of dims as destination ({dst} dims)")
    src0, dst0 = src, dst
    src = [_dim(s, a.ndim) for s in src]
    dst = [_dim(s, a.ndim) for s in dst]
    if len(set(src)) != len(src):
        raise RuntimeError(f"movedim: repeated dim in `source` ({src0})")
    if len(set(dst)) != len(dst):
        raise RuntimeError(f"movedim: repeated dim in `destination` ({dst0})")
    order = [i for i in range(a.ndim) if i not in src]
    for d, s in sorted(zip(dst, src)):
        order.insert(d, s)
    return permute(input, order)


moveaxis = movedim


class ExpandBackward0(Node):
    __slots__ = ("shape",)

    def backward(self, g):
        return (unb(g, self.shape),)


def expand(input, *sizes):
    """A broadcast view to ``sizes`` (-1 keeps a dim)."""
    sizes = _shape_args(sizes)
    a = input._data
    lead = len(sizes) - a.ndim
    if lead < 0:
        raise RuntimeError(f"expand(torch.{_tname(input.dtype)}Tensor{{{list(a.shape)}}}, "
                           f"size={list(sizes)}): the number of sizes provided ({len(sizes)}) must be greater or "
                           f"equal to the number of dimensions in the tensor ({a.ndim})")
    tgt = []
    for i in range(len(sizes) - 1, -1, -1):
        s = sizes[i]
        if i < lead:
            if s == -1:
                raise RuntimeError(f"The expanded size of the tensor (-1) isn't allowed in a leading, non-existing "
                                   f"dimension {i}")
            tgt.append(s)
        else:
            cur = a.shape[i - lead]
            if s == -1:
                s = cur
            if cur != s and cur != 1:
                raise RuntimeError(f"The expanded size of the tensor ({s}) must match the existing size ({cur}) at "
                                   f"non-singleton dimension {i}.  Target sizes: {list(sizes)}.  Tensor sizes: "
                                   f"{list(a.shape)}")
            tgt.append(s)
    tgt = tuple(reversed(tgt))
    if tgt == a.shape:
        r = _view_of(a.view(), input)
    else:
        r = _view_of(np.broadcast_to(a, tgt), input)
    return _viewrec(r, input, ExpandBackward0)


def expand_as(input, other):
    return expand(input, other._data.shape)


def broadcast_to(input, size):
    return expand(input, size)


def broadcast_tensors(*tensors):
    """Expand the tensors to their common broadcast shape (tensors already of that shape are returned as is)."""
    if len(tensors) == 1 and _isinstance(tensors[0], (list, tuple)):
        tensors = tuple(tensors[0])
    shapes = [t._data.shape for t in tensors]
    try:
        shape = np.broadcast_shapes(*shapes)
    except ValueError:
        for k in range(1, len(shapes)):
            try:
                np.broadcast_shapes(*shapes[:k + 1])
            except ValueError:
                _bc_error(np.empty(np.broadcast_shapes(*shapes[:k]), np.bool_), np.empty(shapes[k], np.bool_))
        raise
    return tuple(t if t._data.shape == shape else expand(t, shape) for t in tensors)


def broadcast_shapes(*shapes):
    try:
        return Size(np.broadcast_shapes(*(tuple(s) if not _isinstance(s, int) else (s,) for s in shapes)))
    except ValueError:
        _broadcast_shapes_error(shapes)
        raise


def _broadcast_shapes_error(shapes) -> None:
    shapes = [(s,) if _isinstance(s, int) else s for s in shapes if s is not None]
    common = [1] * builtins.max(len(s) for s in shapes)
    for arg_idx, shape in enumerate(shapes):
        for idx in range(-1, -1 - len(shape), -1):
            if shape[idx] == common[idx] or shape[idx] == 1:
                continue
            if common[idx] == 1:
                common[idx] = shape[idx]
                continue
            raise RuntimeError(f"Attempting to broadcast a dimension of length {shape[idx]} at {idx}! Mismatching "
                               f"argument at index {arg_idx} had {shape}; but expected shape should be "
                               f"broadcastable to {common}")


class RepeatBackward0(Node):
    __slots__ = ("shape", "reps")

    def backward(self, g):
        sh = self.shape
        reps = self.reps
        lead = len(reps) - len(sh)
        full = (1,) * lead + tuple(sh)
        split = []
        for r, s in zip(reps, full):
            split.extend((r, s))
        g = g.reshape(split).sum(tuple(range(0, 2 * len(full), 2)))
        return (g.reshape(sh),)


def repeat(input, *sizes):
    """Tile the tensor ``sizes`` times along each dim."""
    if not sizes:
        raise TypeError('repeat() missing 1 required positional arguments: "repeats"')
    reps = _shape_args(sizes)
    a = input._data
    if len(reps) < a.ndim:
        raise RuntimeError("Number of dimensions of repeat dims can not be smaller than number of dimensions of "
                           "tensor")
    r = _wrap(np.tile(a, reps))
    if GRAD[0] and input._requires_grad:
        n = RepeatBackward0()
        n.shape, n.reps = a.shape, reps
        record(r, n, input)
    return r


def tile(input, *dims):
    dims = tuple(_shape_args(dims))
    if builtins.any(k < 0 for k in dims):
        full = (1,) * (input._data.ndim - len(dims)) + dims
        shape = [s * k for s, k in zip((1,) * (len(full) - input._data.ndim) + input._data.shape, full)]
        bad = next(k for k in shape if k < 0)
        raise RuntimeError(f"Trying to create tensor with negative dimension {bad}: {shape}")
    if len(dims) < input._data.ndim:
        dims = (1,) * (input._data.ndim - len(dims)) + dims
    return repeat(input, dims)


def repeat_interleave(input, repeats=None, dim=None, *, output_size=None):
    if repeats is None:
        if input._data.ndim > 1:
            raise RuntimeError("repeat_interleave only accept 1D vector as repeat")
        if input._data.dtype.kind not in "iu":
            raise NotImplementedError(f'"repeat_interleave_cpu" not implemented for \'{_tname(input.dtype)}\'')
        return _wrap(np.repeat(np.arange(len(input._data)), input._data))
    if not _isinstance(input, Tensor):
        return _wrap(np.repeat(np.arange(len(repeats._data)), repeats._data))
    x = input.reshape(-1) if dim is None else input
    d = 0 if dim is None else _dim(dim, x.ndim)
    rep = repeats._data if _isinstance(repeats, Tensor) else repeats
    if np.ndim(rep) == 1 and len(rep) not in (1, x._data.shape[d]):
        raise RuntimeError(f"repeats must have the same size as input along dim, but got repeats.size(0) = {len(rep)} "
                           f"and input.size(0) = {x._data.shape[d]}")
    idx = np.repeat(np.arange(x._data.shape[d]), rep)
    return index_select(x, d, _wrap(idx))


class FlipBackward0(Node):
    __slots__ = ("dims",)

    def backward(self, g):
        return (g.flip(self.dims),)


def flip(input, dims):
    """Reverse the order along ``dims``."""
    a = input._data
    ds = _dims(dims, a.ndim)
    r = _wrap(np.flip(a, ds).copy())
    if GRAD[0] and input._requires_grad:
        n = FlipBackward0()
        n.dims = ds
        record(r, n, input)
    return r


def fliplr(input):
    return flip(input, (1,))


def flipud(input):
    return flip(input, (0,))


class RollBackward0(Node):
    __slots__ = ("shifts", "dims")

    def backward(self, g):
        s = self.shifts
        return (g.roll(tuple(-x for x in s) if _isinstance(s, tuple) else -s, self.dims),)


def roll(input, shifts, dims=None):
    a = input._data
    ns = len(shifts) if _isinstance(shifts, (list, tuple)) else 1
    nd = 0 if dims is None else len(dims) if _isinstance(dims, (list, tuple)) else 1
    if ns != nd and not (dims is None and ns == 1):
        raise RuntimeError(f"shifts and dimensions must align. shifts: {ns}, dims:{nd}")
    if dims is not None:
        dims = tuple(_dim(d, a.ndim) for d in dims) if _isinstance(dims, (list, tuple)) else _dim(dims, a.ndim)
    r = _wrap(np.roll(a, shifts, dims))
    if GRAD[0] and input._requires_grad:
        n = RollBackward0()
        n.shifts = tuple(shifts) if _isinstance(shifts, (list, tuple)) else shifts
        n.dims = tuple(dims) if _isinstance(dims, (list, tuple)) else dims
        record(r, n, input)
    return r


def rot90(input, k=1, dims=(0, 1)):
    nd = input._data.ndim
    if len(dims) != 2:
        raise RuntimeError(f"expected total rotation dims == 2, but got dims = {len(dims)}")
    if nd < 2:
        raise RuntimeError(f"expected total dims >= 2, but got total dims = {nd}")
    if _dim(dims[0], nd) == _dim(dims[1], nd):
        raise RuntimeError(f"expected rotation dims to be different, but got dim0 = {dims[0]} and dim1 = {dims[1]}")
    k %= 4
    d0, d1 = dims
    if k == 0:
        return input.clone()
    if k == 1:
        return flip(input, (d1,)).transpose(d0, d1)
    if k == 2:
        return flip(input, (d0, d1))
    return flip(input, (d0,)).transpose(d0, d1)


# ---- indexing ------------------------------------------------------------------------------
def _index_np(idx):
    """Convert a torch-style index (ints, slices, None, Ellipsis, tensors, lists) for NumPy."""
    if _isinstance(idx, tuple):
        return tuple(_index_np1(i) for i in idx)
    if _isinstance(idx, list):
        if builtins.any(_isinstance(i, (Tensor, list, slice, type(None), type(Ellipsis))) for i in idx):
            return tuple(_index_np1(i) for i in idx)
        return np.asarray(idx)
    return _index_np1(idx)


def _index_np1(i):
    if _isinstance(i, Tensor):
        a = i._data
        if a.dtype.kind == "f":
            raise IndexError("tensors used as indices must be long, int, byte or bool tensors")
        if a.dtype == np.uint8:
            return a.astype(np.bool_)
        return a if a.ndim else (a.item() if a.dtype != np.bool_ else a)
    if _isinstance(i, list):
        return np.asarray([x._data.item() if _isinstance(x, Tensor) else x for x in i])
    if _isinstance(i, float):
        raise IndexError("only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are "
                         "valid indices (got float)")
    if _isinstance(i, slice) and i.step is not None and i.step <= 0:
        raise ValueError("step must be greater than zero")
    return i


def _is_basic(ix):
    items = ix if _isinstance(ix, tuple) else (ix,)
    for i in items:
        if not (_isinstance(i, (int, slice, np.integer)) or i is None or i is Ellipsis):
            return False
    return True


def _mask_error(shape, ix):
    """Raise torch's IndexError for a boolean mask whose shape does not fit ``shape`` (if there is one)."""
    items = ix if _isinstance(ix, tuple) else (ix,)
    is_mask = [_isinstance(i, np.ndarray) and i.dtype == np.bool_ for i in items]
    used = _sum(i.ndim if m else (0 if i is None or i is Ellipsis else 1) for i, m in zip(items, is_mask))
    pos = 0
    for i, m in zip(items, is_mask):
        if i is Ellipsis:
            pos += len(shape) - used
        elif m:
            for k, size in enumerate(i.shape):
                if pos + k < len(shape) and size != shape[pos + k]:
                    raise IndexError(f"The shape of the mask {list(i.shape)} at index {k} does not match the shape "
                                     f"of the indexed tensor {list(shape)} at index {pos + k}")
            pos += i.ndim
        elif i is not None:
            pos += 1


def _check_index(a, ix):
    try:
        return a[ix]
    except IndexError as e:
        msg = str(e)
        if "boolean index did not match" in msg:
            _mask_error(a.shape, ix)
        if msg.startswith("too many indices"):
            raise IndexError(f"too many indices for tensor of dimension {a.ndim}") from None
        if "could not be broadcast together with shapes" in msg:
            import re
            shapes = ", ".join(str([int(v) for v in m.split(",") if v.strip()])
                               for m in re.findall(r"\(([\d,]*)\)", msg))
            raise IndexError(f"shape mismatch: indexing tensors could not be broadcast together with shapes "
                             f"{shapes}") from None
        if "out of bounds" in msg:
            import re
            m = re.search(r"index (-?\d+) is out of bounds for axis (\d+) with size (\d+)", msg)
            if m:
                d = int(m.group(2)) if _is_basic(ix) else _adv_position(a.ndim, ix, int(m.group(2)))
                raise IndexError(f"index {m.group(1)} is out of bounds for dimension {d} with size "
                                 f"{m.group(3)}") from None
        raise IndexError(msg) from None


def _adv_position(ndim, ix, axis):
    """How many index tensors come before the one indexing ``axis`` (torch numbers them that way in errors)."""
    items = ix if _isinstance(ix, tuple) else (ix,)
    width = [i.ndim if _isinstance(i, np.ndarray) and i.dtype == np.bool_ else (0 if i is None or i is Ellipsis
                                                                                  else 1) for i in items]
    pos = n_adv = 0
    for i, w in zip(items, width):
        if i is Ellipsis:
            pos += ndim - _sum(width)
            continue
        if pos <= axis < pos + w and _isinstance(i, np.ndarray):
            return n_adv
        if _isinstance(i, np.ndarray):
            n_adv += w
        pos += w
    return axis


class IndexBackward0(Node):
    __slots__ = ("shape", "dt", "ix", "basic")

    def backward(self, g):
        return (_index_put_zero(self.shape, g, self.ix, self.basic),)


class _SelectIndex(IndexBackward0):
    __slots__ = ()


class _SliceIndex(IndexBackward0):
    __slots__ = ()


_SelectIndex.__name__ = _SelectIndex.__qualname__ = "SelectBackward0"
_SliceIndex.__name__ = _SliceIndex.__qualname__ = "SliceBackward0"


class IndexPutZero(Node):
    """Backward of the scatter-into-zeros used by IndexBackward0 (for double backward)."""

    __slots__ = ("ix",)

    def backward(self, g):
        return (g[self.ix],)


def _index_put_zero(shape, g, ix, basic):
    z = np.zeros(shape, dtype=g._data.dtype)
    if basic:
        z[ix] = g._data
    else:
        np.add.at(z, ix, g._data)
    r = _wrap(z)
    if GRAD[0] and g._requires_grad:
        n = IndexPutZero()
        n.ix = ix
        record(r, n, g)
    return r


def _split_ints(ix):
    """For a key mixing integers with index arrays: (the integers as a basic key, the rest of the key).

    torch applies integer indices as selections first, so they never take part in placing the advanced-index
    dimensions the way NumPy's integer-as-array rule makes them."""
    if not _isinstance(ix, tuple):
        return None
    is_int = [_isinstance(i, (int, np.integer)) and not _isinstance(i, (builtins.bool, np.bool_)) for i in ix]
    if not builtins.any(is_int) or not builtins.any(_isinstance(i, np.ndarray) for i in ix):
        return None
    first, rest = [], []
    for i, k in zip(ix, is_int):
        if k:
            first.append(i)
        elif i is None:
            first.append(None)
            rest.append(slice(None))
        elif i is Ellipsis:
            first.append(i)
            rest.append(i)
        elif _isinstance(i, np.ndarray):
            first.extend([slice(None)] * (i.ndim if i.dtype == np.bool_ else 1))
            rest.append(i)
        else:
            first.append(i)
            rest.append(slice(None))
    return tuple(first), tuple(rest)


def getitem(input, idx):
    """``input[idx]`` with torch's (NumPy-like) indexing; basic indexing gives a view."""
    a = input._data
    if _isinstance(idx, Tensor) and idx._data.dtype.kind == "f":
        raise IndexError("tensors used as indices must be long, int, byte or bool tensors")
    ix = _index_np(idx)
    split = _split_ints(ix)
    if split is not None:
        return getitem(getitem(input, split[0]), split[1])
    if a.ndim == 0 and not (ix is None or ix is Ellipsis or _isinstance(ix, tuple) and (ix == () or builtins.all(
            i is None or i is Ellipsis for i in ix)) or (_isinstance(ix, np.ndarray) and ix.dtype == np.bool_)
            or _isinstance(ix, (builtins.bool, np.bool_))):
        raise IndexError("invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` "
                         "in C++ to convert a 0-dim tensor to a number")
    basic = _is_basic(ix)
    ra = _check_index(a, ix)
    if basic and not _isinstance(ra, np.ndarray):
        ra = a[(ix if _isinstance(ix, tuple) else (ix,)) + (Ellipsis,)]
    r = _view_of(ra, input) if basic else _wrap(np.asarray(ra))
    if GRAD[0] and input._requires_grad:
        n = (_SelectIndex() if _isinstance(ix, (int, np.integer)) or (_isinstance(ix, tuple) and builtins.all(
            _isinstance(i, (int, np.integer)) for i in ix)) else _SliceIndex()) if basic else IndexBackward0()
        n.shape, n.ix, n.basic = a.shape, ix, basic
        record(r, n, input)
    return r


class IndexPutBackward0(Node):
    __slots__ = ("ix", "vshape", "vdt", "accumulate")

    def backward(self, g):
        na, nv = self.next
        ga = gv = None
        if na is not None:
            ga = g.clone()
            if not getattr(self, "accumulate", False):
                ga._data[self.ix] = 0
        if nv is not None:
            gv = unb(getitem(g, _wrap_ix(self.ix)), self.vshape, self.vdt)
        return ga, gv


def _wrap_ix(ix):
    if _isinstance(ix, tuple):
        return tuple(_wrap(i) if _isinstance(i, np.ndarray) else i for i in ix)
    return _wrap(ix) if _isinstance(ix, np.ndarray) else ix


def index_put(input, indices, values, accumulate=False):
    """Out-of-place ``input[indices] = values`` (or ``+=`` with ``accumulate``)."""
    ix = _index_np(tuple(indices) if _isinstance(indices, (list, tuple)) else indices)
    a = input._data.copy()
    v = values._data if _isinstance(values, Tensor) else values
    if accumulate:
        np.add.at(a, ix, v)
    else:
        try:
            a[ix] = v
        except ValueError:
            raise RuntimeError(f"shape mismatch: value tensor of shape {list(np.shape(v))} cannot be broadcast "
                               f"to indexing result of shape {list(np.shape(a[ix]))}") from None
    r = _wrap(a)
    if needs(input, values):
        n = IndexPutBackward0()
        n.ix = ix
        n.accumulate = bool(accumulate)
        n.vshape, n.vdt = _shape_dt(values)
        record(r, n, input, values)
    return r


def _setitem_error(a, ix, v):
    if _is_basic(ix):
        expand(_wrap(np.asarray(v)), _check_index(a, ix).shape)
    raise RuntimeError(f"shape mismatch: value tensor of shape {list(np.shape(v))} cannot be broadcast to "
                       f"indexing result of shape {list(np.shape(_check_index(a, ix)))}")


def setitem(input, idx, value):
    """``input[idx] = value`` in place."""
    if not _isinstance(value, (Tensor, int, float)):
        if _isinstance(value, complex):
            if input._data.dtype == np.bool_:
                return setitem(input, idx, builtins.bool(value))
            name = {"float32": "float", "int64": "int64_t", "int32": "int", "int16": "int16_t", "int8": "int8_t",
                    "uint8": "uint8_t"}.get(input._data.dtype.name, "double")
            raise RuntimeError(f"value cannot be converted to type {name} without overflow")
        c = type(value)
        name = c.__qualname__ if c.__module__ == "builtins" else f"{c.__module__}.{c.__qualname__}"
        raise TypeError(f"can't assign a {name} to a {input.type()}")
    ix = _index_np(idx)
    split = _split_ints(ix)
    if split is not None:
        shape = input._data.shape
        flat = _check_index(_check_index(np.arange(input._data.size).reshape(shape), split[0]), split[1])
        ix = np.unravel_index(flat, shape)
    if _isinstance(value, Tensor) and np.may_share_memory(input._data, value._data):
        try:
            dst = input._data[ix] if split is None and _is_basic(ix) else input._data
        except (IndexError, ValueError, TypeError):
            dst = None
        if dst is not None:
            _no_partial_overlap(dst, value._data)
    if _isinstance(value, Tensor) and value._data.dtype != input._data.dtype and value._data.ndim \
            and not _is_basic(ix):
        raise RuntimeError(f"Index put requires the source and destination dtypes match, got "
                           f"{_tname(input.dtype)} for the destination and {_tname(value.dtype)} for the source.")
    if _isinstance(value, Tensor) and needs(input, value) or (GRAD[0] and input._requires_grad):
        if split is None and _is_basic(ix):
            _setitem_view(input, idx, ix, value)
            return
        _check_inplace(input)
        v = value if _isinstance(value, Tensor) else _wrap(np.asarray(value, dtype=input._data.dtype))
        if v._data.dtype != input._data.dtype:
            v = v.to(input.dtype)
        r = _index_put_rec(input, ix, v)
        _transplant(input, r)
        return
    v = value._data if _isinstance(value, Tensor) else value
    d = input._data
    if not d.flags.writeable:
        d = _V.writable(input, True)
        if _isinstance(value, Tensor) and _is_basic(ix):
            _V.check_overlap(_check_index(d, ix))
    try:
        d[ix] = v
    except ValueError:
        _setitem_error(input._data, ix, v)
    except IndexError:
        _check_index(input._data, ix)
        raise
    input._vc[0] += 1


def _setitem_view(input, idx, ix, value):
    """Basic-index assignment that records: copy (or fill) into the view ``input[idx]``, as torch does."""
    if _isinstance(value, Tensor):
        vs = value._data.shape
        tgt = _check_index(input._data, ix).shape
        while len(vs) > len(tgt) and vs[0] == 1:
            vs = vs[1:]
        if vs != value._data.shape:
            value = reshape(value, vs)
        try:
            np.broadcast_shapes(vs, tgt)
        except ValueError:
            _setitem_error(input._data, ix, value._data)
    view = getitem(input, idx)
    if _isinstance(value, Tensor):
        copy_(view, value)
    else:
        fill_(view, value)


def _index_put_rec(input, ix, v):
    shadow = _shadow(input)
    a = input._data.copy()
    try:
        a[ix] = v._data
    except ValueError:
        _setitem_error(a, ix, v._data)
    r = _wrap(a)
    n = IndexPutBackward0()
    n.ix = ix
    n.vshape, n.vdt = v._data.shape, v._data.dtype
    return record(r, n, shadow, v)


class IndexSelectBackward0(Node):
    __slots__ = ("dim", "shape")

    def backward(self, g):
        (idx,) = self.saved()
        z = zeros(self.shape, dtype=g.dtype)
        return (z.index_add(self.dim, idx, g),)


def index_select(input, dim, index):
    """Rows (or slices along ``dim``) picked by a 1-D index tensor."""
    a = input._data
    d = _dim(dim, _max(a.ndim, 1))
    ix = index._data
    if ix.ndim > 1:
        raise IndexError("index_select(): Index is supposed to be a vector")
    if ix.dtype.kind not in "iu":
        raise RuntimeError("index_select(): Expected dtype int32 or int64 for index")
    ix = ix.reshape(-1)
    n = a.shape[d] if a.ndim else 1
    if ix.size and (ix.max() >= n or ix.min() < 0):
        if d == 0:
            raise IndexError("index out of range in self")
        bad = ix[(ix >= n) | (ix < 0)][0]
        raise RuntimeError(f"INDICES element is out of DATA bounds, id={bad} axis_dim={n}")
    r = _wrap(np.take(a, ix, axis=d) if a.ndim else a.reshape(1)[ix].reshape(()) if ix.size == 1 else a[ix])
    if GRAD[0] and input._requires_grad:
        n = IndexSelectBackward0()
        n.dim, n.shape = d, a.shape
        n.save(_wrap(ix))
        record(r, n, input)
    return r


class IndexAddBackward0(Node):
    __slots__ = ("dim", "alpha", "sshape", "sdt")

    def backward(self, g):
        (idx,) = self.saved()
        na, ns = self.next
        gs = None
        if ns is not None:
            gs = index_select(g, self.dim, idx)
            if self.alpha != 1:
                gs = gs * self.alpha
            gs = gs.reshape(self.sshape)
        return (g if na is not None else None), gs


def index_add(input, dim, index, source, *, alpha=1):
    """Out-of-place: add ``alpha * source`` slices into ``input`` at ``index`` along ``dim``."""
    a = input._data.copy()
    d = _dim(dim, _max(a.ndim, 1))
    s = source._data if alpha == 1 else source._data * alpha
    am = np.moveaxis(a, d, 0) if a.ndim else a.reshape(1)
    try:
        np.add.at(am, index._data.reshape(-1), np.moveaxis(s, d, 0) if s.ndim else s.reshape(1))
    except ValueError:
        _index_add_error(a, d, index, source)
        raise
    r = _wrap(a)
    if needs(input, source):
        n = IndexAddBackward0()
        n.dim, n.alpha = d, alpha
        n.sshape, n.sdt = source._data.shape, source._data.dtype
        n.save(_wrap(index._data.reshape(-1)))
        record(r, n, input, source)
    return r


def _index_add_error(a, d, index, source) -> None:
    ss = source._data.shape
    n = index._data.size
    if ss and ss[d] != n:
        raise RuntimeError(f"index_add_(): Number of indices ({n}) should be equal to source.size(dim): ({ss[d]}), "
                           f"for dim: {d}")
    if len(ss) == a.ndim and builtins.any(x != y for i, (x, y) in enumerate(zip(a.shape, ss)) if i != d):
        raise RuntimeError("source tensor shape must match self tensor shape, excluding the specified dimension. "
                           f"Got self.shape = {list(a.shape)} source.shape = {list(ss)}")


def index_reduce(input, dim, index, source, reduce, *, include_self=True):
    """Out-of-place: reduce (``prod``, ``mean``, ``amax``, ``amin``) ``source`` slices into ``input`` at ``index``."""
    if reduce not in ("prod", "mean", "amax", "amin"):
        raise RuntimeError(f"index_reduce(): Expected reduce to be one of prod, mean, amax or amin but got {reduce}.")
    a = input._data.copy()
    d = _dim(dim, _max(a.ndim, 1))
    am = np.moveaxis(a, d, 0) if a.ndim else a.reshape(1)
    s = source._data.astype(a.dtype, copy=False)
    sm = np.moveaxis(s, d, 0) if s.ndim else s.reshape(1)
    idx = index._data.reshape(-1)
    if not include_self:
        am[idx] = {"prod": 1, "mean": 0, "amax": -np.inf if a.dtype.kind == "f" else np.iinfo(a.dtype).min,
                   "amin": np.inf if a.dtype.kind == "f" else np.iinfo(a.dtype).max}[reduce]
    if reduce == "prod":
        np.multiply.at(am, idx, sm)
    elif reduce == "amax":
        np.maximum.at(am, idx, sm)
    elif reduce == "amin":
        np.minimum.at(am, idx, sm)
    else:
        cnt = np.zeros(am.shape[0], np.int64)
        np.add.at(cnt, idx, 1)
        np.add.at(am, idx, sm)
        cnt = cnt + (1 if include_self else 0)
        cnt = np.maximum(cnt, 1).reshape((-1,) + (1,) * (am.ndim - 1))
        am[...] = am / cnt if a.dtype.kind == "f" else am // cnt
    return _wrap(a)


def renorm(input, p, dim, maxnorm):
    """Rescale each slice along ``dim`` whose ``p``-norm exceeds ``maxnorm`` to have norm ``maxnorm``."""
    d = _dim(dim, input.ndim)
    others = tuple(i for i in range(input.ndim) if i != d)
    n = norm(input, p, others, True) if others else input.abs()
    factor = where(n > maxnorm, maxnorm / (n + 1e-7), ones_like(n))
    return input * factor


def index_fill(input, dim, index, value):
    d = _dim(dim, _max(input.ndim, 1))
    ix = [slice(None)] * input.ndim
    ix[d] = index._data.reshape(-1)
    return index_put(input, tuple(_wrap(i) if _isinstance(i, np.ndarray) else i for i in ix),
                     value if _isinstance(value, Tensor) else _wrap(np.asarray(value, input._data.dtype)))


def index_copy(input, dim, index, source):
    d = _dim(dim, _max(input.ndim, 1))
    ix = [slice(None)] * input.ndim
    ix[d] = index._data.reshape(-1)
    return index_put(input, tuple(_wrap(i) if _isinstance(i, np.ndarray) else i for i in ix), source)


def _gather_check(a, d, idx, name, src=None):
    if idx.dtype not in (np.int64, np.int32):
        raise RuntimeError(f"{name}(): Expected dtype int32/int64 for index")
    if _max(idx.ndim, 1) != _max(a.ndim, 1):
        raise RuntimeError("Index tensor must have the same number of dimensions as "
                           f"{'input' if name == 'gather' else 'self'} tensor")
    if src is not None and src.dtype != a.dtype:
        raise RuntimeError("scatter(): Expected self.dtype to be equal to src.dtype")
    if a.ndim and idx.size:
        bad_self = builtins.any(idx.shape[i] > a.shape[i] for i in range(a.ndim) if i != d)
        sh = np.shape(src) if src is not None else None
        bad_src = sh is not None and len(sh) == idx.ndim and builtins.any(i > j for i, j in zip(idx.shape, sh))
        if name == "gather" and bad_self:
            i = next(i for i in range(a.ndim) if i != d and idx.shape[i] > a.shape[i])
            raise RuntimeError(f"Size does not match at dimension {i} expected index {list(idx.shape)} to be no "
                               f"larger than self {list(a.shape)} apart from dimension {d}")
        if name != "gather" and (bad_self or bad_src):
            tail = f" and to be no larger size than src {list(sh)}" if sh is not None else ""
            raise RuntimeError(f"Expected index {list(idx.shape)} to be no larger than self {list(a.shape)} apart "
                               f"from dimension {d}{tail}")
    if idx.size and (idx.max() >= a.shape[d] if a.ndim else idx.max() >= 1) or (idx.size and idx.min() < 0):
        bad = idx.max() if idx.max() >= (a.shape[d] if a.ndim else 1) else idx.min()
        raise RuntimeError(f"index {bad} is out of bounds for dimension {d} with size "
                           f"{a.shape[d] if a.ndim else 1}")


def _gidx(idx, d):
    """Full index arrays selecting ``idx`` along axis ``d`` (other axes by position)."""
    if idx.ndim == 0:
        return (idx,)
    grids = list(np.ogrid[tuple(slice(0, s) for s in idx.shape)])
    grids[d] = idx
    return tuple(grids)


class GatherBackward0(Node):
    __slots__ = ("dim", "shape")

    def backward(self, g):
        (idx,) = self.saved()
        return (zeros(self.shape, dtype=g.dtype).scatter_add(self.dim, idx, g),)


def gather(input, dim, index, *, sparse_grad=False):
    """Pick values along ``dim`` at ``index`` (``out[i][j] = input[index[i][j]][j]`` for dim 0)."""
    a = input._data
    d = _dim(dim, _max(a.ndim, 1))
    idx = index._data
    _gather_check(a, d, idx, "gather")
    if a.ndim == 0:
        r = _wrap(a.reshape(1)[idx].reshape(idx.shape))
    else:
        r = _wrap(np.asarray(a[_gidx(idx, d)]))
    if GRAD[0] and input._requires_grad:
        n = GatherBackward0()
        n.dim, n.shape = d, a.shape
        n.save(index)
        record(r, n, input)
    return r


def take_along_dim(input, indices, dim=None):
    if dim is None:
        return reshape(input, -1).gather(0, indices.reshape(-1))
    a_shape = input._data.shape
    d = _dim(dim, len(a_shape))
    sh = list(np.broadcast_shapes(tuple(s if i != d else 1 for i, s in enumerate(a_shape)),
                                  tuple(s if i != d else 1 for i, s in enumerate(indices._data.shape))))
    ish = list(sh)
    ish[d] = indices._data.shape[d]
    xsh = list(sh)
    xsh[d] = a_shape[d]
    return gather(input.expand(xsh), d, indices.expand(ish))


def take(input, index):
    """Elements of the flattened ``input`` at ``index`` (result has ``index``'s shape)."""
    i, n = index._data, input._data.size
    if i.size and (i.max() >= n or i.min() < -n):
        bad = i.max() if i.max() >= n else i.min()
        raise IndexError(f"out of range: tried to access index {bad} on a tensor of {n} elements.")
    return reshape(input, -1)[index]


class ScatterBackward0(Node):
    __slots__ = ("dim", "reduce")

    def backward(self, g):
        (idx,) = self.saved()
        na, ns = self.next
        ga = g.scatter(self.dim, idx, 0.0) if na is not None else None
        gs = g.gather(self.dim, idx) if ns is not None else None
        return ga, gs


class ScatterAddBackward0(Node):
    __slots__ = ("dim",)

    def backward(self, g):
        (idx,) = self.saved()
        na, ns = self.next
        return (g if na is not None else None), (g.gather(self.dim, idx) if ns is not None else None)


def _scatter_src(src, idx, dtype):
    if _isinstance(src, Tensor):
        s = src._data
        if s.ndim and not idx.ndim:
            s = s.reshape(-1)[0]
        elif s.ndim and s.shape != idx.shape:
            s = s[tuple(slice(0, k) for k in idx.shape)]
        return s.astype(dtype, copy=False)
    return np.asarray(src, dtype=dtype)


def scatter(input, dim, index, src=None, *, value=None, reduce=None):
    """Out-of-place scatter: write ``src`` (or ``value``) into ``input`` at ``index`` along ``dim``."""
    if src is None:
        src = value
    a = input._data.copy()
    d = _dim(dim, _max(a.ndim, 1))
    idx = index._data
    _gather_check(a, d, idx, "scatter", src._data if _isinstance(src, Tensor) else None)
    s = _scatter_src(src, idx, a.dtype)
    gi = _gidx(idx, d)
    if reduce is None:
        a[gi] = s
    elif reduce == "add":
        np.add.at(a, gi, s)
    elif reduce == "multiply":
        np.multiply.at(a, gi, s)
    else:
        raise RuntimeError(f"reduce argument must be either add or multiply. Got {reduce}")
    r = _wrap(a)
    if needs(input, src):
        n = ScatterBackward0()
        n.dim, n.reduce = d, reduce
        n.save(index)
        record(r, n, input, src if _isinstance(src, Tensor) else None)
    return r


def scatter_add(input, dim, index, src):
    """Out-of-place: add ``src`` into ``input`` at ``index`` along ``dim`` (duplicates accumulate)."""
    a = input._data.copy()
    d = _dim(dim, _max(a.ndim, 1))
    idx = index._data
    _gather_check(a, d, idx, "scatter_add", src._data if _isinstance(src, Tensor) else None)
    np.add.at(a, _gidx(idx, d), _scatter_src(src, idx, a.dtype))
    r = _wrap(a)
    if needs(input, src):
        n = ScatterAddBackward0()
        n.dim = d
        n.save(index)
        record(r, n, input, src)
    return r


class ScatterReduceBackward0(Node):
    __slots__ = ("dim", "reduce", "include_self")

    def backward(self, g):
        x, idx, src, res = self.saved()
        d, red = self.dim, self.reduce
        if red == "sum":
            gx, gs = g, g.gather(d, idx)
        elif red == "prod":
            mx = x.masked_fill(x == 0, 1)
            gx = g * mx.scatter_reduce(d, idx, src, "prod", include_self=self.include_self) / mx
            sz = src == 0
            nz = zeros_like(x).scatter_add(d, idx, sz.to(x.dtype)).gather(d, idx)
            single = sz & (nz == 1)
            msr = x.scatter_reduce(d, idx, src.masked_fill(single, 1), "prod", include_self=self.include_self)
            gs = where(single, (g * msr).gather(d, idx), (g * res).gather(d, idx) / src.masked_fill(sz, 1))
        elif red == "mean":
            n = (ones_like(g) if self.include_self else zeros_like(g)).scatter_add(d, idx, ones_like(src))
            n = n.masked_fill(n == 0, 1)
            gx, gs = g / n, g.gather(d, idx) / n.gather(d, idx)
        else:
            val = res.gather(d, idx)
            xr = (x == res).to(x.dtype)
            sr = (src == val).to(x.dtype)
            dist = g / xr.scatter_add(d, idx, sr)
            gx, gs = xr * dist, sr * dist.gather(d, idx)
        if not self.include_self:
            gx = gx.scatter(d, idx, 0.0)
        na, ns = self.next
        return (gx if na is not None else None), (gs if ns is not None else None)


def scatter_reduce(input, dim, index, src, reduce, *, include_self=True):
    a = input._data.copy()
    d = _dim(dim, _max(a.ndim, 1))
    idx = index._data
    _gather_check(a, d, idx, "scatter_reduce", src._data if _isinstance(src, Tensor) else None)
    gi = _gidx(idx, d)
    s = _scatter_src(src, idx, a.dtype)
    if reduce == "sum":
        if not include_self:
            a[gi] = 0
        np.add.at(a, gi, s)
    elif reduce == "prod":
        if not include_self:
            a[gi] = 1
        np.multiply.at(a, gi, s)
    elif reduce in ("amax", "amin"):
        if not include_self:
            a[gi] = -np.inf if reduce == "amax" else np.inf
        (np.maximum if reduce == "amax" else np.minimum).at(a, gi, s)
    elif reduce == "mean":
        cnt = np.zeros(a.shape, a.dtype) + (1 if include_self else 0)
        if not include_self:
            a[gi] = 0
        np.add.at(a, gi, s)
        np.add.at(cnt, gi, 1)
        a = a / np.maximum(cnt, 1) if a.dtype.kind == "f" else a // np.maximum(cnt, 1)
    else:
        raise RuntimeError(f"reduce argument must be either sum, prod, mean, amax or amin, got {reduce}")
    r = _wrap(a.astype(input._data.dtype, copy=False))
    if needs(input, src) and src._data.shape == idx.shape:
        n = ScatterReduceBackward0()
        n.dim, n.reduce, n.include_self = d, reduce, include_self
        n.save(input, index, src, r)
        record(r, n, input, src)
    return r


def masked_select(input, mask):
    if mask._data.dtype != np.bool_:
        raise RuntimeError("masked_select: expected BoolTensor for mask")
    try:
        np.broadcast_shapes(input._data.shape, mask._data.shape)
    except ValueError:
        _bc_error(mask._data, input._data)
    x, m = broadcast_tensors(input, mask)
    return getitem(x, m)


def masked_scatter(input, mask, source):
    m = mask.expand_as(input)
    n = int(m._data.sum())
    return index_put(input, (m,), source.reshape(-1)[:n])


def nonzero(input, *, as_tuple=False):
    """Indices of the non-zero elements (an ``(n, ndim)`` tensor, or a tuple of index vectors)."""
    a = input._data
    nz = np.nonzero(a) if a.ndim else np.nonzero(a.reshape(1))
    if as_tuple:
        return tuple(_wrap(i.astype(np.int64)) for i in nz)
    return _wrap(np.stack(nz).astype(np.int64).T if a.ndim else np.zeros((int(a != 0), 0), np.int64))


def argwhere(input):
    return nonzero(input)


# ---- slicing into pieces ---------------------------------------------------------------------
class SelectBackward0(Node):
    __slots__ = ("shape", "ix")

    def backward(self, g):
        return (_index_put_zero(self.shape, g, self.ix, True),)


def _slice_view(input, ix, node_cls=SelectBackward0):
    a = input._data
    r = _view_of(a[ix + (Ellipsis,)], input)
    if GRAD[0] and input._requires_grad:
        n = node_cls()
        n.shape, n.ix = a.shape, ix
        record(r, n, input)
    return r


def select(input, dim, index):
    """The slice at ``index`` along ``dim`` (that dim removed); a view."""
    a = input._data
    if a.ndim == 0:
        raise IndexError("select() cannot be applied to a 0-dim tensor.")
    d = _dim(dim, a.ndim)
    i = int(index)
    if not -a.shape[d] <= i < a.shape[d]:
        raise IndexError(f"select(): index {i} out of range for tensor of size {list(a.shape)} at dimension {d}")
    return _slice_view(input, (slice(None),) * d + (i,))


class SliceBackward0(SelectBackward0):
    __slots__ = ()


def as_strided(input, size, stride, storage_offset=None):
    """A view of ``input``'s storage with the given sizes and (element) strides, from ``storage_offset``."""
    return _V.as_strided(input, size, stride, storage_offset)


def narrow(input, dim, start, length):
    """``length`` elements from ``start`` along ``dim``; a view."""
    a = input._data
    d = _dim(dim, a.ndim)
    start = int(start)
    if start < 0:
        start += a.shape[d]
    if start < 0 or start + length > a.shape[d]:
        raise RuntimeError(f"start ({start}) + length ({length}) exceeds dimension size ({a.shape[d]}).")
    return _slice_view(input, (slice(None),) * d + (slice(start, start + length),), SliceBackward0)


def split(tensor, split_size_or_sections, dim=0):
    """Pieces of ``split_size`` along ``dim`` (the last may be smaller), or of the given sizes."""
    a = tensor._data
    d = _dim(dim, a.ndim)
    n = a.shape[d]
    if _isinstance(split_size_or_sections, (int, np.integer)):
        s = int(split_size_or_sections)
        if s == 0 and n != 0:
            raise RuntimeError(f"split_size can only be 0 if dimension size is 0, but got dimension size of {n}")
        sizes = [s] * (n // s) + ([n % s] if n % s else []) if s else [0]
        if n == 0:
            sizes = [0]
        node_cls = SplitBackward0
    else:
        node_cls = SplitWithSizesBackward0
        sizes = list(split_size_or_sections)
        if _sum(sizes) != n:
            raise RuntimeError(f"split_with_sizes expects split_sizes to sum exactly to {n} (input tensor's size "
                               f"at dimension {d}), but got split_sizes={sizes}")
    out, start = [], 0
    for s in sizes:
        out.append(_slice_view(tensor, (slice(None),) * d + (slice(start, start + s),), node_cls))
        start += s
    if GRAD[0]:
        for k, o in enumerate(out):
            o._vmeta = _V.multi(k)
    return tuple(out)


class SplitBackward0(SelectBackward0):
    __slots__ = ()


class SplitWithSizesBackward0(SelectBackward0):
    __slots__ = ()


def tensor_split(input, indices_or_sections, dim=0):
    a = input._data
    d = _dim(dim, a.ndim)
    n = a.shape[d]
    if _isinstance(indices_or_sections, Tensor):
        indices_or_sections = indices_or_sections.tolist()
    if _isinstance(indices_or_sections, (int, np.integer)):
        k = int(indices_or_sections)
        if k <= 0:
            raise RuntimeError(f"number of sections must be larger than 0, got {k}")
        q, r = divmod(n, k)
        bounds = [0]
        for i in range(k):
            bounds.append(bounds[-1] + q + (1 if i < r else 0))
        pairs = list(zip(bounds[:-1], bounds[1:]))
    else:
        idx = [0] + [int(i) for i in indices_or_sections] + [n]
        pairs = list(zip(idx[:-1], idx[1:]))
    pre = (slice(None),) * d
    return tuple(_slice_view(input, pre + (slice(s, e),), SliceBackward0) for s, e in pairs)


def chunk(input, chunks, dim=0):
    """Split into ``chunks`` nearly equal pieces along ``dim``."""
    if chunks <= 0:
        raise RuntimeError("chunk expects `chunks` to be greater than 0, got: " + str(chunks))
    n = input._data.shape[_dim(dim, input._data.ndim)]
    size = -(-n // chunks) if n else 1
    return split(input, _max(size, 1), dim) if n else split(input, [0] * 1, dim)


def unbind(input, dim=0):
    """All slices along ``dim``, as a tuple of views."""
    a = input._data
    d = _dim(dim, a.ndim)
    out = tuple(_slice_view(input, (slice(None),) * d + (i,), UnbindBackward0) for i in range(a.shape[d]))
    if GRAD[0]:
        for k, o in enumerate(out):
            o._vmeta = _V.multi(k)
    return out


class UnbindBackward0(SelectBackward0):
    __slots__ = ()


def _hvsplit(name, input, sections, d, need):
    a = input._data
    if a.ndim < need:
        raise RuntimeError(f"torch.{name} requires a tensor with at least {need} dimension, but got a tensor with "
                           f"{a.ndim} dimensions!")
    if _isinstance(sections, int) and (sections == 0 or a.shape[d] % sections):
        raise RuntimeError(f"torch.{name} attempted to split along dimension {d}, but the size of the dimension "
                           f"{a.shape[d]} is not divisible by the split_size {sections}!")
    return tensor_split(input, sections, d)


def hsplit(input, sections):
    return _hvsplit("hsplit", input, sections, 1 if input._data.ndim > 1 else 0, 1)


def vsplit(input, sections):
    return _hvsplit("vsplit", input, sections, 0, 2)


class CatBackward0(Node):
    __slots__ = ("dim", "sizes", "dts")

    def backward(self, g):
        outs, start = [], 0
        d = self.dim
        for nx, s, dt in zip(self.next, self.sizes, self.dts):
            if nx is not None:
                piece = g.narrow(d, start, s) if s is not None else None
                outs.append(piece if dt is None or piece._data.dtype == dt else piece.to(D._BY_NP[dt]))
            else:
                outs.append(None)
            start += s or 0
        return tuple(outs)


def _check_tensor_list(tensors):
    for i, t in enumerate(tensors):
        if not _isinstance(t, Tensor):
            raise TypeError(f"expected Tensor as element {i} in argument 0, but got {type(t).__name__}")


def cat(tensors, dim=0, *, out=None):
    """Join tensors along an existing dim (1-D empty tensors are skipped, like torch)."""
    if _isinstance(tensors, Tensor):
        raise TypeError("cat(): argument 'tensors' (position 1) must be tuple of Tensors, not Tensor")
    tensors = list(tensors)
    if not tensors:
        raise ValueError("torch.cat(): expected a non-empty list of Tensors")
    _check_tensor_list(tensors)
    keep = [t for t in tensors if not (t._data.ndim == 1 and t._data.shape[0] == 0)]
    if not keep:
        return _wrap(np.zeros((0,), tensors[0]._data.dtype))
    nd = keep[0]._data.ndim
    if nd == 0:
        raise RuntimeError("zero-dimensional tensor (at position 0) cannot be concatenated")
    d = _dim(dim, nd)
    dt = rtype(*tensors).np
    kept = {id(t) for t in keep}
    for j, t in enumerate(tensors):
        if id(t) not in kept:
            continue
        if t._data.ndim != nd:
            raise RuntimeError(f"Tensors must have same number of dimensions: got {nd} and {t._data.ndim}")
        for k in range(nd):
            if k != d and t._data.shape[k] != keep[0]._data.shape[k]:
                raise RuntimeError(f"Sizes of tensors must match except in dimension {d}. Expected size "
                                   f"{keep[0]._data.shape[k]} but got size {t._data.shape[k]} for tensor number "
                                   f"{j} in the list.")
    r = _wrap(np.concatenate([t._data for t in keep], axis=d, dtype=dt))
    if out is not None:
        return _to_out(out, r)
    if needs(*tensors):
        n = CatBackward0()
        n.dim = d
        n.sizes = [t._data.shape[d] if id(t) in kept else None for t in tensors] if len(keep) != len(tensors) else \
            [t._data.shape[d] for t in tensors]
        n.dts = [t._data.dtype for t in tensors]
        record(r, n, *tensors)
    return r


concat = concatenate = cat


def stack(tensors, dim=0, *, out=None):
    """Join same-shaped tensors along a new dim."""
    tensors = list(tensors)
    if not tensors:
        raise RuntimeError("stack expects a non-empty TensorList")
    _check_tensor_list(tensors)
    sh = tensors[0]._data.shape
    for i, t in enumerate(tensors):
        if t._data.shape != sh:
            raise RuntimeError(f"stack expects each tensor to be equal size, but got {list(sh)} at entry 0 and "
                               f"{list(t._data.shape)} at entry {i}")
    d = _dim(dim, len(sh) + 1)
    dt = tensors[0]._data.dtype
    if out is not None or builtins.any(t._data.dtype != dt for t in tensors):
        return cat([unsqueeze(t, d) for t in tensors], d, out=out)
    r = _wrap(np.stack([t._data for t in tensors], axis=d))
    if needs(*tensors):
        n = StackBackward0()
        n.dim = d
        record(r, n, *tensors)
    return r


class StackBackward0(Node):
    __slots__ = ("dim",)

    def backward(self, g):
        d = self.dim
        return tuple(None if nx is None else g.select(d, i) for i, nx in enumerate(self.next))


def hstack(tensors):
    tensors = [atleast_1d(t) for t in tensors]
    return cat(tensors, 0 if tensors[0].ndim == 1 else 1)


def vstack(tensors):
    return cat([atleast_2d(t) for t in tensors], 0)


row_stack = vstack


def dstack(tensors):
    return cat([atleast_3d(t) for t in tensors], 2)


def column_stack(tensors):
    return hstack([t.reshape(-1, 1) if t.ndim <= 1 else t for t in tensors])


def atleast_1d(t):
    return t.reshape(1) if t.ndim == 0 else t


def atleast_2d(t):
    return t.reshape(1, -1) if t.ndim < 2 else t


def atleast_3d(t):
    if t.ndim == 0:
        return t.reshape(1, 1, 1)
    if t.ndim == 1:
        return t.reshape(1, -1, 1)
    if t.ndim == 2:
        return t.unsqueeze(-1)
    return t


class TrilBackward0(Node):
    __slots__ = ("k", "upper")

    def backward(self, g):
        return (g.triu(self.k) if self.upper else g.tril(self.k),)


def tril(input, diagonal=0):
    if input._data.ndim < 2:
        raise RuntimeError("tril: input tensor must have at least 2 dimensions")
    r = _wrap(np.tril(input._data, diagonal))
    if GRAD[0] and input._requires_grad:
        n = TrilBackward0()
        n.k, n.upper = diagonal, False
        record(r, n, input)
    return r


def triu(input, diagonal=0):
    if input._data.ndim < 2:
        raise RuntimeError("triu: input tensor must have at least 2 dimensions")
    r = _wrap(np.triu(input._data, diagonal))
    if GRAD[0] and input._requires_grad:
        n = TriuBackward0()
        n.k, n.upper = diagonal, True
        record(r, n, input)
    return r


class TriuBackward0(TrilBackward0):
    __slots__ = ()


class DiagonalBackward0(Node):
    __slots__ = ("shape", "off", "d1", "d2")

    def backward(self, g):
        if GRAD[0] and g._requires_grad:
            z = _wrap(np.zeros(self.shape, g._data.dtype))
            copy_(diagonal(z, self.off, self.d1, self.d2), g)
            return (z,)
        z = np.zeros(self.shape, g._data.dtype)
        v = np.diagonal(z, self.off, self.d1, self.d2)
        v.flags.writeable = True
        v[...] = g._data
        return (_wrap(z),)


def diagonal(input, offset=0, dim1=0, dim2=1):
    a = input._data
    d1, d2 = _dim(dim1, a.ndim), _dim(dim2, a.ndim)
    r = _view_of(np.diagonal(a, offset, d1, d2), input)
    if GRAD[0] and input._requires_grad:
        n = DiagonalBackward0()
        n.shape, n.off, n.d1, n.d2 = a.shape, offset, d1, d2
        record(r, n, input)
    return r


def diagflat(input, offset=0):
    """A 2-D tensor with the flattened ``input`` on its ``offset``-th diagonal."""
    return diag(input.reshape(-1), offset)


def diag(input, diagonal=0):
    if input.ndim not in (1, 2):
        raise RuntimeError(f"diag(): Supports 1D or 2D tensors. Got {input.ndim}D")
    if input.ndim == 1:
        n = input.shape[0] + builtins.abs(diagonal)
        z = zeros((n, n), dtype=input.dtype)
        rows = np.arange(input.shape[0]) + (0 if diagonal >= 0 else -diagonal)
        cols = np.arange(input.shape[0]) + (diagonal if diagonal >= 0 else 0)
        return index_put(z, (_wrap(rows), _wrap(cols)), input)
    return diagonal_copy(input, diagonal)


def diagonal_copy(input, offset=0):
    return diagonal(input, offset).clone()


def diag_embed(input, offset=0, dim1=-2, dim2=-1):
    n = input.shape[-1] + builtins.abs(offset)
    z = zeros(tuple(input.shape[:-1]) + (n, n), dtype=input.dtype)
    ar = np.arange(input.shape[-1])
    rows = ar + (0 if offset >= 0 else -offset)
    cols = ar + (offset if offset >= 0 else 0)
    r = index_put(z, (Ellipsis, _wrap(rows), _wrap(cols)), input)
    nd = input._data.ndim + 1
    d1, d2 = _dim(dim1, nd), _dim(dim2, nd)
    if d1 == d2:
        raise RuntimeError(f"diagonal dimensions cannot be identical {dim1}, {dim2}")
    return r if (d1, d2) == (nd - 2, nd - 1) else movedim(r, (nd - 2, nd - 1), (d1, d2))


def trace(input):
    if input._data.ndim != 2:
        raise RuntimeError(f"trace: expected a matrix, but got tensor with dim {input._data.ndim}")
    return diagonal(input).sum()


# =========================================================================================
# Linear algebra
# =========================================================================================
class MmBackward0(Node):
    __slots__ = ()

    def backward(self, g):
        a, b = self.saved()
        na, nb = self.next
        return (g.mm(b.t()) if na is not None else None), (a.t().mm(g) if nb is not None else None)


_CNAME = {"float32": "float", "float64": "double", "float16": "c10::Half", "bfloat16": "c10::BFloat16",
          "int64": "long int", "int32": "int", "int16": "short int", "int8": "signed char", "uint8": "unsigned char",
          "bool": "bool"}


def _check_mm(a, b, name):
    if a._data.dtype != b._data.dtype:
        raise RuntimeError(f"expected m1 and m2 to have the same dtype, but got: {_CNAME[a.dtype.name]} != "
                           f"{_CNAME[b.dtype.name]}" if name == "mm" else
                           f"expected scalar type {_tname(a.dtype)} but found {_tname(b.dtype)}")


def mm(input, mat2, *, out=None):
    """Matrix product of two 2-D tensors."""
    a, b = input._data, mat2._data
    if a.ndim != 2 or b.ndim != 2:
        raise RuntimeError(f"{'self' if a.ndim != 2 else 'mat2'} must be a matrix")
    if a.shape[1] != b.shape[0]:
        raise RuntimeError(f"mat1 and mat2 shapes cannot be multiplied ({a.shape[0]}x{a.shape[1]} and "
                           f"{b.shape[0]}x{b.shape[1]})")
    _check_mm(input, mat2, "mm")
    _bt(a.size * b.shape[1])
    r = _wrap(np.matmul(a, b))
    if out is not None:
        return _to_out(out, r)
    if needs(input, mat2):
        n = MmBackward0()
        n.save(input, mat2)
        record(r, n, input, mat2)
    return r


class MatmulBackward(Node):
    __slots__ = ()

    def backward(self, g):
        a, b = self.saved()
        na, nb = self.next
        a2 = a.unsqueeze(0) if a.ndim == 1 else a
        b2 = b.unsqueeze(-1) if b.ndim == 1 else b
        g2 = g
        if b.ndim == 1:
            g2 = g2.unsqueeze(-1)
        if a.ndim == 1:
            g2 = g2.unsqueeze(-2)
        ga = gb = None
        if na is not None:
            ga = matmul(g2, b2.transpose(-1, -2))
            if a.ndim == 1:
                ga = ga.squeeze(-2)
            ga = unb(ga, a._data.shape)
        if nb is not None:
            gb = matmul(a2.transpose(-1, -2), g2)
            if b.ndim == 1:
                gb = gb.squeeze(-1)
            gb = unb(gb, b._data.shape)
        return ga, gb


def matmul(input, other, *, out=None):
    """Matrix product with NumPy/torch broadcasting rules for 1-D and batched operands."""
    a, b = input._data, other._data
    if a.ndim == 2 and b.ndim == 2 and a.shape[1] == b.shape[0] and a.dtype is b.dtype and out is None:
        _bt(a.size * b.shape[1])
        r = _wrap(np.matmul(a, b))
        if GRAD[0] and (input._requires_grad or other._requires_grad):
            n = MmBackward0()
            n.save(input, other)
            record(r, n, input, other)
        return r
    if a.ndim == 0 or b.ndim == 0:
        raise RuntimeError(f"both arguments to matmul need to be at least 1D, but they are {a.ndim}D and "
                           f"{b.ndim}D")
    ka = a.shape[-1]
    kb = b.shape[-2] if b.ndim > 1 else b.shape[0]
    if a.ndim >= 3 and b.ndim >= 3:
        try:
            np.broadcast_shapes(a.shape[:-2], b.shape[:-2])
        except ValueError:
            _bc_error(np.empty(a.shape[:-2], np.bool_), np.empty(b.shape[:-2], np.bool_))
    if ka != kb:
        if a.ndim == 1 and b.ndim == 1:
            raise RuntimeError(f"inconsistent tensor size, expected tensor [{a.shape[0]}] and src [{b.shape[0]}] "
                               "to have the same number of elements, but got "
                               f"{a.shape[0]} and {b.shape[0]} elements respectively")
        if b.ndim >= 3:
            nb = int(np.prod(np.broadcast_shapes(a.shape[:-2], b.shape[:-2])))
            raise RuntimeError(f"Expected size for first two dimensions of batch2 tensor to be: [{nb}, {ka}] "
                               f"but got: [{nb}, {kb}].")
        if b.ndim == 1 and a.ndim >= 2:
            m = int(np.prod(a.shape[:-1]))
            raise RuntimeError(f"size mismatch, got input ({m}), mat ({m}x{ka}), vec ({kb})")
        sa = "x".join(map(str, (a.shape if a.ndim > 1 else (1, a.shape[0]))[-2:]))
        if a.ndim > 2:
            sa = f"{int(np.prod(a.shape[:-1]))}x{a.shape[-1]}"
        sb = "x".join(map(str, b.shape[-2:])) if b.ndim > 1 else f"{b.shape[0]}x1"
        raise RuntimeError(f"mat1 and mat2 shapes cannot be multiplied ({sa} and {sb})")
    if a.dtype != b.dtype:
        if a.ndim == 1 and b.ndim == 1:
            raise RuntimeError(f"dot : expected both vectors to have same dtype, but found {_tname(input.dtype)} "
                               f"and {_tname(other.dtype)}")
        if a.ndim >= 2 and b.ndim == 1:
            tv, tm = _tname(other.dtype), _tname(input.dtype)
            raise RuntimeError(f"addmv input tensors must have the same dtype, but got {tv}, {tm}, and {tv}")
        _check_mm(input, other, "bmm" if a.ndim >= 3 and b.ndim >= 3 else "mm")
    _bt(a.shape[-2] * ka * b.shape[-1] if a.ndim > 1 and b.ndim > 1 else 0)
    r = _wrap(np.matmul(a, b))
    if out is not None:
        return _to_out(out, r)
    if needs(input, other):
        n = MmBackward0() if a.ndim == 2 and b.ndim == 2 else _MATMUL_NODES.get((a.ndim, b.ndim), MatmulBackward)()
        n.save(input, other)
        record(r, n, input, other)
    return r


class DotBackward0(MatmulBackward):
    __slots__ = ()


class MvBackward0(MatmulBackward):
    __slots__ = ()


class BmmBackward0(MatmulBackward):
    __slots__ = ()


_MATMUL_NODES = {(1, 1): DotBackward0, (2, 1): MvBackward0}


def bmm(input, mat2, *, out=None):
    if input.ndim != 3 or mat2.ndim != 3:
        raise RuntimeError("batch1 must be a 3D tensor" if input.ndim != 3 else "batch2 must be a 3D tensor")
    if input.shape[0] != mat2.shape[0] or input.shape[2] != mat2.shape[1]:
        raise RuntimeError(f"Expected size for first two dimensions of batch2 tensor to be: [{input.shape[0]}, "
                           f"{input.shape[2]}] but got: [{mat2.shape[0]}, {mat2.shape[1]}].")
    r = matmul(input, mat2, out=out)
    if r.grad_fn.__class__ is MatmulBackward:
        r.grad_fn.__class__ = BmmBackward0
    return r


def mv(input, vec):
    """Matrix-vector product."""
    if input.ndim == 2 and vec.ndim == 1 and input.shape[1] != vec.shape[0]:
        raise RuntimeError(f"size mismatch, got input ({input.shape[0]}), mat ({input.shape[0]}x{input.shape[1]}), "
                           f"vec ({vec.shape[0]})")
    return matmul(input, vec)


def dot(input, other):
    if input.ndim != 1 or other.ndim != 1:
        raise RuntimeError(f"1D tensors expected, but got {input.ndim}D and {other.ndim}D tensors")
    return matmul(input, other)


def inner(input, other):
    """Sum of products over the last dimension of both tensors (a scalar factor when either is 0-d)."""
    if input.ndim == 0 or other.ndim == 0:
        return input * other
    if input.shape[-1] != other.shape[-1]:
        raise RuntimeError(f"inner() the last dimension must match on both input tensors but got shapes "
                           f"{list(input.shape)} and {list(other.shape)}")
    if input.ndim == 1 and other.ndim == 1:
        return dot(input, other)
    return tensordot(input, other, dims=([input.ndim - 1], [other.ndim - 1]))


vdot = dot


def outer(input, vec2):
    for name, v in (("self", input), ("vec2", vec2)):
        if v.ndim != 1:
            raise RuntimeError(f"outer: Expected 1-D argument {name}, but got {v.ndim}-D")
    return input.reshape(-1, 1) * vec2.reshape(1, -1)


ger = outer


class AddmmBackward0(Node):
    """``beta * bias + alpha * (x @ w)``: the fused node behind ``nn.Linear``."""

    __slots__ = ("bsh", "bdt", "alpha", "beta")

    def backward(self, g):
        x, w = self.saved()
        nb, nx, nw = self.next
        gb = gx = gw = None
        if nb is not None:
            gb = unb(g if self.beta == 1 else g * self.beta, self.bsh, self.bdt)
        ga = g if self.alpha == 1 else g * self.alpha
        if nx is not None:
            gx = ga.mm(w.t())
        if nw is not None:
            gw = x.t().mm(ga)
        return gb, gx, gw


def addmm(input, mat1, mat2, *, beta=1, alpha=1, out=None):
    """``beta * input + alpha * (mat1 @ mat2)``."""
    p = mm(mat1, mat2) if not needs(mat1, mat2) else None
    a, b = mat1._data, mat2._data
    if p is None:
        if a.ndim != 2 or b.ndim != 2 or a.shape[1] != b.shape[0]:
            mm(mat1.detach(), mat2.detach())
        _bt(a.size * b.shape[1])
        prod_ = np.matmul(a, b)
    else:
        prod_ = p._data
    if alpha != 1:
        prod_ = prod_ * alpha
    bias = input._data
    r = _wrap(prod_ + (bias if beta == 1 else bias * beta) if beta != 0 else prod_)
    if out is not None:
        return _to_out(out, r)
    if needs(input, mat1, mat2):
        n = AddmmBackward0()
        n.bsh, n.bdt, n.alpha, n.beta = bias.shape, bias.dtype, alpha, beta
        n.save(mat1, mat2)
        record(r, n, input, mat1, mat2)
    return r


class LinearBackward(Node):
    """``x @ w.T (+ b)`` over any leading dims of ``x`` in one node; ``x`` is saved only when ``w`` needs a
    gradient and ``w`` only when ``x`` does, as torch's addmm does."""

    __slots__ = ("has_b", "xsh")

    def backward(self, g):
        x, w = self.saved()
        nx, nw = self.next[0], self.next[1]
        xsh = self.xsh
        gx = gw = gb = None
        if not GRAD[0]:
            ga = g._data
            g2 = ga.reshape(-1, ga.shape[-1]) if ga.ndim != 2 else ga
            _bt(g2.size * xsh[-1])
            if nx is not None:
                gx = fresh(np.matmul(g2, w._data).reshape(xsh))
            if nw is not None:
                xa = x._data
                gw = fresh(np.matmul(g2.T, xa.reshape(-1, xa.shape[-1]) if xa.ndim != 2 else xa,
                                     grad_home(nw, (ga.shape[-1], xsh[-1]))))
            if self.has_b:
                nb = self.next[2]
                if nb is not None:
                    gb = fresh(np.add.reduce(g2, 0, out=grad_home(nb, g2.shape[1:])))
                return gx, gw, gb
            return gx, gw
        g2 = g.reshape(-1, g.shape[-1]) if len(xsh) != 2 else g
        if nx is not None:
            gx = g2.mm(w)
            if len(xsh) != 2:
                gx = gx.reshape(xsh)
        if nw is not None:
            gw = g2.t().mm(x.reshape(-1, xsh[-1]) if len(xsh) != 2 else x)
        if self.has_b and self.next[2] is not None:
            gb = g2.sum(0)
        return (gx, gw, gb) if self.has_b else (gx, gw)

    @property
    def next_functions(self) -> tuple:
        """torch's view of the graph of a 2-D ``linear``: ``addmm(bias, input, weight.t())`` (``mm`` without a bias),
        the weight reached through a ``TBackward0`` node. The engine itself runs this one node."""
        nx, nw = self.next[0], self.next[1]
        if len(self.xsh) != 2:
            return super().next_functions
        tw = self.__dict__.get("tw")
        if tw is None and nw is not None:
            tw = self.__dict__["tw"] = TBackward0()
            tw.next = (nw,)
        if self.has_b:
            return ((self.next[2], 0), (nx, 0), (tw, 0))
        return ((nx, 0), (tw, 0))


def linear(input, weight, bias=None):
    """``input @ weight.T + bias``, recorded as one node."""
    x, w = input._data, weight._data
    if x.ndim == 0 or w.ndim != 2 or x.shape[-1] != w.shape[1] or x.dtype != w.dtype:
        if w.ndim == 1 and x.ndim:
            r = matmul(input, weight)
            return r + bias if bias is not None else r
        _linear_error(input, weight)
    if x.dtype is _F16 and (bias is None or bias._data.dtype is _F16):
        return linear(input.float(), weight.float(), None if bias is None else bias.float()).half()
    _bt(x.size * w.shape[0])
    out = np.matmul(x, w.T)
    if bias is not None:
        b = bias._data
        if b.dtype != out.dtype:
            raise RuntimeError(f"expected scalar type {_tname(input.dtype)} but found {_tname(bias.dtype)}")
        try:
            out += b
        except ValueError:
            expand(bias.detach(), out.shape)  # raises torch's error for a bias that cannot take the output's shape
            raise
    r = _wrap(out)
    if GRAD[0] and (input._requires_grad or weight._requires_grad or bias is not None and bias._requires_grad):
        ex, ew = edge(input), edge(weight)
        if bias is not None:
            n = AddmmBackward0L()
            n.has_b = True
            n.next = (ex, ew, edge(bias))
        else:
            n = MmBackward0L()
            n.has_b = False
            n.next = (ex, ew)
        n.xsh = x.shape
        n.save(input if ew is not None else None, weight if ex is not None else None)
        r._requires_grad = True
        r.grad_fn = n
    return r


def _linear_error(input, weight):
    x, w = input._data, weight._data
    if x.ndim and w.ndim > 2:
        raise RuntimeError(f"t() expects a tensor with <= 2 dimensions, but self is {w.ndim}D")
    if x.ndim == 0 or w.ndim not in (1, 2):
        raise RuntimeError(f"both arguments to linear need to be at least 1D, but they are {x.ndim}D and "
                           f"{w.ndim}D")
    if x.shape[-1] != w.shape[-1]:
        lead = int(np.prod(x.shape[:-1])) if x.ndim > 1 else 1
        raise RuntimeError(f"mat1 and mat2 shapes cannot be multiplied ({lead}x{x.shape[-1]} and "
                           f"{w.shape[1]}x{w.shape[0]})")
    raise RuntimeError(f"mat1 and mat2 must have the same dtype, but got {_tname(input.dtype)} and "
                       f"{_tname(weight.dtype)}")


class AddmmBackward0L(LinearBackward):
    __slots__ = ()


class MmBackward0L(LinearBackward):
    __slots__ = ()


AddmmBackward0L.__name__ = AddmmBackward0L.__qualname__ = "AddmmBackward0"
MmBackward0L.__name__ = MmBackward0L.__qualname__ = "MmBackward0"


def baddbmm(input, batch1, batch2, *, beta=1, alpha=1):
    return input * beta + bmm(batch1, batch2) * alpha if beta != 1 or alpha != 1 else input + bmm(batch1, batch2)


def addbmm(input, batch1, batch2, *, beta=1, alpha=1):
    return input * beta + bmm(batch1, batch2).sum(0) * alpha


def addmv(input, mat, vec, *, beta=1, alpha=1):
    return input * beta + mv(mat, vec) * alpha


def addr(input, vec1, vec2, *, beta=1, alpha=1):
    return input * beta + outer(vec1, vec2) * alpha


def tensordot(a, b, dims=2):
    if _isinstance(dims, int):
        da = list(range(a.ndim - dims, a.ndim))
        db = list(range(dims))
    else:
        da, db = ([dims[0]] if _isinstance(dims[0], int) else list(dims[0])), \
            ([dims[1]] if _isinstance(dims[1], int) else list(dims[1]))
    da = [_dim(d, a.ndim) for d in da]
    db = [_dim(d, b.ndim) for d in db]
    fa = [i for i in range(a.ndim) if i not in da]
    fb = [i for i in range(b.ndim) if i not in db]
    k = int(np.prod([a.shape[d] for d in da])) if da else 1
    am = a.permute(fa + da).reshape(-1, k)
    bm = b.permute(db + fb).reshape(k, -1)
    return (am @ bm).reshape([a.shape[i] for i in fa] + [b.shape[i] for i in fb])


def _einsum_sublists(args):
    """Translate the ``einsum(op0, sublist0, op1, sublist1, ..., [out_sublist])`` form into an equation."""
    def letters(sub):
        return "".join("..." if k is Ellipsis else "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"[k]
                       for k in sub)
    n = len(args) - len(args) % 2
    ops_, subs = args[0:n:2], args[1:n:2]
    out = args[-1] if len(args) % 2 else None
    eq = ",".join(letters(sb) for sb in subs)
    if out is not None:
        eq += "->" + letters(out)
    return eq, tuple(ops_)


def einsum(equation, *operands):
    """Einstein summation, built from permute/reshape/matmul-free broadcasting products and sums."""
    if len(operands) == 1 and _isinstance(operands[0], (list, tuple)):
        operands = tuple(operands[0])
    if _isinstance(equation, Tensor):
        equation, operands = _einsum_sublists((equation, *operands))
    eq = equation.replace(" ", "")
    if "->" in eq:
        lhs, rhs = eq.split("->")
    else:
        lhs = eq
        cnt = {}
        for c in lhs.replace(",", "").replace("...", ""):
            cnt[c] = cnt.get(c, 0) + 1
        rhs = ("..." if "..." in lhs else "") + "".join(sorted(c for c, k in cnt.items() if k == 1))
    terms = lhs.split(",")
    if len(terms) != len(operands):
        raise RuntimeError(f"einsum(): {'fewer' if len(operands) < len(terms) else 'more'} operands were provided "
                           "than specified in the equation")
    for c in rhs.replace("...", ""):
        if rhs.count(c) > 1:
            raise RuntimeError(f"einsum(): output subscript {c} appears more than once in the output")
        if c not in lhs:
            raise RuntimeError(f"einsum(): output subscript {c} does not appear in the equation for any input operand")
    for j, (tm, op) in enumerate(zip(terms, operands)):
        if "..." not in tm and len(tm) != op.ndim:
            raise RuntimeError(f"einsum(): the number of subscripts in the equation ({len(tm)}) does not match the "
                               f"number of dimensions ({op.ndim}) for operand {j} and no ellipsis was given")
        if op.dtype is not operands[0].dtype:
            raise RuntimeError(f"expected scalar type {_tname(operands[0].dtype)} but found {_tname(op.dtype)}")
    ell = None
    if "..." in eq:
        nell = _max(op.ndim - (len(tm) - 3) for tm, op in zip(terms, operands) if "..." in tm)
        letters = [c for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" if c not in eq][:nell]
        ell = "".join(letters)
        new_terms = []
        for tm, op in zip(terms, operands):
            if "..." in tm:
                k = op.ndim - (len(tm) - 3)
                tm = tm.replace("...", ell[nell - k:])
            new_terms.append(tm)
        terms = new_terms
        rhs = rhs.replace("...", ell)
    letters = []
    for tm in terms + [rhs]:
        for c in tm:
            if c not in letters:
                letters.append(c)
    full = []
    sizes = {}
    for tm, op in zip(terms, operands):
        if len(tm) != op.ndim:
            raise RuntimeError(f"einsum(): the number of subscripts in the equation ({len(tm)}) does not match "
                               f"the number of dimensions ({op.ndim}) for operand {terms.index(tm)}")
        x = op
        seen = {}
        for i, c in enumerate(tm):
            if c in seen:
                x = x.diagonal(0, seen[c], i)
                tm2 = [ch for j, ch in enumerate(tm) if j not in (seen[c], i)] + [c]
                k = len(full)
                new_eq = ",".join("".join(tm2) if j == k else t for j, t in enumerate(terms)) + "->" + rhs
                return einsum(new_eq, *[x if j == k else o for j, o in enumerate(operands)])
            seen[c] = i
        for c, s in zip(tm, op.shape):
            if sizes.get(c, 1) == 1:
                sizes[c] = s
            elif s != 1 and s != sizes[c]:
                raise RuntimeError(f"einsum(): subscript {c} has size {s} for operand {len(full)} which does not "
                                   f"broadcast with previously seen size {sizes[c]}")
        perm = sorted(range(len(tm)), key=lambda i: letters.index(tm[i]))
        x = x.permute(perm) if perm != list(range(len(tm))) else x
        shp = [1] * len(letters)
        for i in perm:
            shp[letters.index(tm[i])] = op.shape[i]
        full.append(x.reshape(shp))
    res = full[0]
    for x in full[1:]:
        res = res * x
    sum_axes = tuple(i for i, c in enumerate(letters) if c not in rhs)
    if sum_axes:
        res = res.sum(sum_axes)
    kept = [c for c in letters if c in rhs]
    res = res.expand([sizes[c] for c in kept]) if res.shape != tuple(sizes[c] for c in kept) else res
    perm = [kept.index(c) for c in rhs]
    res = res.permute(perm) if perm != list(range(len(perm))) else res
    if not operands[0]._data.dtype.kind == "f":
        res = res.to(_einsum_int_dtype(terms, rhs, operands))
    return res


def _einsum_int_dtype(terms, rhs, operands):
    """torch's einsum result dtype for integer/bool operands: a dim summed within one operand promotes it to int64
    (as ``sum`` does); contracting two operands then needs equal dtypes (``bmm``), else products promote."""
    dts = []
    for j, (tm, op) in enumerate(zip(terms, operands)):
        own = builtins.any(c not in rhs and builtins.all(c not in t for k, t in enumerate(terms) if k != j) for c in tm)
        dts.append(D.int64 if own else op.dtype)
    if len(terms) == 1:
        return dts[0]
    letters = {c for tm in terms for c in tm}
    if builtins.any(c not in rhs and builtins.sum(c in tm for tm in terms) > 1 for c in letters):
        for dt in dts[1:]:
            if dt is not dts[0]:
                raise RuntimeError(f"expected scalar type {_tname(dts[0])} but found {_tname(dt)}")
        if dts[0] is D.bool:
            raise NotImplementedError("\"bmm\" not implemented for 'Bool'")
        return dts[0]
    out = dts[0]
    for dt in dts[1:]:
        out = D.promote_types(out, dt)
    return out


def cross(input, other, dim=None):
    if input._data.ndim != other._data.ndim:
        raise RuntimeError("linalg.cross: inputs must have the same number of dimensions.")
    if dim is None:
        dim = next(i for i, s in enumerate(input.shape) if s == 3)
    d = _dim(dim, input.ndim)
    if input.shape[d] != 3 or other.shape[d] != 3:
        raise RuntimeError(f"linalg.cross: inputs dimension {dim} must have length 3. Got {input.shape[d]} and "
                           f"{other.shape[d]}")
    a = [input.select(d, i) for i in range(3)]
    b = [other.select(d, i) for i in range(3)]
    return stack([a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]], d)


def cdist(x1, x2, p=2.0, compute_mode="use_mm_for_euclid_dist_if_necessary"):
    if compute_mode not in ("use_mm_for_euclid_dist_if_necessary", "use_mm_for_euclid_dist",
                            "donot_use_mm_for_euclid_dist"):
        raise ValueError(f"{compute_mode} is not a valid value for compute_mode")
    if x1.shape[-1] != x2.shape[-1]:
        raise RuntimeError(f"X1 and X2 must have the same number of columns. X1: {x1.shape[-1]} X2: {x2.shape[-1]}")
    diff = x1.unsqueeze(-2) - x2.unsqueeze(-3)
    return _vnorm(diff, p, -1, False)


# =========================================================================================
# Softmax family and fused losses
# =========================================================================================
class SoftmaxBackward0(Node):
    __slots__ = ("dim",)

    def backward(self, g):
        (y,) = self.saved()
        return (y * (g - (g * y).sum(self.dim, keepdim=True)),)


def _softmax_np(a, d):
    if a.dtype == np.float16:
        f = a.astype(np.float32)
        e = np.exp(f - f.max(axis=d, keepdims=True)) if a.size else f
        s = e.sum(axis=d, keepdims=True)
        if d != a.ndim - 1:
            e = e.astype(np.float16).astype(np.float32)
        return (e / s).astype(np.float16)
    m = a.max(axis=d, keepdims=True) if a.size else a
    e = np.exp(a - m)
    return e / e.sum(axis=d, keepdims=True)


def _cast_dtype(input, dtype, name="softmax", dim=None):
    if dtype is not None:
        return input.to(dtype)
    a = input._data
    if a.dtype.kind != "f":
        d = (0 if a.ndim in (0, 1, 3) else 1) if dim is None else dim
        last = "_lastdim" if a.ndim <= 1 or _dim(d, a.ndim) == a.ndim - 1 else ""
        raise NotImplementedError(f'"{name}{last}_kernel_impl" not implemented for \'{_tname(a.dtype)}\'')
    return input


def softmax(input, dim=None, _stacklevel=3, dtype=None):
    """``exp(x) / sum(exp(x))`` along ``dim``."""
    x = _cast_dtype(input, dtype, "softmax", dim)
    a = x._data
    if dim is None:
        dim = 0 if a.ndim in (0, 1, 3) else 1
    d = _dim(dim, _max(a.ndim, 1))
    r = _wrap(_softmax_np(a, d) if a.ndim else np.ones_like(a))
    if GRAD[0] and x._requires_grad:
        n = SoftmaxBackward0()
        n.dim = d if a.ndim else None
        n.save(r)
        record(r, n, x)
    return r


class LogSoftmaxBackward0(Node):
    __slots__ = ("dim",)

    def backward(self, g):
        (y,) = self.saved()
        return (g - exp(y) * g.sum(self.dim, keepdim=True),)


def log_softmax(input, dim=None, _stacklevel=3, dtype=None):
    """``x - logsumexp(x)`` along ``dim``."""
    x = _cast_dtype(input, dtype, "log_softmax", dim)
    a = x._data
    if dim is None:
        dim = 0 if a.ndim in (0, 1, 3) else 1
    d = _dim(dim, _max(a.ndim, 1))
    if a.ndim:
        h = a.dtype == np.float16
        af = a.astype(np.float32) if h else a
        s = af - af.max(axis=d, keepdims=True) if a.size else af
        tot = np.exp(s).sum(axis=d, keepdims=True)
        s = s - np.log(tot.astype(np.float16).astype(np.float32) if h and d == a.ndim - 1 else tot)
        r = _wrap(s.astype(np.float16) if h else s)
    else:
        r = _wrap(np.zeros_like(a))
    if GRAD[0] and x._requires_grad:
        n = LogSoftmaxBackward0()
        n.dim = d if a.ndim else None
        n.save(r)
        record(r, n, x)
    return r


def softmin(input, dim=None, _stacklevel=3, dtype=None):
    return softmax(-input, dim, dtype=dtype)


class ThresholdBackward0(Node):
    """Gradient of ``relu``-like masks: passes ``g`` where the saved mask is set."""

    __slots__ = ()

    def backward(self, g):
        (m,) = self.saved()
        return (g * m,)


# =========================================================================================
# Sorting and selection
# =========================================================================================
class SortBackward0(Node):
    __slots__ = ("dim", "shape")

    def backward(self, g):
        (idx,) = self.saved()
        return (zeros(self.shape, dtype=g.dtype).scatter(self.dim, idx, g),)


def _stable_argsort(a, d, descending):
    if descending:
        if a.dtype.kind == "f":
            key = -a
            key = np.where(np.isnan(a), -np.inf, key)
            idx = np.argsort(key, axis=d, kind="stable")
            nanm = np.take_along_axis(np.isnan(a), idx, d)
            if nanm.any():
                idx = np.take_along_axis(idx, np.argsort(~nanm, axis=d, kind="stable"), d)
            return idx
        if a.dtype == np.bool_:
            return np.argsort(~a, axis=d, kind="stable")
        if a.dtype.kind == "u":
            return np.argsort(np.iinfo(a.dtype).max - a, axis=d, kind="stable")
        return np.argsort(-a.astype(np.int64) if a.dtype != np.int64 else ~a, axis=d, kind="stable")
    return np.argsort(a, axis=d, kind="stable")


def _unstable_sort_order(a, order, d, descending):
    """torch's CPU ``sort(stable=False)`` runs ``std::sort``; where a row has equal values its order shows, so
    those rows are replayed (rows over 16 long; shorter ones are insertion-sorted, hence stable)."""
    n = a.shape[d]
    if a.ndim == 1 and a.dtype.kind in "iu" and not descending and a.size >= 32768:
        return order
    rows = np.moveaxis(a, d, -1).reshape(-1, n)
    srt = np.take_along_axis(rows, np.moveaxis(order, d, -1).reshape(-1, n), -1)
    redo = _stl_select.needs_replay(srt, n)
    if not redo.any() or redo.sum() * n > 200_000:
        return order
    out = np.moveaxis(order, d, -1).reshape(-1, n).copy()
    comp = _stl_select._gt if descending else _stl_select._lt
    for r in np.flatnonzero(redo).tolist():
        q = [(v, j) for j, v in enumerate(rows[r].tolist())]
        _stl_select.std_sort(q, 0, n, comp)
        out[r] = [j for _, j in q]
    return np.moveaxis(out.reshape(np.moveaxis(a, d, -1).shape), -1, d)


def sort(input, dim=-1, descending=False, stable=False):
    """Sorted values and their indices along ``dim`` (NaN counts as largest)."""
    if _isinstance(dim, builtins.bool):
        descending, dim = dim, -1
    a = input._data
    if a.ndim == 0:
        v, i = _wrap(a.copy()), _wrap(np.zeros((), np.int64))
    else:
        d = _dim(dim, a.ndim)
        idx = _stable_argsort(a, d, descending)
        if not stable and a.shape[d] > 16:
            idx = _unstable_sort_order(a, idx, d, descending)
        v, i = _wrap(np.take_along_axis(a, idx, d)), _wrap(idx.astype(np.int64))
    if GRAD[0] and input._requires_grad and a.ndim:
        n = SortBackward0()
        n.dim, n.shape = _dim(dim, a.ndim), a.shape
        n.save(i)
        record(v, n, input)
    return RT["sort"](v, i)


def argsort(input, dim=-1, descending=False, stable=False):
    return sort(input, dim, descending, stable)[1]


def msort(input):
    return sort(input, 0)[0]


def _topk_indices(a, order, d, k, largest, sorted_):  # noqa: A002
    """First ``k`` of the stable selection ``order`` along ``d``, with the rows where torch's unstable kernel
    shows through (equal values, or ``sorted=False``) replayed the way that kernel orders them."""
    n = a.shape[d]
    top = np.take(order, np.arange(k), axis=d)
    if k == 0 or n < 2:
        return top
    rows = np.moveaxis(a, d, -1).reshape(-1, n)
    srt = np.take_along_axis(rows, np.moveaxis(order, d, -1).reshape(-1, n), -1)
    redo = np.ones(len(rows), bool) if (not sorted_ and k * 64 > n) else _stl_select.needs_replay(srt, k)
    if not redo.any() or redo.sum() * n > 200_000:
        return top
    out = np.moveaxis(top, d, -1).reshape(-1, k).copy()
    for r in np.flatnonzero(redo).tolist():
        out[r] = _stl_select.topk_order(rows[r].tolist(), k, largest, sorted_)
    shp = list(np.moveaxis(a, d, -1).shape)
    shp[-1] = k
    return np.moveaxis(out.reshape(shp), -1, d)


def topk(input, k, dim=-1, largest=True, sorted=True):  # noqa: A002
    """The ``k`` largest (or smallest) values along ``dim`` and their indices."""
    a = input._data
    d = _dim(dim, _max(a.ndim, 1))
    n = a.shape[d] if a.ndim else 1
    if k > n or k < 0:
        raise RuntimeError("selected index k out of range")
    idx = _stable_argsort(a, d, largest) if a.ndim else np.zeros((), np.int64)
    if a.ndim:
        idx = _topk_indices(a, idx, d, k, largest, sorted)
        v = np.take_along_axis(a, idx, d)
    else:
        v = a.copy()
    vt, it = _wrap(v), _wrap(idx.astype(np.int64))
    if GRAD[0] and input._requires_grad and a.ndim:
        nd = SortBackward0()
        nd.dim, nd.shape = d, a.shape
        nd.save(it)
        record(vt, nd, input)
    return RT["topk"](vt, it)


def kthvalue(input, k, dim=-1, keepdim=False):
    d = _dim(dim, input.ndim)
    if not 1 <= k <= (input.shape[d] if input.ndim else 1):
        raise RuntimeError(f"kthvalue(): selected number k out of range for dimension {d}")
    v, i = sort(input, dim, stable=True)
    vv, ii = v.select(d, k - 1), i.select(d, k - 1)
    a = input._data
    if a.ndim and a.shape[d] > 1:
        n = a.shape[d]
        rows = np.moveaxis(a, d, -1).reshape(-1, n)
        kth = np.moveaxis(v._data, d, -1).reshape(-1, n)[:, k - 1:k]
        tied = (rows == kth) | (np.isnan(rows) & np.isnan(kth)) if a.dtype.kind == "f" else rows == kth
        redo = np.flatnonzero(tied.sum(-1) > 1)
        if redo.size and redo.size * n <= 200_000:
            flat = ii._data.reshape(-1).copy()
            for r in redo.tolist():
                flat[r] = _stl_select.kth_index(rows[r].tolist(), k - 1)
            ii = _wrap(flat.reshape(ii.shape))
            vv = input.gather(d, ii.unsqueeze(d)).squeeze(d)
    if keepdim:
        vv, ii = vv.unsqueeze(d), ii.unsqueeze(d)
    return RT["kthvalue"](vv, ii)


def median(input, dim=None, keepdim=False):
    """Lower median (torch returns the lower of the two middle values)."""
    if dim is None:
        flat = input._data.reshape(-1)
        if flat.size == 0:
            return _wrap(np.asarray(np.nan, flat.dtype) if flat.dtype.kind == "f" else flat.reshape(-1)[:1])
        srt = np.sort(flat, kind="stable")
        r = _wrap(np.asarray(srt[-1] if flat.dtype.kind == "f" and np.isnan(srt[-1]) else srt[(flat.size - 1) // 2]))
        if GRAD[0] and input._requires_grad:
            n = MedianBackward0()
            n.save(input, r)
            record(r, n, input)
        return r
    if input.ndim == 0:
        _dim(dim, 0)
        return RT["median"](input.clone(), _wrap(np.zeros((), np.int64)))
    v, i = sort(input, dim, stable=True)
    d = _dim(dim, input.ndim)
    k = (input.shape[d] - 1) // 2
    vv, ii = v.select(d, k), i.select(d, k)
    if input._data.dtype.kind == "f":
        nan = np.isnan(input._data)
        rows = nan.any(axis=d)
        if rows.any():
            first = np.argmax(nan, axis=d)
            vv = where(_wrap(rows), v.select(d, -1), vv)
            ii = _wrap(np.where(rows, first, ii._data))
    if keepdim:
        vv, ii = vv.unsqueeze(d), ii.unsqueeze(d)
    return RT["median"](vv, ii)


def _quantile_check(name, input, q, interpolation):
    """torch's argument checks for ``quantile`` / ``nanquantile``."""
    if input._data.size == 0:
        raise RuntimeError(f"{name}() input tensor must be non-empty")
    if input._data.dtype.kind != "f":
        raise RuntimeError(f"{name}() input tensor must be either float or double dtype")
    if _isinstance(q, Tensor):
        if q._data.ndim > 1:
            raise RuntimeError(f"{name}() q must be a scalar or 1D tensor")
        if q._data.dtype != input._data.dtype:
            raise RuntimeError(f"{name}() q tensor must be same dtype as the input tensor")
        if q._data.size and (q._data.min() < 0 or q._data.max() > 1):
            raise RuntimeError(f"{name}() q values must be in the range [0, 1]")
    elif not 0 <= q <= 1:
        raise RuntimeError(f"{name}() q must be in the range [0, 1] but got {q}")
    if interpolation not in ("linear", "lower", "higher", "midpoint", "nearest"):
        raise RuntimeError(f"{name}() interpolation must be one of linear, lower, higher, midpoint or nearest, "
                           f"but got {interpolation}")


def quantile(input, q, dim=None, keepdim=False, *, interpolation="linear"):
    _quantile_check("quantile", input, q, interpolation)
    x = input.reshape(-1) if dim is None else input
    d = 0 if dim is None else _dim(dim, x.ndim)
    v = sort(x, d, stable=True)[0]
    n = v.shape[d]
    qs = q._data if _isinstance(q, Tensor) else np.asarray(q, dtype=x._data.dtype)
    pos = qs * (n - 1)
    lo = np.floor(pos).astype(np.int64)
    hi = np.ceil(pos).astype(np.int64)
    vl = v.index_select(d, _wrap(lo.reshape(-1)))
    vh = v.index_select(d, _wrap(hi.reshape(-1)))
    w = _wrap((pos - lo).reshape(-1).astype(x._data.dtype))
    shape = [1] * x.ndim
    shape[d] = -1
    w = w.reshape(shape)
    if interpolation == "linear":
        r = vl + (vh - vl) * w
    elif interpolation == "lower":
        r = vl
    elif interpolation == "higher":
        r = vh
    elif interpolation == "midpoint":
        r = (vl + vh) / 2
    else:
        r = where(_wrap((np.rint(pos) <= lo).reshape(shape)), vl, vh)
    if x._data.dtype.kind == "f":
        nan = np.isnan(x._data).any(axis=d, keepdims=True)
        if nan.any():
            r = where(_wrap(nan), _wrap(np.asarray(np.nan, x._data.dtype)), r)
    if qs.ndim == 0:
        r = r.squeeze(d)
        if keepdim:
            r = r.unsqueeze(d)
        return r
    r = r.movedim(d, 0)
    if keepdim:
        r = r.unsqueeze(d + 1)
    return r


def unique(input, sorted=True, return_inverse=False, return_counts=False, dim=None):  # noqa: A002
    a = input._data
    if dim is None:
        u, inv, cnt = np.unique(a.reshape(-1), return_inverse=True, return_counts=True, equal_nan=False)
        inv = inv.reshape(a.shape)
    else:
        u, inv, cnt = np.unique(a, return_inverse=True, return_counts=True, axis=_dim(dim, a.ndim))
    out = [_wrap(u)]
    if return_inverse:
        out.append(_wrap(inv.astype(np.int64)))
    if return_counts:
        out.append(_wrap(cnt.astype(np.int64)))
    return out[0] if len(out) == 1 else tuple(out)


def unique_consecutive(input, return_inverse=False, return_counts=False, dim=None):
    """Collapse runs of equal consecutive elements (or slices along ``dim``) to one."""
    if dim is None:
        a = input._data.reshape(-1)
        if a.size == 0:
            return _wrap(a.copy())
        keep = np.concatenate([[True], a[1:] != a[:-1]])
        u, n, inv_shape = a[keep], a.size, input._data.shape
    else:
        d = _dim(dim, input.ndim)
        m = np.moveaxis(input._data, d, 0)
        n = m.shape[0]
        rows = m.reshape(n, -1)
        keep = np.concatenate([[True], (rows[1:] != rows[:-1]).any(1)]) if n else np.zeros(0, bool)
        u, inv_shape = np.moveaxis(m[keep], 0, d), (n,)
    out = [_wrap(np.ascontiguousarray(u))]
    if return_inverse:
        out.append(_wrap((np.cumsum(keep) - 1).reshape(inv_shape).astype(np.int64)))
    if return_counts:
        pos = np.flatnonzero(keep)
        out.append(_wrap(np.diff(np.append(pos, n)).astype(np.int64)))
    return out[0] if len(out) == 1 else tuple(out)


def bincount(input, weights=None, minlength=0):
    a = input._data
    if a.ndim != 1 or a.dtype.kind not in "iu" or (a.size and a.min() < 0):
        if a.dtype.kind not in "iu":
            raise NotImplementedError(f'"bincount_cpu" not implemented for \'{_tname(input.dtype)}\'')
        raise RuntimeError("bincount only supports 1-d non-negative integral inputs.")
    if weights is None:
        return _wrap(np.bincount(a, None, minlength).astype(np.int64))
    w = weights._data
    out_dt = w.dtype if w.dtype in (np.float32, np.float64) else np.float64
    return _wrap(np.bincount(a, w, minlength).astype(out_dt))


def histogram(input, bins=100, *, range=None, weight=None, density=False):  # noqa: A002
    """Histogram of ``input`` with ``bins`` equal bins (or the given edges); returns (hist, bin_edges)."""
    a = input._data
    if a.dtype.kind != "f":
        raise NotImplementedError(f'"histogram_cpu" not implemented for \'{_tname(input.dtype)}\'')
    w = None if weight is None else weight._data
    if _isinstance(bins, Tensor):
        edges = bins._data.astype(a.dtype)
    else:
        lo, hi = (float(range[0]), float(range[1])) if range is not None else (
            (float(a.min()), float(a.max())) if a.size else (0.0, 0.0))
        if lo == hi:
            lo, hi = lo - 0.5, hi + 0.5
        edges = np.linspace(lo, hi, int(bins) + 1).astype(a.dtype)
    h, _ = np.histogram(a, bins=edges.astype(np.float64), weights=w, density=density)
    return RT["histogram"](_wrap(h.astype(a.dtype)), _wrap(edges))


def frexp(input):
    """Split ``input`` into mantissa in [0.5, 1) and an int32 exponent with input = mantissa * 2**exponent."""
    a = input._data
    if a.dtype.kind != "f":
        raise RuntimeError("torch.frexp() only supports floating-point dtypes")
    m, e = np.frexp(a)
    return RT["frexp"](_wrap(np.asarray(m, a.dtype)), _wrap(np.asarray(e, np.int32)))


def histc(input, bins=100, min=0, max=0):  # noqa: A002
    a = input._data
    if a.dtype.kind != "f":
        raise NotImplementedError(f'"histogram_cpu" not implemented for \'{_tname(input.dtype)}\'')
    if bins <= 0:
        raise RuntimeError(f"torch.histogram(): bins must be > 0, but got {bins} for dimension 0")
    if max < min:
        raise RuntimeError("torch.histc: max must be larger than min")
    lo, hi = (float(min), float(max)) if (min != 0 or max != 0) else (float(a.min()), float(a.max()))
    if lo == hi:
        lo, hi = lo - 1, hi + 1
    h, _ = np.histogram(a, bins=bins, range=(lo, hi))
    return _wrap(h.astype(a.dtype))


def bucketize(input, boundaries, *, out_int32=False, right=False):
    r = np.searchsorted(boundaries._data, input._data if _isinstance(input, Tensor) else input,
                        side="right" if right else "left")
    return _wrap(np.asarray(r, np.int32 if out_int32 else np.int64))


def searchsorted(sorted_sequence, input, *, out_int32=False, right=False, side=None, out=None, sorter=None):
    right = right or side == "right"
    s = sorted_sequence._data
    if sorter is not None:
        s = np.take_along_axis(s, sorter._data, -1)
    v = input._data if _isinstance(input, Tensor) else np.asarray(input)
    if s.ndim == 1:
        r = np.searchsorted(s, v, side="right" if right else "left")
    else:
        r = np.stack([np.searchsorted(s[i], v[i], side="right" if right else "left")
                      for i in np.ndindex(s.shape[:-1])]).reshape(v.shape)
    return _wrap(np.asarray(r, np.int32 if out_int32 else np.int64))


class CummaxBackward0(Node):
    __slots__ = ("dim", "shape")

    def backward(self, g):
        (idx,) = self.saved()
        return (zeros(self.shape, dtype=g.dtype).scatter_add(self.dim, idx, g),)


class CumminBackward0(CummaxBackward0):
    __slots__ = ()


def _cum_ext(input, dim, which):
    a = input._data
    if a.ndim == 0:
        _dim(dim, 0)
        return RT[which](input.clone(), _wrap(np.zeros((), np.int64)))
    d = _dim(dim, a.ndim)
    v = (np.maximum if which == "cummax" else np.minimum).accumulate(a, axis=d)
    vt, it = _wrap(v), _wrap(_cum_idx(a, v, d))
    if GRAD[0] and input._requires_grad:
        n = CummaxBackward0() if which == "cummax" else CumminBackward0()
        n.dim, n.shape = d, a.shape
        n.save(it)
        record(vt, n, input)
    return RT[which](vt, it)


def cummax(input, dim):
    return _cum_ext(input, dim, "cummax")


def cummin(input, dim):
    return _cum_ext(input, dim, "cummin")


def _cum_idx(a, v, d):
    n = a.shape[d]
    ar = np.arange(n).reshape([-1 if i == d else 1 for i in range(a.ndim)])
    eq = a == v
    if a.dtype.kind == "f":
        eq |= np.isnan(a)
    hit = np.where(eq, ar, 0)
    return np.maximum.accumulate(hit, axis=d).astype(np.int64)


# =========================================================================================
# Copies, dtype conversion, clone
# =========================================================================================
class _Contiguous:
    name = "contiguous_format"


_CONTIGUOUS = _Contiguous()


class CloneBackward0(Node):
    __slots__ = ()

    def backward(self, g):
        return (g,)


def _channels_last_rank(a, memory_format):
    """4 or 5 when ``memory_format`` is channels_last(_3d) (checking ``a``'s rank), else 0."""
    name = getattr(memory_format, "name", None)
    if name not in ("channels_last", "channels_last_3d"):
        return 0
    nd = 4 if name == "channels_last" else 5
    if a.ndim != nd:
        raise RuntimeError(f"required rank {nd} tensor to use {name} format")
    return nd


def _is_contiguous_as(a, memory_format) -> bool:
    """``Tensor.is_contiguous(memory_format)``: channels-last strides (size-1 dims ignored) or C order."""
    name = getattr(memory_format, "name", None)
    if name not in ("channels_last", "channels_last_3d"):
        return a.flags.c_contiguous
    if a.ndim != (4 if name == "channels_last" else 5):
        return False
    from .._layout import like_strides
    it = a.itemsize
    want = like_strides(a, memory_format)
    return builtins.all(n == 1 or st == w * it for n, st, w in zip(a.shape, a.strides, want))


def _suggest_format(a) -> str:
    """torch's ``suggest_memory_format`` name: channels-last-like strides of a 4-D / 5-D array, else contiguous."""
    if a.ndim not in (4, 5):
        return "contiguous_format"
    it = a.itemsize
    st = [v // it for v in a.strides]
    if st[1] == 0:
        return "contiguous_format"
    lo = 0
    for d in ((1, 3, 2, 0) if a.ndim == 4 else (1, 4, 3, 2, 0)):
        if a.shape[d] == 0 or st[d] < lo or (d == 0 and lo == st[1]):
            return "contiguous_format"
        lo = st[d] * (a.shape[d] if a.shape[d] > 1 else 1)
    return "channels_last" if a.ndim == 4 else "channels_last_3d"


def clone(input, *, memory_format=None):
    """A copy that stays in the graph; by default it keeps the strides of a dense permuted input."""
    a = input._data
    if memory_format is not None and _channels_last_rank(a, memory_format):
        from .._layout import empty_like_np
        out = empty_like_np(a, None, memory_format)
        np.copyto(out, a)
        r = _wrap(out)
    elif a.flags.c_contiguous or (memory_format is not None and memory_format.name != "preserve_format") or \
            builtins.min(a.strides, default=1) <= 0:
        r = _wrap(a.copy())
    else:
        from .._layout import empty_like_np
        out = empty_like_np(a)
        np.copyto(out, a)
        r = _wrap(out)
    if GRAD[0] and input._requires_grad:
        record(r, CloneBackward0(), input)
    return r


def contiguous(input, memory_format=None):
    if memory_format is not None and _channels_last_rank(input._data, memory_format):
        return input if _is_contiguous_as(input._data, memory_format) else clone(input, memory_format=memory_format)
    if input._data.flags.c_contiguous:
        return input
    return clone(input, memory_format=_CONTIGUOUS)


class ToCopyBackward0(Node):
    __slots__ = ("dt",)

    def backward(self, g):
        return (g.to(D._BY_NP[self.dt]),)


def _to_dtype(input, dt):
    npd = D.np_of(dt)
    if input._data.dtype == npd:
        return input
    r = _wrap(input._data.astype(npd))
    if GRAD[0] and input._requires_grad:
        if dt.cat != D.FLOAT:
            return r
        n = ToCopyBackward0()
        n.dt = input._data.dtype
        record(r, n, input)
    return r


# =========================================================================================
# In-place ops
# =========================================================================================
_LEAF_MSG = "a leaf Variable that requires grad is being used in an in-place operation."


def _check_inplace(t):
    if not GRAD[0]:
        return
    if t._base is not None:
        _V.check_view(t)
    if t.grad_fn is None and t._requires_grad:
        raise RuntimeError(_LEAF_MSG)


def _shadow(t):
    """A stand-in for ``t`` before an in-place write: same graph position, its own copy of the data."""
    s = _wrap(t._data.copy())
    s._requires_grad = t._requires_grad
    s.grad_fn = t.grad_fn
    if t.grad_fn is None and t._requires_grad:
        s._accum = t._accum if t._accum is not None else edge(t)
    return s


def _out_shape_error(d, o):
    try:
        full = np.broadcast_shapes(d.shape, np.shape(o))
    except ValueError:
        _bc_error(d, o)
    raise RuntimeError(f"output with shape {list(d.shape)} doesn't match the broadcast shape {list(full)}")


def _transplant(t, r):
    """Write result ``r`` into ``t``'s memory and make ``r``'s node ``t``'s history."""
    d = t._data
    rd = r._data
    if rd.shape != d.shape:
        _out_shape_error(d, rd)
    if d.dtype != rd.dtype:
        if D._BY_NP[rd.dtype].cat > D._BY_NP[d.dtype].cat:
            raise RuntimeError(f"result type {_tname(D._BY_NP[rd.dtype])} can't be cast to the desired output type "
                               f"{_tname(D._BY_NP[d.dtype])}")
        rd = rd.astype(d.dtype)
    if not d.flags.writeable:
        d = _V.writable(t)
    np.copyto(d, rd)
    t._vc[0] += 1
    if r.grad_fn is not None:
        if t._base is not None:
            _V.rebase(t, r)
            return
        r.grad_fn._prev = t.grad_fn
        t.grad_fn = r.grad_fn
        t._requires_grad = True
        t._accum = None
        if getattr(t, "_views", None):
            _V.regenerate(t)


def _inplace(fn):
    """Make the in-place form of the out-of-place op ``fn``."""
    def op(self, *args, **kwargs):
        if GRAD[0] and (self._requires_grad or builtins.any(_isinstance(a, Tensor) and a._requires_grad
                                                              for a in args)):
            _check_inplace(self)
            r = fn(_shadow(self), *args, **kwargs)
        else:
            r = fn(self, *args, **kwargs)
        _transplant(self, r)
        return self
    op.__name__ = fn.__name__ + "_"
    op.__doc__ = f"In-place form of ``{fn.__name__}``."
    return op


def _fast_inplace(npf, fn):
    """In-place binary arithmetic: a NumPy ``out=`` call when nothing is recorded."""
    slow = _inplace(fn)

    def op(self, other, *args, **kwargs):
        if args or kwargs or (GRAD[0] and (self._requires_grad or (_isinstance(other, Tensor)
                                                                  and other._requires_grad))):
            return slow(self, other, *args, **kwargs)
        d = self._data
        o = other._data if _isinstance(other, Tensor) else scalar(other)
        if d.dtype is _F16 and (type(o) is float or type(o) is int):
            return slow(self, other)
        if d.dtype.kind != "f":
            ok = (d.dtype.kind == "b" and (not _isinstance(o, np.ndarray) and type(o) is builtins.bool or
                                           _isinstance(o, np.ndarray) and o.dtype == np.bool_)) or \
                 (d.dtype.kind in "iu" and (type(o) is int or _isinstance(o, np.ndarray) and o.dtype.kind in "iub"))
            if not ok or npf is np.true_divide:
                return slow(self, other)
        try:
            npf(d, o, out=d, casting="unsafe")
        except ValueError:
            if d.flags.writeable:
                _out_shape_error(d, o)
            return slow(self, other)
        except OverflowError:
            npf(d, _int_wrap(o, d.dtype), out=d, casting="unsafe")
        self._vc[0] += 1
        return self
    op.__name__ = fn.__name__ + "_"
    return op


add_ = _fast_inplace(np.add, add)
sub_ = _fast_inplace(np.subtract, sub)
mul_ = _fast_inplace(np.multiply, mul)
div_ = _fast_inplace(np.true_divide, div)


def relu_(input):
    if GRAD[0] and input._requires_grad:
        return _inplace(relu)(input)
    d = input._data if input._data.flags.writeable else _V.writable(input)
    np.maximum(d, 0, out=d)
    input._vc[0] += 1
    return input


class ZeroBackward0(Node):
    __slots__ = ()

    def backward(self, g):
        return (zeros_like(g),)


class FillBackward2(ZeroBackward0):
    __slots__ = ()


class FillBackward3(Node):
    __slots__ = ()

    def backward(self, g):
        return zeros_like(g), g.sum()


def _fill_graph(input, value, node):
    """``fill_``/``zero_`` when autograd records it: the old history gets a zero gradient."""
    _check_inplace(input)
    shadow = _shadow(input)
    v = value._data if _isinstance(value, Tensor) else value
    r = _wrap(np.full(input._data.shape, v, input._data.dtype))
    if _isinstance(value, Tensor):
        record(r, FillBackward3(), shadow, value)
    else:
        record(r, node, shadow)
    _transplant(input, r)
    return input


def zero_(input):
    """Fill with zeros in place."""
    if GRAD[0] and input._requires_grad:
        return _fill_graph(input, 0, ZeroBackward0())
    return fill_(input, 0)


def _overwrite(input, src):
    _check_inplace(input)
    shadow = _shadow(input)
    r = expand(src.to(input.dtype), input._data.shape)
    r = r + shadow * 0 if shadow._requires_grad else r.clone()
    _transplant(input, r)
    return input


def fill_(input, value):
    """Fill with ``value`` in place."""
    if _isinstance(value, Tensor) and value._data.ndim:
        raise RuntimeError(f"fill_ only supports 0-dimension value tensor but got tensor with {value._data.ndim} "
                           "dimensions.")
    if GRAD[0] and (input._requires_grad or (_isinstance(value, Tensor) and value._requires_grad)):
        return _fill_graph(input, value, FillBackward2())
    d = input._data if input._data.flags.writeable else _V.writable(input, True)
    d[...] = value._data if _isinstance(value, Tensor) else value
    input._vc[0] += 1
    return input


def _dense_span(a):
    """``(first byte, end byte, strides)`` of an array whose elements tile one memory block, else None."""
    it = a.itemsize
    dims = []
    for n, st in zip(a.shape, a.strides):
        if n > 1:
            if st <= 0:
                return None
            dims.append((st, n))
    dims.sort()
    want = it
    for st, n in dims:
        if st != want:
            return None
        want *= n
    b = a.__array_interface__["data"][0]
    return b, b + a.size * it, tuple(st // it for st in a.strides)


def _no_partial_overlap(dst, src):
    """torch's error for writing from a tensor whose memory partly overlaps the destination."""
    if dst.size == 0 or src.size == 0 or not np.may_share_memory(dst, src):
        return
    a, b = _dense_span(dst), _dense_span(src)
    if a is None or b is None or a == b:
        return
    if a[0] < b[1] and b[0] < a[1]:
        raise RuntimeError("unsupported operation: some elements of the input tensor and the written-to tensor refer "
                           "to a single memory location. Please clone() the tensor before performing the operation.")


def copy_(input, src, non_blocking=False):
    """Copy ``src`` (broadcast, cast) into this tensor in place."""
    if _isinstance(src, Tensor) and src is not input:
        _no_partial_overlap(input._data, src._data)
    if GRAD[0] and (input._requires_grad or src._requires_grad):
        return _overwrite(input, src)
    s = src._data if _isinstance(src, Tensor) else np.asarray(src)
    d = input._data if input._data.flags.writeable else _V.writable(input)
    try:
        np.copyto(d, np.broadcast_to(s, d.shape), casting="unsafe")
    except ValueError:
        _out_shape_error(d, s)
    input._vc[0] += 1
    return input


def _to_out(out, r):
    """Write ``r`` into a user-provided ``out=`` tensor (resizing when empty)."""
    rk, ok = r._data.dtype.kind, out._data.dtype.kind
    if (rk == "f" and ok in "iub") or (rk in "iuf" and ok == "b"):
        raise RuntimeError(f"result type {_tname(D._BY_NP[r._data.dtype])} can't be cast to the desired output "
                           f"type {_tname(D._BY_NP[out._data.dtype])}")
    if out._data.shape != r._data.shape:
        out._data = np.empty(r._data.shape, out._data.dtype)
    np.copyto(out._data, r._data, casting="unsafe")
    out._vc[0] += 1
    return out


def detach_copy(input):
    return _wrap(input._data.copy())


# =========================================================================================
# Creation helpers used by backward formulas
# =========================================================================================
def zeros(*size, dtype=None, **kw):
    dt = D.np_of(D.as_dtype(dtype)) if dtype is not None else D._default[0].np
    return _wrap(np.zeros(_size_arg(size), dt))


def zeros_like(input, *, dtype=None, **kw):
    dt = D.np_of(D.as_dtype(dtype)) if dtype is not None else input._data.dtype
    t = _wrap(np.zeros(input._data.shape, dt))
    if kw.get("requires_grad"):
        t.requires_grad = True
    return t


def ones_like(input, *, dtype=None, **kw):
    dt = D.np_of(D.as_dtype(dtype)) if dtype is not None else input._data.dtype
    t = _wrap(np.ones(input._data.shape, dt))
    if kw.get("requires_grad"):
        t.requires_grad = True
    return t


# =========================================================================================
# Fused losses: the common cases of mse / cross-entropy / BCE-with-logits as single nodes.
# nn.functional routes here when no weight, no legacy options and matching shapes/dtypes are used;
# every other case goes through the general implementations in nn/_functional_loss.py.
# =========================================================================================
class MseLossBackward0(Node):
    __slots__ = ("scale",)

    def backward(self, g):
        d, x, t = self.saved()
        nx, nt = self.next
        if not GRAD[0]:
            gd = np.multiply(d._data, g._data * self.scale)
            return (_wrap(gd) if nx is not None else None), (_wrap(np.negative(gd)) if nt is not None else None)
        gd = (x - t) * (g * self.scale)
        return (gd if nx is not None else None), (-gd if nt is not None else None)


def mse_loss_fused(input, target, mean=True):
    """``mean((input - target) ** 2)`` (or the sum) as one node; shapes and float dtypes must match."""
    d = np.subtract(input._data, target._data)
    flat = d.reshape(-1)
    s = np.dot(flat, flat)
    n = flat.size
    r = _wrap(np.asarray(s / n if mean else s, d.dtype))
    if GRAD[0] and (input._requires_grad or target._requires_grad):
        node = MseLossBackward0()
        node.scale = (2.0 / n) if mean else 2.0
        node.save(_wrap(d), input, target)
        record(r, node, input, target)
    return r


class NllLossBackward0(Node):
    """Gradient of the fused log-softmax + NLL: ``(softmax - onehot) * g / N``.

    Saves ``exp(x - max)`` and its row sums, so the softmax is formed only when backward runs, and the
    flat positions of the targets (``row * C + target``).
    """

    __slots__ = ("tgt", "mean", "flat", "rsum")

    def backward(self, g):
        e, x = self.saved()
        sm = np.divide(e._data, self.rsum[:, None], order="C")
        if not GRAD[0]:
            sm.reshape(-1)[self.flat] -= 1
            sm *= float(g._data) / sm.shape[0] if self.mean else float(g._data)
            return (_wrap(sm),)
        oh = np.zeros_like(sm)
        oh.reshape(-1)[self.flat] = 1
        return ((softmax(x, 1) - _wrap(oh)) * (g / sm.shape[0] if self.mean else g),)


def cross_entropy_fused(input, target, mean=True):
    """Cross-entropy of (N, C) logits and int64 class indices (all valid), log-softmax and NLL in one node."""
    x = input._data
    n, c = x.shape
    m = np.maximum.reduce(x, 1)
    e = np.subtract(x, m[:, None])
    np.exp(e, out=e)
    s = np.add.reduce(e, 1)
    t = target._data
    flat = np.arange(0, n * c, c)
    flat += t
    lse = np.log(s)
    lse += m
    lse -= x.reshape(-1)[flat]
    tot = np.add.reduce(lse)
    r = _wrap(np.asarray(tot / n if mean else tot, x.dtype))
    if GRAD[0] and input._requires_grad:
        node = NllLossBackward0()
        node.tgt, node.mean, node.flat, node.rsum = t, mean, flat, s
        node.save(_wrap(e), input)
        node.next = (edge(input),)
        r._requires_grad = True
        r.grad_fn = node
    return r


class BinaryCrossEntropyWithLogitsBackward0(Node):
    __slots__ = ("scale",)

    def backward(self, g):
        x, t = self.saved()
        nx, nt = self.next
        if not GRAD[0]:
            k = g._data * self.scale
            gx = np.multiply(np.subtract(_sigmoid_np(x._data), t._data), k) if nx is not None else None
            gt = np.multiply(x._data, -k) if nt is not None else None
            return (_wrap(gx) if gx is not None else None), (_wrap(gt) if gt is not None else None)
        k = g * self.scale
        return ((sigmoid(x) - t) * k if nx is not None else None), (-x * k if nt is not None else None)


def bce_with_logits_fused(input, target, mean=True):
    """``mean(max(x, 0) - x * y + log1p(exp(-|x|)))`` (or the sum) as one node."""
    x, y = input._data, target._data
    v = np.maximum(x, 0) - x * y + np.log1p(np.exp(-np.abs(x)))
    s = v.sum()
    n = v.size
    r = _wrap(np.asarray(s / n if mean else s, x.dtype))
    if GRAD[0] and (input._requires_grad or target._requires_grad):
        node = BinaryCrossEntropyWithLogitsBackward0()
        node.scale = (1.0 / n) if mean else 1.0
        node.save(input, target)
        record(r, node, input, target)
    return r


# =========================================================================================
# Composites built from the primitives above (gradients come from those).
# =========================================================================================
def diff(input, n=1, dim=-1, prepend=None, append=None):
    """``n``-th forward difference along ``dim``."""
    d = _dim(dim, input.ndim)
    x = input
    if prepend is not None or append is not None:
        parts = [p.expand(*[s if i != d else p.shape[d] for i, s in enumerate(x.shape)]) if p.ndim == x.ndim
                 else p for p in (prepend,) if p is not None] + [x] + \
                [a for a in (append,) if a is not None]
        x = cat(parts, d)
    for _ in range(n):
        m = x.shape[d]
        x = narrow(x, d, 1, m - 1) - narrow(x, d, 0, m - 1) if x.dtype != D.bool else \
            logical_xor(narrow(x, d, 1, m - 1), narrow(x, d, 0, m - 1))
    return x


def isin(elements, test_elements, *, assume_unique=False, invert=False):
    e = elements._data if _isinstance(elements, Tensor) else np.asarray(elements)
    t = test_elements._data if _isinstance(test_elements, Tensor) else np.asarray(test_elements)
    return _wrap(np.isin(e, t, invert=invert))


def kron(input, other):
    a, b = input, other
    nd = _max(a.ndim, b.ndim)
    a = a.reshape((1,) * (nd - a.ndim) + tuple(a.shape))
    b = b.reshape((1,) * (nd - b.ndim) + tuple(b.shape))
    ai = a.reshape([s for k in a.shape for s in (k, 1)])
    bi = b.reshape([s for k in b.shape for s in (1, k)])
    return (ai * bi).reshape([x * y for x, y in zip(a.shape, b.shape)])


def deg2rad(input):
    return input * (math.pi / 180.0) if input.is_floating_point() else input.to(D._default[0]) * (math.pi / 180.0)


def rad2deg(input):
    return input * (180.0 / math.pi) if input.is_floating_point() else input.to(D._default[0]) * (180.0 / math.pi)


def trapezoid(y, x=None, *, dx=None, dim=-1):
    d = _dim(dim, y.ndim)
    m = y.shape[d]
    avg = (narrow(y, d, 1, m - 1) + narrow(y, d, 0, m - 1)) / 2
    if x is None:
        return avg.sum(d) * (1.0 if dx is None else dx)
    xd = diff(x, dim=-1 if x.ndim == 1 else d)
    if x.ndim == 1 and y.ndim > 1:
        shape = [1] * y.ndim
        shape[d] = m - 1
        xd = xd.reshape(shape)
    return (avg * xd).sum(d)


trapz = trapezoid


def unravel_index(indices, shape):
    idx = indices._data if _isinstance(indices, Tensor) else np.asarray(indices)
    return tuple(_wrap(np.asarray(a, np.int64)) for a in np.unravel_index(idx, tuple(shape)))


def gcd(input, other):
    return _wrap(np.gcd(input._data, other._data if _isinstance(other, Tensor) else other))


def lcm(input, other):
    return _wrap(np.lcm(input._data, other._data if _isinstance(other, Tensor) else other))


def block_diag(*tensors):
    """Tensors (0-, 1- or 2-D) placed along the diagonal of one 2-D tensor."""
    mats = [t.reshape(1, 1) if t.ndim == 0 else (t.reshape(1, -1) if t.ndim == 1 else t) for t in tensors]
    rows = _sum(m.shape[0] for m in mats)
    cols = _sum(m.shape[1] for m in mats)
    dt = rtype(*mats) if mats else D._default[0]
    out = zeros(rows, cols, dtype=dt)
    r = c = 0
    for m in mats:
        ix = (slice(r, r + m.shape[0]), slice(c, c + m.shape[1]))
        out = index_put(out, ix, m.to(dt))
        r, c = r + m.shape[0], c + m.shape[1]
    return out


def combinations(input, r=2, with_replacement=False):
    import itertools
    n = input.shape[0]
    gen = itertools.combinations_with_replacement if with_replacement else itertools.combinations
    idx = np.array(list(gen(range(n), r)), dtype=np.int64).reshape(-1, r)
    if idx.size == 0:
        return _wrap(np.zeros((0, r) if r else (0,), input._data.dtype))
    return stack([index_select(input, 0, _wrap(idx[:, k].copy())) for k in range(r)], 1)


def slice_scatter(input, src, dim=0, start=None, end=None, step=1):
    d = _dim(dim, input.ndim)
    ix = (slice(None),) * d + (slice(start, end, step),)
    return index_put(input, ix, src)


def select_scatter(input, src, dim, index):
    d = _dim(dim, input.ndim)
    return index_put(input, (slice(None),) * d + (int(index),), src)


def diagonal_scatter(input, src, offset=0, dim1=0, dim2=1):
    a = input._data
    d1, d2 = _dim(dim1, a.ndim), _dim(dim2, a.ndim)
    n = np.diagonal(a, offset, d1, d2).shape[-1]
    i = np.arange(n)
    rows, cols = (i, i + offset) if offset >= 0 else (i - offset, i)
    ix = [slice(None)] * a.ndim
    ix[d1], ix[d2] = _wrap(rows), _wrap(cols)
    return index_put(input, tuple(ix), movedim(src, -1, _min(d1, d2)) if a.ndim > 2 else src)


def chain_matmul(*matrices):
    r = matrices[0]
    for m in matrices[1:]:
        r = mm(r, m)
    return r


def matrix_power(input, n):
    if n == 0:
        return _wrap(np.broadcast_to(np.eye(input.shape[-1], dtype=input._data.dtype), input.shape).copy())
    if n < 0:
        from .. import linalg
        return matrix_power(linalg.inv(input), -n)
    r = input
    for _ in range(n - 1):
        r = matmul(r, input)
    return r


def _mode_lt(x, y):
    return x[0] < y[0]


def _mode_row(row):
    """torch's CPU mode of one row: ``std::sort`` the (value, index) pairs by value, then the first longest run
    of equal values wins, reported with the index of its last pair."""
    q = [(v, j) for j, v in enumerate(row)]
    n = len(q)
    _stl_select.std_sort(q, 0, n, _mode_lt)
    best, best_i, best_f, f = q[0][0], q[0][1], 0, 0
    for i in range(n):
        f += 1
        if i == n - 1 or q[i][0] != q[i + 1][0]:
            if f > best_f:
                best, best_i, best_f = q[i][0], q[i][1], f
            f = 0
    return best, best_i


def mode(input, dim=-1, keepdim=False):
    """Most frequent value along ``dim`` (the smallest among ties) and an index where it occurs."""
    a = input._data
    d = _dim(dim, _max(a.ndim, 1))
    moved = np.moveaxis(a, d, -1) if a.ndim else a.reshape(1)
    flat = moved.reshape(-1, moved.shape[-1])
    vals = np.empty(flat.shape[0], a.dtype)
    idxs = np.empty(flat.shape[0], np.int64)
    if flat.size <= 200_000 and flat.shape[1]:
        for i in range(flat.shape[0]):
            vals[i], idxs[i] = _mode_row(flat[i].tolist())
    else:
        s = np.sort(flat, axis=1, kind="stable")
        for i in range(flat.shape[0]):
            u, c = np.unique(s[i], return_counts=True)
            v = u[np.argmax(c)]
            vals[i] = v
            idxs[i] = np.flatnonzero(flat[i] == v)[-1]
    out_shape = moved.shape[:-1]
    v, ix = _wrap(vals.reshape(out_shape)), _wrap(idxs.reshape(out_shape))
    if keepdim and a.ndim:
        v, ix = v.unsqueeze(d), ix.unsqueeze(d)
    if GRAD[0] and input._requires_grad:
        n = ModeBackward0()
        n.dim, n.keep, n.shape = d, builtins.bool(keepdim) or not a.ndim, a.shape
        n.save(ix if a.ndim else _wrap(np.zeros((), np.int64)))
        record(v, n, input)
    return RT["mode"](v, ix)


class ModeBackward0(MaxBackward0):
    __slots__ = ()

    def backward(self, g):
        if not self.shape:
            return (g,)
        return MaxBackward0.backward(self, g)


def sum_to_size(input, *size):
    return unb(input, tuple(_size_arg(size)))


def narrow_copy(input, dim, start, length):
    return narrow(input, dim, start, length).clone()


def cov(input, *, correction=1, fweights=None, aweights=None):
    """Covariance of the rows (variables) of ``input`` over its columns (observations)."""
    x = input if input.ndim == 2 else input.reshape(1, -1)
    if not x.is_floating_point():
        x = x.to(D._default[0])
    n = x.shape[1]
    w = None
    if fweights is not None:
        w = fweights.to(x.dtype)
    if aweights is not None:
        w = aweights.to(x.dtype) if w is None else w * aweights.to(x.dtype)
    if w is None:
        avg = x.mean(1, keepdim=True)
        c = (x - avg) @ (x - avg).t() / _max(n - correction, 0)
    else:
        ws = w.sum()
        avg = (x * w).sum(1, keepdim=True) / ws
        norm_ = ws - correction * ((w * aweights.to(x.dtype)).sum() / ws if aweights is not None else 1)
        c = ((x - avg) * w) @ (x - avg).t() / norm_
    return c.squeeze()


def corrcoef(input):
    c = cov(input)
    if c.ndim == 0:
        return c / c
    d = c.diagonal().sqrt()
    return (c / d.reshape(-1, 1) / d.reshape(1, -1)).clamp(-1, 1)


def logaddexp2(input, other):
    return logaddexp(input * math.log(2.0), other * math.log(2.0)) / math.log(2.0)


def is_same_size(input, other) -> bool:
    return input._data.shape == other._data.shape


def nanmedian(input, dim=None, keepdim=False):
    if dim is None:
        a = input._data.reshape(-1)
        a = a[~np.isnan(a)] if a.dtype.kind == "f" else a
        r = _wrap(np.asarray(np.sort(a)[(a.size - 1) // 2] if a.size else np.nan, input._data.dtype))
        if GRAD[0] and input._requires_grad:
            n = NanmedianBackward0()
            n.save(input, r)
            record(r, n, input)
        return r
    if input._data.dtype.kind != "f":
        return RT["nanmedian"](*median(input, dim, keepdim))
    d = _dim(dim, input.ndim)
    v, i = sort(input, d, stable=True)
    k = np.maximum((np.sum(~np.isnan(input._data), axis=d, keepdims=True) - 1) // 2, 0)
    kt = _wrap(k.astype(np.int64))
    vv, ii = gather(v, d, kt), gather(i, d, kt)
    if not keepdim:
        vv, ii = vv.squeeze(d), ii.squeeze(d)
    return RT["nanmedian"](vv, ii)


def _window(kind, window_length, periodic=True, *, dtype=None, **kw):
    dt = D.np_of(D.as_dtype(dtype)) if dtype is not None else D._default[0].np
    if window_length == 0:
        return _wrap(np.zeros(0, dt))
    if window_length == 1:
        return _wrap(np.ones(1, dt))
    n = window_length + 1 if periodic else window_length
    k = np.arange(n, dtype=np.float64)
    if kind == "hann":
        w = 0.5 - 0.5 * np.cos(2 * np.pi * k / (n - 1))
    elif kind == "hamming":
        w = 0.54 - 0.46 * np.cos(2 * np.pi * k / (n - 1))
    elif kind == "blackman":
        w = 0.42 - 0.5 * np.cos(2 * np.pi * k / (n - 1)) + 0.08 * np.cos(4 * np.pi * k / (n - 1))
    else:
        w = 1 - np.abs(2 * k / (n - 1) - 1)
    return _wrap((w[:-1] if periodic else w).astype(dt))


def hann_window(window_length, periodic=True, *, dtype=None, **kw):
    return _window("hann", window_length, periodic, dtype=dtype)


def hamming_window(window_length, periodic=True, *, dtype=None, **kw):
    return _window("hamming", window_length, periodic, dtype=dtype)


def blackman_window(window_length, periodic=True, *, dtype=None, **kw):
    return _window("blackman", window_length, periodic, dtype=dtype)


def bartlett_window(window_length, periodic=True, *, dtype=None, **kw):
    return _window("bartlett", window_length, periodic, dtype=dtype)
