"""Random sampling ops (rand, randn, randint, ... and the in-place ``Tensor.uniform_`` family).

Every draw reproduces torch's CPU kernels bit for bit: the same 32/64-bit words taken from the
mt19937 engine in the same order, the same transforms (including the fused multiply-adds the
compiled kernels use) and the same vectorised Box-Muller blocks of 16.
"""
from __future__ import annotations

import builtins
import math
import warnings

import numpy as np

from . import _dtype as D
from . import _layout
from . import _tensor as T
from .autograd import grad_mode as _gm
from .random import Generator, default_generator

__all__ = [
    "bernoulli",
    "multinomial",
    "normal",
    "poisson",
    "rand",
    "rand_like",
    "randint",
    "randint_like",
    "randn",
    "randn_like",
    "randperm",
]

_f16, _f32, _f64 = np.float16, np.float32, np.float64
_MASK53 = np.uint64((1 << 53) - 1)
_MASK24 = np.uint64((1 << 24) - 1)
_MASK11 = np.uint64((1 << 11) - 1)
_TORCH_NAMES = {"float32": "Float", "float64": "Double", "float16": "Half", "int64": "Long", "int32": "Int",
                "int16": "Short", "int8": "Char", "uint8": "Byte", "bool": "Bool"}
_C_NAMES = {"int64": "long int", "int32": "int", "int16": "short int", "int8": "signed char",
            "uint8": "unsigned char", "bool": "bool", "float32": "float", "float64": "double",
            "float16": "c10::Half"}


# ----------------------------------------------------------------------------------------------
# exact fused multiply-add (the compiled kernels contract ``x * a + b`` into one rounding)
# ----------------------------------------------------------------------------------------------
def _round_odd_fix(s: np.ndarray, e: np.ndarray) -> np.ndarray:
    fix = (e != 0) & ((s.view(np.int64) & 1) == 0)
    if fix.any():
        s = np.where(fix, np.nextafter(s, np.where(e > 0, np.inf, -np.inf)), s)
    return s


def _fma32(a, b, c) -> np.ndarray:
    """float32 ``a * b + c`` with a single rounding: the float64 product of two float32 values is exact,
    and the float64 sum is exact or (with probability ~2**-29) off by a double rounding."""
    with np.errstate(invalid="ignore", over="ignore"):
        return (np.asarray(a, _f64) * np.asarray(b, _f64) + np.asarray(c, _f64)).astype(_f32)


_SPLIT = 134217729.0


def _fma64(a, b, c) -> np.ndarray:
    """float64 ``a * b + c`` with a single rounding (Boldo-Melquiond round-to-odd emulation)."""
    a = np.asarray(a, _f64)
    b = np.asarray(b, _f64)
    c = np.asarray(c, _f64)
    with np.errstate(invalid="ignore", over="ignore"):
        p = a * b
        t = _SPLIT * a
        ah = t - (t - a)
        al = a - ah
        t = _SPLIT * b
        bh = t - (t - b)
        bl = b - bh
        pe = ((ah * bh - p) + ah * bl + al * bh) + al * bl
        th = c + p
        bb = th - c
        tl = (c - (th - bb)) + (p - bb)
        v = tl + pe
        bb = v - tl
        ve = (tl - (v - bb)) + (pe - bb)
        r = th + _round_odd_fix(v, ve)
        bad = ~np.isfinite(r) | ~np.isfinite(p)
        if bad.any():
            r = np.where(bad, p + c, r)
    return r


# ----------------------------------------------------------------------------------------------
# raw samplers: flat ndarrays of ``n`` draws in the kernel's order
# ----------------------------------------------------------------------------------------------
def _gen(generator) -> Generator:
    if generator is None:
        return default_generator
    if not isinstance(generator, Generator):
        raise TypeError(f"expected a torch.Generator, but got {type(generator).__name__}")
    return generator


def _std_uniform(g: Generator, n: int, dt: np.dtype) -> np.ndarray:
    """[0, 1) draws with the mantissa width of ``dt`` (float16/32 values come back as float32)."""
    if dt == _f64:
        return (g._u64(n) & _MASK53).astype(_f64) * 2.0 ** -53
    if dt == _f16:
        return (g._u32(n) & _MASK11).astype(_f32) * _f32(2.0 ** -11)
    return (g._u32(n) & _MASK24).astype(_f32) * _f32(2.0 ** -24)


def _uniform(g: Generator, n: int, dt: np.dtype, lo: float = 0.0, hi: float = 1.0) -> np.ndarray:
    """Draws in [lo, hi): a draw that rounds to ``hi`` becomes ``lo``, as in torch's kernel."""
    if dt == _f16:
        x = _std_uniform(g, n, _f32)
        lo32, hi32 = _f32(lo), _f32(hi)
        r = _fma32(x, hi32 - lo32, lo32).astype(_f16)
        top, bottom = _f16(hi), _f16(lo)
    else:
        x = _std_uniform(g, n, dt)
        if (lo, hi) == (0.0, 1.0):
            return x
        if dt == _f64:
            r, top, bottom = _fma64(x, hi - lo, lo), _f64(hi), _f64(lo)
        else:
            lo32, hi32 = _f32(lo), _f32(hi)
            r, top, bottom = _fma32(x, hi32 - lo32, lo32), hi32, lo32
    hit = r == top
    if hit.any():
        r[hit] = bottom
    return r


