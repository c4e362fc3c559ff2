"""Parameter initialisation schemes (``torch.nn.init``); each fills a tensor in place without grad."""
from __future__ import annotations

import math
import warnings

import numpy as np

from .. import _random_ops as R
from .. import _tensor as T
from ..autograd.grad_mode import no_grad

__all__ = ["calculate_gain", "constant_", "dirac_", "eye_", "kaiming_normal_", "kaiming_uniform_", "normal_",
           "ones_", "orthogonal_", "sparse_", "trunc_normal_", "uniform_", "xavier_normal_", "xavier_uniform_",
           "zeros_"]

_LINEAR = ("linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d", "conv_transpose3d")


def _bump(t: T.Tensor) -> T.Tensor:
    t._vc[0] += 1
    return t


def calculate_gain(nonlinearity: str, param: float | None = None) -> float:
    """The recommended gain for a nonlinearity (linear/conv/sigmoid 1, tanh 5/3, relu sqrt(2), ...)."""
    if nonlinearity in _LINEAR or nonlinearity == "sigmoid":
        return 1
    if nonlinearity == "tanh":
        return 5.0 / 3
    if nonlinearity == "relu":
        return math.sqrt(2.0)
    if nonlinearity == "leaky_relu":
        if param is None:
            slope = 0.01
        elif (not isinstance(param, bool) and isinstance(param, int)) or isinstance(param, float):
            slope = param
        else:
            raise ValueError(f"negative_slope {param} not a valid number")
        return math.sqrt(2.0 / (1 + slope ** 2))
    if nonlinearity == "selu":
        return 3.0 / 4
    raise ValueError(f"Unsupported nonlinearity {nonlinearity}")


def uniform_(tensor: T.Tensor, a: float = 0.0, b: float = 1.0, generator=None) -> T.Tensor:
    """Fill with draws from U(a, b)."""
    with no_grad():
        return R.uniform_(tensor, a, b, generator=generator)


def normal_(tensor: T.Tensor, mean: float = 0.0, std: float = 1.0, generator=None) -> T.Tensor:
    """Fill with draws from N(mean, std**2)."""
    with no_grad():
        return R.normal_(tensor, mean, std, generator=generator)


def _norm_cdf(x: float) -> float:
    return (1.0 + math.erf(x / math.sqrt(2.0))) / 2.0


def trunc_normal_(tensor: T.Tensor, mean: float = 0.0, std: float = 1.0, a: float = -2.0, b: float = 2.0,
                  generator=None) -> T.Tensor:
    """Fill with draws from N(mean, std**2) restricted to [a, b] (rejection sampling)."""
    if (mean < a - 2 * std) or (mean > b + 2 * std):
        warnings.warn("mean is more than 2 std from [a, b] in nn.init.trunc_normal_. "
                      "The distribution of values may be incorrect.", stacklevel=2)
    with no_grad():
        arr = tensor._data
        dt = arr.dtype
        p = _norm_cdf((b - mean) / std) - _norm_cdf((a - mean) / std)
        if p > 0.3:
            lo, hi = float(dt.type(a)), float(dt.type(b))
            R.normal_(tensor, mean, std, generator=generator)
            res = arr.copy()
            while True:
                mask = (res < lo) | (res > hi)
                if not mask.any():
                    break
                fresh = T._wrap(np.empty(res.shape, dt))
                R.normal_(fresh, mean, std, generator=generator)
                res = np.where(mask, fresh._data, res)
            arr[...] = res
            return tensor
        mode = max(a, min(mean, b))
        log_peak = -0.5 * ((mode - mean) / std) ** 2
        m, s, lp = dt.type(mean), dt.type(std), dt.type(log_peak)

        def score(x: np.ndarray) -> np.ndarray:
            y = (x - m) / s
            return (y * y) * dt.type(-0.5) - lp

        def log_uniform() -> np.ndarray:
            buf = T._wrap(np.empty(arr.shape, dt))
            R.uniform_(buf, generator=generator)
            with np.errstate(divide="ignore"):
                return np.log(buf._data.astype(np.float64)).astype(dt)

        R.uniform_(tensor, a, b, generator=generator)
        cand = score(arr)
        pending = log_uniform() > cand
        if pending.any():
            res = arr.copy()
            while True:
                c = T._wrap(np.empty(arr.shape, dt))
                R.uniform_(c, a, b, generator=generator)
                res = np.where(pending, c._data, res)
                cand = score(c._data)
                pending = np.where(pending, log_uniform() > cand, pending)
                if not pending.any():
                    break
            arr[...] = res
        return tensor