def _normal_scalar(g: Generator, n: int, mean: float, std: float) -> np.ndarray:
    """Box-Muller one value at a time (float64, second value cached in the generator)."""
    out = np.empty(n, _f64)
    k = 0
    if n and g._next_double is not None:
        out[0] = g._next_double
        g._next_double = None
        k = 1
    m = n - k
    if m:
        pairs = (m + 1) // 2
        u = _std_uniform(g, 2 * pairs, _f64)
        r = np.sqrt(-2.0 * np.log1p(-u[1::2]))
        theta = (2.0 * math.pi) * u[0::2]
        s = r * np.sin(theta)
        both = np.empty(2 * pairs, _f64)
        both[0::2] = r * np.cos(theta)
        both[1::2] = s
        out[k:] = both[:m]
        if m % 2:
            g._next_double = float(s[-1])
    if mean == 0.0 and std == 1.0:
        return out
    return _fma64(out, std, mean)


_LOG_P = [_f32(v) for v in (7.0376836292E-2, -1.1514610310E-1, 1.1676998740E-1, -1.2420140846E-1,
                            1.4249322787E-1, -1.6668057665E-1, 2.0000714765E-1, -2.4999993993E-1,
                            3.3333331174E-1)]
_I32 = np.int32


def _log8(x: np.ndarray) -> np.ndarray:
    """The AVX2 cephes-style float32 logarithm torch's vectorised normal kernel uses."""
    x = np.maximum(x, _f32(np.array(0x00800000, _I32).view(_f32)))
    bits = x.view(_I32)
    e = ((bits >> 23) - 0x7F).astype(_f32) + _f32(1)
    x = ((bits & ~0x7F800000) | np.array(0.5, _f32).view(_I32)).view(_f32)
    mask = x < _f32(0.707106781186547524)
    tmp = np.where(mask, x, _f32(0))
    x = x - _f32(1)
    e = e - mask.astype(_f32)
    x = x + tmp
    z = x * x
    y = np.full_like(x, _LOG_P[0])
    for p in _LOG_P[1:]:
        y = _fma32(y, x, p)
    y = y * x
    y = _fma32(y, z, e * _f32(-2.12194440e-4))
    y = _fma32(z, _f32(-0.5), y)
    x = x + y
    return _fma32(e, _f32(0.693359375), x)