def constant_(tensor: T.Tensor, val: float) -> T.Tensor:
    """Fill with ``val``."""
    tensor._data[...] = val
    return _bump(tensor)


def ones_(tensor: T.Tensor) -> T.Tensor:
    """Fill with ones."""
    return constant_(tensor, 1.0)


def zeros_(tensor: T.Tensor) -> T.Tensor:
    """Fill with zeros."""
    return constant_(tensor, 0.0)


def eye_(tensor: T.Tensor) -> T.Tensor:
    """Fill a 2-D tensor with the identity matrix (ones on the main diagonal)."""
    if tensor.ndim != 2:
        raise ValueError("Only tensors with 2 dimensions are supported")
    arr = tensor._data
    arr[...] = 0
    k = min(arr.shape)
    arr[np.arange(k), np.arange(k)] = 1
    return _bump(tensor)


def dirac_(tensor: T.Tensor, groups: int = 1) -> T.Tensor:
    """Fill a 3/4/5-D conv weight with the Dirac delta (keeps the input channels, per group)."""
    nd = tensor.ndim
    if nd not in (3, 4, 5):
        raise ValueError("Only tensors with 3, 4, or 5 dimensions are supported")
    sizes = tensor._data.shape
    if sizes[0] % groups != 0:
        raise ValueError("dim 0 must be divisible by groups")
    per = sizes[0] // groups
    k = min(per, sizes[1])
    arr = tensor._data
    arr[...] = 0
    centre = tuple(s // 2 for s in sizes[2:])
    d = np.arange(k)
    for g in range(groups):
        arr[(g * per + d, d, *centre)] = 1
    return _bump(tensor)


def _calculate_fan_in_and_fan_out(tensor: T.Tensor) -> tuple[int, int]:
    shape = tensor._data.shape
    if len(shape) < 2:
        raise ValueError("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions")
    receptive = 1
    for s in shape[2:]:
        receptive *= s
    return shape[1] * receptive, shape[0] * receptive


def xavier_uniform_(tensor: T.Tensor, gain: float = 1.0, generator=None) -> T.Tensor:
    """Glorot uniform: U(-a, a) with a = gain * sqrt(6 / (fan_in + fan_out))."""
    fan_in, fan_out = _calculate_fan_in_and_fan_out(tensor)
    std = gain * math.sqrt(2.0 / float(fan_in + fan_out))
    a = math.sqrt(3.0) * std
    return uniform_(tensor, -a, a, generator)


def xavier_normal_(tensor: T.Tensor, gain: float = 1.0, generator=None) -> T.Tensor:
    """Glorot normal: N(0, std**2) with std = gain * sqrt(2 / (fan_in + fan_out))."""
    fan_in, fan_out = _calculate_fan_in_and_fan_out(tensor)
    std = gain * math.sqrt(2.0 / float(fan_in + fan_out))
    return normal_(tensor, 0.0, std, generator)


def _calculate_correct_fan(tensor: T.Tensor, mode: str) -> int:
    mode = mode.lower()
    valid = ["fan_in", "fan_out"]
    if mode not in valid:
        raise ValueError(f"Mode {mode} not supported, please use one of {valid}")
    fan_in, fan_out = _calculate_fan_in_and_fan_out(tensor)
    return fan_in if mode == "fan_in" else fan_out


def kaiming_uniform_(tensor: T.Tensor, a: float = 0, mode: str = "fan_in", nonlinearity: str = "leaky_relu",
                     generator=None) -> T.Tensor:
    """He uniform: U(-bound, bound) with bound = gain * sqrt(3 / fan)."""
    if 0 in tensor._data.shape:
        warnings.warn("Initializing zero-element tensors is a no-op", stacklevel=2)
        return tensor
    fan = _calculate_correct_fan(tensor, mode)
    std = calculate_gain(nonlinearity, a) / math.sqrt(fan)
    bound = math.sqrt(3.0) * std
    return uniform_(tensor, -bound, bound, generator)


def kaiming_normal_(tensor: T.Tensor, a: float = 0, mode: str = "fan_in", nonlinearity: str = "leaky_relu",
                    generator=None) -> T.Tensor:
    """He normal: N(0, std**2) with std = gain / sqrt(fan)."""
    if 0 in tensor._data.shape:
        warnings.warn("Initializing zero-element tensors is a no-op", stacklevel=2)
        return tensor
    fan = _calculate_correct_fan(tensor, mode)
    std = calculate_gain(nonlinearity, a) / math.sqrt(fan)
    return normal_(tensor, 0, std, generator)


def orthogonal_(tensor: T.Tensor, gain: float = 1, generator=None) -> T.Tensor:
    """Fill with a (semi-)orthogonal matrix from the QR decomposition of a normal draw, times ``gain``."""
    if tensor.ndim < 2:
        raise ValueError("Only tensors with 2 or more dimensions are supported")
    arr = tensor._data
    if arr.size == 0:
        return tensor
    rows = arr.shape[0]
    cols = arr.size // rows
    flat = T._wrap(np.empty((rows, cols), arr.dtype))
    with no_grad():
        R.normal_(flat, 0, 1, generator=generator)
    m = flat._data.T if rows < cols else flat._data
    q, r = np.linalg.qr(m.astype(np.float64))
    q = q * np.sign(np.diagonal(r))
    if rows < cols:
        q = q.T
    arr[...] = (q.astype(arr.dtype) * arr.dtype.type(gain)).reshape(arr.shape)
    return _bump(tensor)


def sparse_(tensor: T.Tensor, sparsity: float, std: float = 0.01, generator=None) -> T.Tensor:
    """Normal N(0, std**2) entries with a ``sparsity`` fraction of each column set to zero.

    As in torch, the rows to zero are picked with the default generator, not ``generator``."""
    if tensor.ndim != 2:
        raise ValueError("Only tensors with 2 dimensions are supported")
    rows, cols = tensor._data.shape
    num_zeros = int(math.ceil(sparsity * rows))
    normal_(tensor, 0, std, generator)
    arr = tensor._data
    for c in range(cols):
        idx = R.randperm(rows)._data[:num_zeros]
        arr[idx, c] = 0
    return tensor


def _make_deprecate(meth):
    old = meth.__name__[:-1]

    def deprecated_init(*args, **kwargs):
        warnings.warn(f"`nn.init.{old}` is now deprecated in favor of `nn.init.{meth.__name__}`.", FutureWarning,
                      stacklevel=2)
        return meth(*args, **kwargs)
    deprecated_init.__name__ = old
    deprecated_init.__doc__ = f"Deprecated alias of :func:`{meth.__name__}`."
    return deprecated_init


uniform = _make_deprecate(uniform_)
normal = _make_deprecate(normal_)
constant = _make_deprecate(constant_)
eye = _make_deprecate(eye_)
dirac = _make_deprecate(dirac_)
xavier_uniform = _make_deprecate(xavier_uniform_)
xavier_normal = _make_deprecate(xavier_normal_)
kaiming_uniform = _make_deprecate(kaiming_uniform_)
kaiming_normal = _make_deprecate(kaiming_normal_)
orthogonal = _make_deprecate(orthogonal_)
sparse = _make_deprecate(sparse_)