def _sincos8(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The AVX2 cephes-style float32 sine and cosine of torch's vectorised normal kernel."""
    sign_sin = x.view(_I32) & _I32(-0x80000000)
    x = np.abs(x)
    j = ((x * _f32(1.27323954473516)).astype(_I32) + 1) & ~1
    y = j.astype(_f32)
    sign_sin = sign_sin ^ ((j & 4) << 29)
    poly = (j & 2) == 0
    x = _fma32(y, _f32(-0.78515625), x)
    x = _fma32(y, _f32(-2.4187564849853515625e-4), x)
    x = _fma32(y, _f32(-3.77489497744594108e-8), x)
    sign_cos = (~(j - 2) & 4) << 29
    z = x * x
    yc = _fma32(np.full_like(z, _f32(2.443315711809948E-005)), z, _f32(-1.388731625493765E-003))
    yc = _fma32(yc, z, _f32(4.166664568298827E-002))
    yc = yc * z
    yc = _fma32(yc, z, -(z * _f32(0.5)))
    yc = yc + _f32(1)
    ys = _fma32(np.full_like(z, _f32(-1.9515295891E-4)), z, _f32(8.3321608736E-3))
    ys = _fma32(ys, z, _f32(-1.6666654611E-1))
    ys = ys * z
    ys = _fma32(ys, x, x)
    s = np.where(poly, ys, yc)
    c = np.where(poly, yc, ys)
    return (s.view(_I32) ^ sign_sin).view(_f32), (c.view(_I32) ^ sign_cos).view(_f32)


def _box_muller16_f32(d: np.ndarray, mean: float, std: float) -> np.ndarray:
    d = d.reshape(-1, 16)
    u1 = np.ascontiguousarray(d[:, :8]).reshape(-1)
    u2 = np.ascontiguousarray(d[:, 8:]).reshape(-1)
    radius = np.sqrt(_f32(-2) * _log8(_f32(1) - u1))
    s, c = _sincos8(_f32(2 * math.pi) * u2)
    out = np.empty_like(d)
    c *= radius
    s *= radius
    if mean != 0.0 or std != 1.0:
        m, sd = _f32(mean), _f32(std)
        c, s = _fma32(c, sd, m), _fma32(s, sd, m)
    out[:, :8] = c.reshape(-1, 8)
    out[:, 8:] = s.reshape(-1, 8)
    return out.reshape(-1)


def _box_muller16_f64(d: np.ndarray, mean: float, std: float) -> np.ndarray:
    d = d.reshape(-1, 16)
    radius = np.sqrt(-2.0 * np.log(1.0 - np.ascontiguousarray(d[:, :8]).reshape(-1)))
    theta = (2.0 * math.pi) * np.ascontiguousarray(d[:, 8:]).reshape(-1)
    out = np.empty_like(d)
    out[:, :8] = (radius * np.cos(theta)).reshape(-1, 8)
    out[:, 8:] = (radius * np.sin(theta)).reshape(-1, 8)
    out = out.reshape(-1)
    return out if (mean == 0.0 and std == 1.0) else _fma64(out, std, mean)


def _normal(g: Generator, n: int, dt: np.dtype, mean: float = 0.0, std: float = 1.0,
            contiguous: bool = True) -> np.ndarray:
    if n < 16 or not contiguous:
        return _normal_scalar(g, n, mean, std).astype(dt)
    if dt == _f16:
        full = n - n % 16
        out = np.empty(n, _f32)
        out[:full] = _box_muller16_f32(_std_uniform(g, full, _f32), mean, std)
        if n % 16:
            out[n - 16:] = _box_muller16_f32(_std_uniform(g, 16, _f32), mean, std)
        return out.astype(_f16)
    blk = _box_muller16_f32 if dt == _f32 else _box_muller16_f64
    d = _std_uniform(g, n, dt)
    full = n - n % 16
    d[:full] = blk(d[:full], mean, std)
    if n % 16:
        d[n - 16:] = blk(_std_uniform(g, 16, dt), mean, std)
    return d


def _random_from_to(g: Generator, n: int, rng: int, base: int) -> np.ndarray:
    """``(word % range) + base`` as int64; 64-bit words when the range is >= 2**28."""
    if rng >= 1 << 28:
        w = g._u64(n)
    else:
        w = g._u32(n)
    if rng == 1 << 64:
        return w.view(np.int64)
    v = w % np.uint64(rng) + np.uint64(base & 0xFFFFFFFFFFFFFFFF)
    return v.view(np.int64)


# ----------------------------------------------------------------------------------------------
# helpers
# ----------------------------------------------------------------------------------------------
def _tname(dt: np.dtype) -> str:
    return _TORCH_NAMES.get(dt.name, dt.name)


def _memory_order_view(arr: np.ndarray) -> np.ndarray:
    """A view whose C order visits ``arr`` in memory order, as TensorIterator does."""
    if arr.flags.c_contiguous or arr.ndim < 2:
        return arr
    perm = sorted(range(arr.ndim), key=lambda i: -abs(arr.strides[i]))
    return arr.transpose(perm)


def _check_inplace(t: T.Tensor) -> None:
    if not isinstance(t, T.Tensor):
        raise TypeError(f"expected a Tensor, but got {type(t).__name__}")
    if t.requires_grad and t.grad_fn is None and _gm.GRAD[0]:
        raise RuntimeError("a leaf Variable that requires grad is being used in an in-place operation.")


def _write(t: T.Tensor, sampler) -> T.Tensor:
    """Fill ``t`` in memory order with ``sampler(n)`` and bump its version."""
    _check_inplace(t)
    v = _memory_order_view(t._data)
    if v.size:
        v[...] = sampler(v.size).reshape(v.shape)
    t._vc[0] += 1
    return t


def _require_float(t: T.Tensor, kernel: str) -> np.dtype:
    dt = t._data.dtype
    if dt.kind != "f":
        raise NotImplementedError(f'"{kernel}" not implemented for \'{_tname(dt)}\'')
    return dt


def _num(x, name: str) -> float:
    if isinstance(x, T.Tensor):
        x = x.item()
    if isinstance(x, (builtins.bool, np.bool_)) or not isinstance(x, (int, float, np.number)):
        raise TypeError(f"{name} must be a number, but got {type(x).__name__}")
    return float(x)


def _size(size, fn: str = "empty") -> tuple:
    if len(size) == 1 and isinstance(size[0], T.Size):
        size = tuple(size[0])
    return T._size_arg(size, fn)


def _new(shape: tuple, dtype, default: D.dtype, device, requires_grad: bool, out: T.Tensor | None):
    """An empty result: ``out`` resized, or a fresh ndarray of ``dtype``."""
    T.check_device(device)
    if out is not None:
        if not isinstance(out, T.Tensor):
            raise TypeError(f"out must be a Tensor, but got {type(out).__name__}")
        if dtype is not None and D.as_dtype(dtype).np != out._data.dtype:
            raise RuntimeError(f"dtype {D.as_dtype(dtype)} does not match the dtype of out "
                               f"{D.to_dtype(out._data.dtype)}")
        if out._data.shape != shape:
            out._data = np.empty(shape, out._data.dtype)
        return out
    d = D.as_dtype(dtype) if dtype is not None else default
    return T._wrap(np.empty(shape, D.np_of(d)))


def _finish(t: T.Tensor, requires_grad: bool) -> T.Tensor:
    if requires_grad:
        if t._data.dtype.kind != "f":
            raise RuntimeError("Only Tensors of floating point and complex dtype can require gradients")
        t.requires_grad = True
    return t


def _fill_new(t: T.Tensor, values: np.ndarray) -> None:
    t._data[...] = values.reshape(t._data.shape)


# ----------------------------------------------------------------------------------------------
# in-place Tensor methods
# ----------------------------------------------------------------------------------------------
def uniform_(self: T.Tensor, from_: float = 0.0, to: float = 1.0, *, generator=None, **kw) -> T.Tensor:
    """Fill with numbers drawn uniformly from ``[from, to)``."""
    if "from" in kw:
        from_ = kw.pop("from")
    if kw:
        raise TypeError(f"uniform_() got unexpected keyword arguments {list(kw)}")
    dt = _require_float(self, "check_uniform_bounds")
    lo, hi = _num(from_, "from"), _num(to, "to")
    fmax = float(np.finfo(dt).max)
    if not -fmax <= lo <= fmax:
        raise RuntimeError(f"from is out of bounds for {_C_NAMES[dt.name]}")
    if not -fmax <= hi <= fmax:
        raise RuntimeError(f"to is out of bounds for {_C_NAMES[dt.name]}")
    if lo > hi:
        raise RuntimeError(f"uniform_ expects to return a [from, to) range, but found from={_g(lo)} > to={_g(hi)}")
    if hi - lo > fmax:
        raise RuntimeError(f"uniform_ expects to-from <= std::numeric_limits<{_C_NAMES[dt.name]}>::max(), "
                           f"but found to={_g(hi)} and from={_g(lo)} which result in to-from to exceed the limit")
    g = _gen(generator)
    return _write(self, lambda n: _uniform(g, n, dt, lo, hi))


def _g(x: float) -> str:
    return f"{x:g}"


def normal_(self: T.Tensor, mean: float = 0.0, std: float = 1.0, *, generator=None) -> T.Tensor:
    """Fill with numbers drawn from a normal distribution N(mean, std**2)."""
    dt = _require_float(self, "normal_kernel_cpu")
    mean, std = _num(mean, "mean"), _num(std, "std")
    if not std >= 0.0:
        raise RuntimeError(f"normal expects std >= 0.0, but found std {_g(std)}")
    g = _gen(generator)
    contig = bool(self._data.flags.c_contiguous)
    return _write(self, lambda n: _normal(g, n, dt, mean, std, contig))


def exponential_(self: T.Tensor, lambd: float = 1.0, *, generator=None) -> T.Tensor:
    """Fill with draws from the exponential distribution with rate ``lambd``."""
    dt = self._data.dtype
    if dt.kind != "f":
        raise RuntimeError("Exponential distribution is a continuous probability distribution. dtype must be a "
                           f"floating point but you specified {_tname(dt)}")
    lam = _num(lambd, "lambd")
    if not lam > 0.0:
        raise RuntimeError(f"exponential_ expects lambda > 0.0, but found lambda={_g(lam)}")
    g = _gen(generator)

    def sample(n):
        u = _std_uniform(g, n, _f64)
        with np.errstate(divide="ignore"):
            return (-1.0 / lam) * np.log1p(-u)
    return _write(self, sample)


def cauchy_(self: T.Tensor, median: float = 0.0, sigma: float = 1.0, *, generator=None) -> T.Tensor:
    """Fill with draws from the Cauchy distribution."""
    dt = self._data.dtype
    if dt.kind != "f":
        raise RuntimeError("Cauchy distribution is a continuous probability distribution. dtype must be a "
                           f"floating point but you specified {_tname(dt)}")
    med, sig = _num(median, "median"), _num(sigma, "sigma")
    if not sig > 0.0:
        raise RuntimeError(f"cauchy_ expects sigma > 0.0, but found sigma={_g(sig)}")
    g = _gen(generator)
    return _write(self, lambda n: _fma64(sig, np.tan(math.pi * (_std_uniform(g, n, _f64) - 0.5)), med))


def log_normal_(self: T.Tensor, mean: float = 1.0, std: float = 2.0, *, generator=None) -> T.Tensor:
    """Fill with draws whose logarithm is N(mean, std**2)."""
    dt = self._data.dtype
    if dt.kind != "f":
        raise RuntimeError("log_normal not implemented for " + _tname(dt) + ". dtype must be a floating point")
    mean, std = _num(mean, "mean"), _num(std, "std")
    if not std > 0.0:
        raise RuntimeError(f"log_normal_ expects std > 0.0, but found std={_g(std)}")
    g = _gen(generator)
    return _write(self, lambda n: np.exp(_normal_scalar(g, n, mean, std)))


def geometric_(self: T.Tensor, p: float, *, generator=None) -> T.Tensor:
    """Fill with draws from the geometric distribution (number of trials up to the first success)."""
    p = _num(p, "p")
    if not 0.0 < p < 1.0:
        raise RuntimeError(f"geometric_ expects p to be in (0, 1), but got p={_g(p)}")
    if self._data.dtype == np.bool_:
        raise NotImplementedError("\"geometric_cpu\" not implemented for 'Bool'")
    g = _gen(generator)
    denom = math.log(1.0 - p)

    def sample(n):
        with np.errstate(divide="ignore"):
            return np.ceil(np.log(_std_uniform(g, n, _f64)) / denom)
    return _write(self, sample)


def bernoulli_(self: T.Tensor, p=0.5, *, generator=None) -> T.Tensor:
    """Fill with 0/1 draws, 1 with probability ``p`` (a number or a tensor broadcastable to self)."""
    g = _gen(generator)
    if isinstance(p, T.Tensor):
        pa = p._data
        if pa.dtype.kind != "f":
            raise NotImplementedError(f"\"bernoulli_tensor_cpu_p_\" not implemented for '{_tname(pa.dtype)}'")
        _check_inplace(self)
        pb = np.broadcast_to(pa, self._data.shape)
        v = _memory_order_view(self._data)
        if not v.size:
            return self
        perm = _perm_of(self._data, v)
        pv = pb.transpose(perm) if perm is not None else pb
        pdt = _f64 if pa.dtype == _f64 else _f32
        pv = pv.astype(pdt)
        if pv.size and not ((pv >= 0) & (pv <= 1)).all():
            raise RuntimeError("Expected p_in >= 0 && p_in <= 1 to be true, but got false.  (Could this error "
                               "message be improved?  If so, please report an enhancement request to PyTorch.)")
        u = _std_uniform(g, v.size, pdt).reshape(v.shape)
        v[...] = u < pv
        self._vc[0] += 1
        return self
    pf = _num(p, "p")
    if not 0.0 <= pf <= 1.0:
        raise RuntimeError(f"bernoulli_ expects p to be in [0, 1], but got p={_g(pf)}")
    return _write(self, lambda n: _std_uniform(g, n, _f64) < pf)


def _perm_of(arr: np.ndarray, view: np.ndarray):
    if view is arr:
        return None
    return sorted(range(arr.ndim), key=lambda i: -abs(arr.strides[i]))


def _int_bounds(dt: np.dtype) -> tuple[int, int]:
    if dt == np.bool_:
        return 0, 1
    ii = np.iinfo(dt)
    return int(ii.min), int(ii.max)


def _update_from(frm: int, digits: int) -> int:
    fp = int(np.float64(frm + 1).astype(_f32 if digits == 24 else _f64)) if digits != 11 else int(_f16(frm + 1))
    if fp < frm:
        n = (abs(frm + 1)).bit_length() - 1
        frm = fp + (1 << (n - digits + 1))
    return frm


def _update_to(to: int, digits: int) -> int:
    tm = int(np.float64(to - 1).astype(_f32 if digits == 24 else _f64)) if digits != 11 else int(_f16(to - 1))
    if tm >= to:
        n = (abs(to - 1)).bit_length() - 1
        to = tm - (1 << (n - digits + 1))
    return to


_DIGITS = {"float16": 11, "float32": 24, "float64": 53}


def _check_in_range(frm: int, to_inc: int, dt: np.dtype) -> None:
    if dt.kind == "f":
        d = _DIGITS[dt.name]
        lo, hi = -(1 << d), 1 << d
        tail = (f" is out of bounds [-(2^{d}), 2^{d}]. Due to precision limitations {_C_NAMES[dt.name]} can support "
                "discrete uniform distribution only within this range. This warning will become an error in "
                "version 1.7 release, please fix the code in advance")
        if not lo <= frm <= hi:
            warnings.warn("from" + tail, UserWarning, stacklevel=3)
        if not lo <= to_inc <= hi:
            warnings.warn("to - 1" + tail, UserWarning, stacklevel=3)
        return
    lo, hi = _int_bounds(dt)
    if not lo <= frm <= hi:
        raise RuntimeError(f"from is out of bounds for {_C_NAMES[dt.name]}")
    if not lo <= to_inc <= hi:
        raise RuntimeError(f"to - 1 is out of bounds for {_C_NAMES[dt.name]}")


def _random_bounds(dt: np.dtype, frm: int, to: int | None) -> tuple[int, int]:
    """(range, base) of ``random_(from, to)`` as torch computes them (range 2**64 = full int64 range)."""
    if to is not None:
        if frm >= to:
            raise RuntimeError(f"random_ expects 'from' to be less than 'to', but got from={frm} >= to={to}")
        if dt.kind == "f":
            frm = _update_from(frm, _DIGITS[dt.name])
            to = _update_to(to, _DIGITS[dt.name])
            if frm >= to:
                raise RuntimeError("random_ expects 'from' casted to dtype to be less than 'to' casted to dtype, "
                                   f"but got from={frm} >= to={to}")
        _check_in_range(frm, to - 1, dt)
        return to - frm, frm
    if frm != -(1 << 63):
        if dt.kind == "f":
            to_inc = min(1 << _DIGITS[dt.name], (1 << 63) - 1)
            frm = _update_from(frm, _DIGITS[dt.name])
            if frm >= to_inc:
                raise RuntimeError("random_ expects 'from' casted to dtype to be less than or equal to 'to_inc' "
                                   f"casted to dtype, but got from={frm} > to_inc={to_inc}")
        else:
            to_inc = _int_bounds(dt)[1]
        _check_in_range(frm, to_inc, dt)
        return to_inc - frm + 1, frm
    return 1 << 64, 0


def _int(x, name: str) -> int:
    if isinstance(x, T.Tensor):
        x = x.item()
    if isinstance(x, (float, np.floating)):
        if x != math.floor(x):
            raise TypeError(f"{name} must be an integer, but got {x}")
    return int(x)


def random_(self: T.Tensor, *args, generator=None, **kw) -> T.Tensor:
    """Fill with integers drawn uniformly from ``[from, to - 1]`` (``random_(to)`` means ``[0, to)``;
    with no bounds, ``[0, 2**mantissa]`` for floats and ``[0, max]`` for integers)."""
    frm = kw.pop("from", None)
    to = kw.pop("to", None)
    if kw or len(args) > 2:
        raise TypeError(f"random_() received an invalid combination of arguments: {args} {list(kw)}")
    if len(args) == 2:
        frm, to = args
    elif len(args) == 1:
        if to is None and frm is None:
            to = args[0]
        else:
            frm = args[0]
    dt = self._data.dtype
    g = _gen(generator)
    if frm is None and to is None:
        return _write(self, lambda n: _random_default(g, n, dt))
    frm = 0 if frm is None else _int(frm, "from")
    to_i = None if to is None else _int(to, "to")
    rng, base = _random_bounds(dt, frm, to_i)
    return _write(self, lambda n: _random_from_to(g, n, rng, base))


def _random_default(g: Generator, n: int, dt: np.dtype) -> np.ndarray:
    if dt == np.bool_:
        return (g._u32(n) & np.uint64(1)).astype(np.bool_)
    if dt == np.int64:
        return (g._u64(n) % np.uint64(1 << 63)).astype(np.int64)
    if dt == _f64:
        return (g._u64(n) % np.uint64((1 << 53) + 1)).astype(_f64)
    if dt.kind == "f":
        return (g._u32(n) % np.uint64((1 << _DIGITS[dt.name]) + 1)).astype(dt)
    return (g._u32(n) % np.uint64(int(np.iinfo(dt).max) + 1)).astype(dt)


# ----------------------------------------------------------------------------------------------
# factories
# ----------------------------------------------------------------------------------------------
@T._size_kw
def rand(*size, generator=None, out=None, dtype=None, layout=None, device=None, requires_grad: bool = False,
         pin_memory: bool = False) -> T.Tensor:
    """A tensor of the given size filled with uniform draws from ``[0, 1)``."""
    t = _new(_size(size, "rand"), dtype, D.get_default_dtype(), device, requires_grad, out)
    dt = _require_float(t, "check_uniform_bounds")
    _fill_new(t, _uniform(_gen(generator), t._data.size, dt))
    return _finish(t, requires_grad)


@T._size_kw
def randn(*size, generator=None, out=None, dtype=None, layout=None, device=None, requires_grad: bool = False,
          pin_memory: bool = False) -> T.Tensor:
    """A tensor of the given size filled with standard normal draws."""
    t = _new(_size(size, "randn"), dtype, D.get_default_dtype(), device, requires_grad, out)
    dt = _require_float(t, "normal_kernel_cpu")
    _fill_new(t, _normal(_gen(generator), t._data.size, dt))
    return _finish(t, requires_grad)


def randint(*args, size=None, generator=None, out=None, dtype=None, layout=None, device=None,
            requires_grad: bool = False, pin_memory: bool = False, low=None, high=None) -> T.Tensor:
    """Integers drawn uniformly from ``[low, high)``: ``randint(high, size)`` or ``randint(low, high, size)``."""
    args = list(args)
    if size is None and args and isinstance(args[-1], (tuple, list, T.Size)):
        size = args.pop()
    if len(args) == 2:
        low, high = args
    elif len(args) == 1:
        if high is None:
            high = args[0]
        else:
            low = args[0]
    elif args:
        raise TypeError(f"randint() received an invalid combination of arguments: {len(args) + 1} positional")
    if high is None or size is None:
        raise TypeError("randint() missing required arguments: 'high' and 'size'")
    low = 0 if low is None else _int(low, "low")
    high = _int(high, "high")
    t = _new(_size((size,)), dtype, D.int64, device, requires_grad, out)
    _finish(t, requires_grad)
    dt = t._data.dtype
    rng, base = _random_bounds(dt, low, high)
    if t._data.size:
        _fill_new(t, _random_from_to(_gen(generator), t._data.size, rng, base))
    return t


def randperm(n, *, generator=None, out=None, dtype=None, layout=None, device=None, requires_grad: bool = False,
             pin_memory: bool = False) -> T.Tensor:
    """A random permutation of ``0 .. n-1`` (Fisher-Yates with the generator's 32-bit words)."""
    n = _int(n, "n")
    if n < 0:
        raise RuntimeError(f"Trying to create tensor with negative dimension {n}: [{n}]")
    t = _new((n,), dtype, D.int64, device, requires_grad, out)
    dt = t._data.dtype
    if dt.kind == "f" and n > (1 << _DIGITS[dt.name]) + 1:
        raise RuntimeError(f"n cannot be greater than {_DIGITS[dt.name]}+1 for {D.to_dtype(dt)} type.")
    if dt.kind in "iu":
        hi = _int_bounds(dt)[1]
        if n > hi + 1:
            raise RuntimeError(f"n cannot be greater than {hi}+1 for {D.to_dtype(dt)} type.")
    t._data[...] = _perm(_gen(generator), n)
    return _finish(t, requires_grad)


def _perm(g: Generator, n: int) -> np.ndarray:
    if n < 2:
        return np.arange(n, dtype=np.int64)
    if n >= 0xFFFFFFFF // 20:
        w = g._u64(n)
        r = [0] * n
        zs = (w % np.arange(1, n + 1, dtype=np.uint64)).tolist()
        for i, z in enumerate(zs):
            r[i] = r[z]
            r[z] = i
        return np.array(r, dtype=np.int64)
    w = g._u32(n - 1)
    zs = (w % np.arange(n, 1, -1, dtype=np.uint64) + np.arange(n - 1, dtype=np.uint64)).tolist()
    r = list(range(n))
    for i, z in enumerate(zs):
        r[i], r[z] = r[z], r[i]
    return np.fromiter(r, dtype=np.int64, count=n)


def normal(mean=0.0, std=1.0, size=None, *, generator=None, out=None, dtype=None, layout=None, device=None,
           pin_memory: bool = False, requires_grad: bool = False) -> T.Tensor:
    """Normal draws with the given means and standard deviations (numbers or tensors; with two numbers
    a ``size`` is required)."""
    mt, st = isinstance(mean, T.Tensor), isinstance(std, T.Tensor)
    g = _gen(generator)
    if not mt and not st:
        if size is None:
            raise TypeError("normal() received an invalid combination of arguments - with float mean and std, "
                            "size is required")
        m, s = _num(mean, "mean"), _num(std, "std")
        if not s >= 0.0:
            raise RuntimeError(f"normal expects std >= 0.0, but found std {_g(s)}")
        t = _new(_size((size,)), dtype, D.get_default_dtype(), device, requires_grad, out)
        dt = _require_float(t, "normal_kernel_cpu")
        _fill_new(t, _normal(g, t._data.size, dt, m, s))
        return _finish(t, requires_grad)
    if size is not None:
        raise TypeError("normal() received an invalid combination of arguments - size is only accepted with "
                        "float mean and std")
    if st:
        sa = std._data
        if sa.dtype.kind != "f":
            raise NotImplementedError(f"\"normal_kernel_cpu\" not implemented for '{_tname(sa.dtype)}'")
        if sa.size and not (sa >= 0).all():
            raise RuntimeError("normal expects all elements of std >= 0.0")
    if mt and st:
        dt = np.promote_types(mean._data.dtype, std._data.dtype)
        shape = np.broadcast_shapes(mean._data.shape, std._data.shape) if _bcast_ok(mean, std) else None
        t = _new(shape, None, D.to_dtype(dt), device, False, out)
        z = _normal(g, t._data.size, t._data.dtype).reshape(shape)
        t._data[...] = z * std._data.astype(t._data.dtype) + mean._data.astype(t._data.dtype)
    elif mt:
        s = _num(std, "std")
        if not s >= 0.0:
            raise RuntimeError(f"normal expects std >= 0.0, but found std {_g(s)}")
        t = _new(mean._data.shape, None, D.to_dtype(mean._data.dtype), device, False, out)
        dt = _require_float(t, "normal_kernel_cpu")
        z = _normal(g, t._data.size, dt, 0.0, s).reshape(t._data.shape)
        t._data[...] = z + mean._data
    else:
        m = _num(mean, "mean")
        t = _new(std._data.shape, None, D.to_dtype(std._data.dtype), device, False, out)
        dt = t._data.dtype
        z = _normal(g, t._data.size, dt).reshape(t._data.shape)
        t._data[...] = z * std._data + dt.type(m)
    return t


def _bcast_ok(a: T.Tensor, b: T.Tensor) -> bool:
    try:
        np.broadcast_shapes(a._data.shape, b._data.shape)
    except ValueError:
        sa, sb = a._data.shape, b._data.shape
        nd = max(len(sa), len(sb))
        pa, pb = (1,) * (nd - len(sa)) + sa, (1,) * (nd - len(sb)) + sb
        for i in range(nd - 1, -1, -1):
            if pa[i] != pb[i] and pa[i] != 1 and pb[i] != 1:
                raise RuntimeError(f"The size of tensor a ({pa[i]}) must match the size of tensor b ({pb[i]}) "
                                   f"at non-singleton dimension {i}") from None
    return True


def bernoulli(input: T.Tensor, p=None, *, generator=None, out=None) -> T.Tensor:
    """0/1 draws: with probability ``input`` elementwise, or with the scalar ``p`` in input's shape."""
    if not isinstance(input, T.Tensor):
        raise TypeError(f"bernoulli(): argument 'input' must be Tensor, not {type(input).__name__}")
    if out is not None:
        res = out
        if res._data.shape != input._data.shape:
            res._data = np.empty(input._data.shape, res._data.dtype)
    else:
        res = T._wrap(np.empty(input._data.shape, input._data.dtype))
    if p is None:
        if input._data.dtype.kind != "f":
            raise NotImplementedError(f"\"bernoulli_tensor_cpu_p_\" not implemented for "
                                      f"'{_tname(input._data.dtype)}'")
        bernoulli_(res, input, generator=generator)
    else:
        bernoulli_(res, p, generator=generator)
    res._vc[0] = 0 if out is None else res._vc[0]
    return res


def multinomial(input: T.Tensor, num_samples: int, replacement: bool = False, *, generator=None,
                out=None) -> T.Tensor:
    """Indices drawn from the categorical distribution(s) in the last dim of ``input``."""
    a = input._data
    if a.ndim not in (1, 2):
        raise RuntimeError("prob_dist must be 1 or 2 dim")
    if a.dtype.kind != "f":
        raise RuntimeError(f"multinomial only supports floating-point dtypes for input, got: {_tname(a.dtype)}")
    n = _int(num_samples, "num_samples")
    if n <= 0:
        raise RuntimeError("cannot sample n_sample <= 0 samples")
    ncat = a.shape[-1]
    if not replacement and n > ncat:
        raise RuntimeError("cannot sample n_sample > prob_dist.size(-1) samples without replacement")
    if ncat > 1 << 24:
        raise RuntimeError("number of categories cannot exceed 2^24")
    g = _gen(generator)
    shape = (n,) if a.ndim == 1 else (a.shape[0], n)
    rows = a.reshape(-1, ncat)
    if not replacement or n == 1:
        if a.size and not ((a.max() < np.inf) & (a.min() >= 0)):
            raise RuntimeError("probability tensor contains either `inf`, `nan` or element < 0")
        if a.size and (rows.sum(-1) == 0).any():
            raise RuntimeError("invalid multinomial distribution (sum of probabilities <= 0)")
        q = (-np.log1p(-_std_uniform(g, a.size, _f64))).astype(a.dtype).reshape(rows.shape)
        with np.errstate(divide="ignore", invalid="ignore"):
            q = rows / q
        if n == 1:
            res = np.argmax(q, axis=-1)[:, None]
        else:
            res = np.argsort(-q, axis=-1, kind="stable")[:, :n]
    else:
        res = np.empty((rows.shape[0], n), dtype=np.int64)
        cdt = _f32 if a.dtype == _f16 else a.dtype
        for i in range(rows.shape[0]):
            row = rows[i].astype(cdt)
            if (row < 0).any():
                raise RuntimeError("invalid multinomial distribution (encountering probability entry < 0)")
            if not np.isfinite(row).all():
                raise RuntimeError("invalid multinomial distribution (encountering probability entry = "
                                   "infinity or NaN)")
            cum = np.cumsum(row, dtype=cdt)
            s = cum[-1]
            if not s > 0:
                raise RuntimeError("invalid multinomial distribution (sum of probabilities <= 0)")
            cum = cum / s
            cum[-1] = 1
            u = _std_uniform(g, n, _f64)
            res[i] = np.searchsorted(cum.astype(_f64), u, side="left")
    res = res.astype(np.int64).reshape(shape)
    if out is not None:
        out._data = res
        return out
    return T._wrap(res)


def poisson(input: T.Tensor, generator=None) -> T.Tensor:
    """Poisson draws with rates ``input`` (torch's transformed-rejection sampler for rate >= 10)."""
    a = input._data
    if a.dtype.kind != "f":
        raise NotImplementedError(f"\"poisson_cpu\" not implemented for '{_tname(a.dtype)}'")
    g = _gen(generator)
    flat = np.ascontiguousarray(a).reshape(-1).astype(_f64)
    res = np.empty(flat.size, _f64)
    for i, lam in enumerate(flat.tolist()):
        res[i] = _poisson_one(g, lam)
    return T._wrap(res.astype(a.dtype).reshape(a.shape))


def _poisson_one(g: Generator, lam: float) -> float:
    def uni() -> float:
        return float(_std_uniform(g, 1, _f64)[0])
    if lam >= 10:
        slam = math.sqrt(lam)
        loglam = math.log(lam)
        b = 0.931 + 2.53 * slam
        a = -0.059 + 0.02483 * b
        invalpha = 1.1239 + 1.1328 / (b - 3.4)
        vr = 0.9277 - 3.6224 / (b - 2)
        while True:
            U = uni() - 0.5
            V = uni()
            us = 0.5 - abs(U)
            k = math.floor((2 * a / us + b) * U + lam + 0.43)
            if us >= 0.07 and V <= vr:
                return float(k)
            if k < 0 or (us < 0.013 and V > us):
                continue
            if (math.log(V) + math.log(invalpha) - math.log(a / (us * us) + b)) <= (
                    -lam + k * loglam - math.lgamma(k + 1)):
                return float(k)
    if lam == 0:
        return 0.0
    enlam = math.exp(-lam)
    x = 0
    prod = 1.0
    while True:
        prod *= uni()
        if prod > enlam:
            x += 1
        else:
            return float(x)


def _like_dtype(input: T.Tensor, dtype) -> D.dtype:
    return D.as_dtype(dtype) if dtype is not None else D.to_dtype(input._data.dtype)


def _preserving_layout(input: T.Tensor, requires_grad: bool, dtype, make, fill, memory_format=None) -> T.Tensor:
    """``make(shape)`` for a contiguous input; otherwise an empty tensor in the layout torch's ``empty_like`` picks,
    filled in place by ``fill`` (torch's ``empty_like`` + in-place draw, which uses the per-element kernels)."""
    x = input._data
    keep = memory_format is None or str(memory_format) == "torch.preserve_format"
    if x.ndim < 2 or (x.flags.c_contiguous and keep) or str(memory_format) == "torch.contiguous_format":
        out = make(x.shape)
    else:
        out = T._wrap(_layout.empty_like_np(x, D.np_of(dtype), None if keep else memory_format))
        fill(out)
        out._vc[0] = 0
    if requires_grad:
        out.requires_grad_(True)
    return out


def rand_like(input: T.Tensor, *, dtype=None, layout=None, device=None, requires_grad: bool = False,
              memory_format=None, generator=None) -> T.Tensor:
    """``rand`` with the size (and by default the dtype) of ``input``."""
    d = _like_dtype(input, dtype)
    return _preserving_layout(input, requires_grad, d,
                              lambda shape: rand(shape, dtype=d, device=device, generator=generator),
                              lambda t: uniform_(t, generator=generator), memory_format)


def randn_like(input: T.Tensor, *, dtype=None, layout=None, device=None, requires_grad: bool = False,
               memory_format=None, generator=None) -> T.Tensor:
    """``randn`` with the size (and by default the dtype) of ``input``."""
    d = _like_dtype(input, dtype)
    return _preserving_layout(input, requires_grad, d,
                              lambda shape: randn(shape, dtype=d, device=device, generator=generator),
                              lambda t: normal_(t, generator=generator), memory_format)


def randint_like(input: T.Tensor, low=0, high=None, *, dtype=None, layout=None, device=None,
                 requires_grad: bool = False, memory_format=None, generator=None) -> T.Tensor:
    """``randint`` with the size (and by default the dtype) of ``input``: ``randint_like(x, high)`` or
    ``randint_like(x, low, high)``."""
    if high is None:
        low, high = 0, low
    d = _like_dtype(input, dtype)
    return _preserving_layout(input, requires_grad, d,
                              lambda shape: randint(low, high, shape, dtype=d, device=device, generator=generator),
                              lambda t: random_(t, low, high, generator=generator), memory_format)


def _bernoulli_method(self: T.Tensor, p=None, *, generator=None) -> T.Tensor:
    return bernoulli(self, p, generator=generator)


def _multinomial_method(self: T.Tensor, num_samples: int, replacement: bool = False, *,
                        generator=None) -> T.Tensor:
    return multinomial(self, num_samples, replacement, generator=generator)


_METHODS = {"uniform_": uniform_, "normal_": normal_, "bernoulli_": bernoulli_, "random_": random_,
            "exponential_": exponential_, "geometric_": geometric_, "log_normal_": log_normal_,
            "cauchy_": cauchy_, "bernoulli": _bernoulli_method, "multinomial": _multinomial_method}


def _bind() -> None:
    """Attach the in-place sampling methods (and ``bernoulli``/``multinomial``) to Tensor."""
    for name, fn in _METHODS.items():
        setattr(T.Tensor, name, fn)


_bind()
