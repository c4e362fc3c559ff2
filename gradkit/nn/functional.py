"""``torch.nn.functional``: activations, dropout, embeddings, normalisation, padding and attention.

Convolution/pooling live in ``_functional_conv`` and losses in ``_functional_loss``; both are
re-exported here so ``gradkit.nn.functional`` offers torch's whole namespace.
"""
from __future__ import annotations

import builtins
import math
import numbers
import warnings

import numpy as np

from .. import _dtype as D
from .. import _random_ops as _R
from .._tensor import Tensor, _wrap
from ..autograd import ops as O
from ..autograd._core import GRAD, Node, record
from ..autograd.grad_mode import no_grad

_f64 = np.float64

__all__ = [
    "linear", "bilinear", "identity",
    "threshold", "threshold_", "relu", "relu_", "relu6", "hardtanh", "hardtanh_", "leaky_relu", "leaky_relu_",
    "prelu", "rrelu", "rrelu_", "elu", "elu_", "selu", "selu_", "celu", "celu_", "gelu", "silu", "mish",
    "sigmoid", "logsigmoid", "tanh", "hardsigmoid", "hardswish", "hardshrink", "softshrink", "tanhshrink",
    "softplus", "softsign", "glu", "softmax", "log_softmax", "softmin", "gumbel_softmax",
    "dropout", "dropout1d", "dropout2d", "dropout3d", "alpha_dropout", "feature_alpha_dropout",
    "embedding", "embedding_bag", "one_hot",
    "batch_norm", "instance_norm", "layer_norm", "group_norm", "rms_norm", "local_response_norm", "normalize",
    "pad", "cosine_similarity", "pairwise_distance", "pdist", "scaled_dot_product_attention",
    "channel_shuffle", "native_channel_shuffle",
    "multi_head_attention_forward",
]


# =========================================================================================
# helpers
# =========================================================================================
_TYPE_NAMES = {"float32": "Float", "float64": "Double", "float16": "Half", "int64": "Long", "int32": "Int",
               "int16": "Short", "int8": "Char", "uint8": "Byte", "bool": "Bool"}


def _tname(a: np.ndarray) -> str:
    return _TYPE_NAMES.get(a.dtype.name, a.dtype.name)


def _float_arr(input: Tensor, kernel: str) -> np.ndarray:
    a = input._data
    if a.dtype.kind != "f":
        raise NotImplementedError(f'"{kernel}" not implemented for \'{_tname(a)}\'')
    return a


def _opmath(a: np.ndarray) -> np.ndarray:
    """``a`` in the dtype torch's CPU kernels compute in (float32 for half inputs)."""
    return a.astype(np.float32) if a.dtype == np.float16 else a


class _PointwiseNode(Node):
    """``g * d(*saved)`` where ``d`` (set per call) is written with tensor ops."""

    __slots__ = ()

    def backward(self, g):
        return (g * self.d(*self.saved()),)


_NODE_CLASSES: dict = {}


def _node_cls(name: str) -> type:
    cls = _NODE_CLASSES.get(name)
    if cls is None:
        cls = _NODE_CLASSES[name] = type(name, (_PointwiseNode,), {"__slots__": ()})
    return cls


def _emit(arr: np.ndarray, input: Tensor, name: str, d, save_out: bool = False) -> Tensor:
    """Wrap ``arr`` and, when recording, attach a pointwise node with derivative ``d``."""
    r = _wrap(arr)
    if GRAD[0] and input.requires_grad:
        n = _node_cls(name)()
        n.d = d
        n.save(r if save_out else input)
        record(r, n, input)
    return r


def _maybe_inplace(fn, input: Tensor, inplace: bool, *args):
    if not inplace:
        return fn(input, *args)
    return O._inplace(fn)(input, *args)


def _mask(cond: Tensor, like: Tensor) -> Tensor:
    return cond.to(like.dtype)


# =========================================================================================
# linear
# =========================================================================================
def linear(input: Tensor, weight: Tensor, bias: Tensor | None = None) -> Tensor:
    """``y = x W^T + b``."""
    try:
        return O.linear(input, weight, bias)
    except AttributeError:
        for pos, (name, v) in enumerate((("input", input), ("weight", weight)), 1):
            if not isinstance(v, Tensor):
                raise TypeError(f"linear(): argument '{name}' (position {pos}) must be Tensor, not "
                                f"{_pytype(v)}") from None
        raise


def _pytype(v) -> str:
    """A value's type as torch's argument parser names it (``numpy.ndarray``, ``list``)."""
    t = type(v)
    return t.__name__ if t.__module__ == "builtins" else f"{t.__module__}.{t.__qualname__}"


def identity(input: Tensor) -> Tensor:
    return input


def bilinear(input1: Tensor, input2: Tensor, weight: Tensor, bias: Tensor | None = None) -> Tensor:
    """``y = x1^T A x2 + b`` for each output feature (``weight``: ``(out, in1, in2)``)."""
    if input1.dim() != input2.dim():
        raise RuntimeError(f"bilinear(): input dimensions do not match: got {input1.dim()} and {input2.dim()}")
    if tuple(input1.shape[:-1]) != tuple(input2.shape[:-1]):
        raise RuntimeError("bilinear(): input batch dimensions do not match: got "
                           f"{list(input1.shape[:-1])} and {list(input2.shape[:-1])}")
    if weight.dim() != 3:
        raise RuntimeError(f"bilinear(): weight must be three-dimensional, got {weight.dim()}")
    o, i1, i2 = weight.shape
    if input1.shape[-1] != i1:
        raise RuntimeError(f"bilinear(): input1 size does not match weight size: got {input1.shape[-1]} but "
                           f"expected {i1}")
    if input2.shape[-1] != i2:
        raise RuntimeError(f"bilinear(): input2 size does not match weight size: got {input2.shape[-1]} but "
                           f"expected {i2}")
    if bias is not None and (bias.dim() != 1 or bias.shape[0] != o):
        raise RuntimeError(f"bilinear(): bias size does not match weight size: got {bias.shape[-1]} but "
                           f"expected {o}")
    w2 = weight.permute(0, 2, 1).reshape(o * i2, i1)
    t = O.linear(input1, w2).reshape(*input1.shape[:-1], o, i2)
    out = (t * input2.unsqueeze(-2)).sum(-1)
    return out + bias if bias is not None else out


# =========================================================================================
# activations
# =========================================================================================
def _threshold(input: Tensor, threshold: float, value: float) -> Tensor:
    a = input._data
    keep = a > threshold
    r = _wrap(np.where(keep, a, np.asarray(value, dtype=a.dtype)))
    if GRAD[0] and input.requires_grad:
        n = O.ThresholdBackward0()
        n.save(_wrap(keep.astype(a.dtype)))
        record(r, n, input)
    return r


def threshold(input: Tensor, threshold: float, value: float, inplace: bool = False) -> Tensor:
    """``x`` where ``x > threshold``, else ``value``."""
    return _maybe_inplace(_threshold, input, inplace, threshold, value)


def threshold_(input: Tensor, threshold: float, value: float) -> Tensor:
    return _maybe_inplace(_threshold, input, True, threshold, value)


def relu(input: Tensor, inplace: bool = False) -> Tensor:
    """``max(x, 0)`` elementwise."""
    try:
        return O.relu_(input) if inplace else O.relu(input)
    except AttributeError:
        if not isinstance(input, Tensor):
            raise TypeError(f"relu{'_' if inplace else ''}(): argument 'input' (position 1) must be Tensor, not "
                            f"{type(input).__name__}") from None
        raise


def relu_(input: Tensor) -> Tensor:
    return O.relu_(input)


def _hardtanh(input: Tensor, min_val: float, max_val: float) -> Tensor:
    a = input._data
    if a.dtype.kind == "b":
        raise NotImplementedError("\"clamp_cpu\" not implemented for 'Bool'")
    lo, hi = np.asarray(min_val).astype(a.dtype), np.asarray(max_val).astype(a.dtype)
    return _emit(np.minimum(np.maximum(a, lo), hi), input, "HardtanhBackward0",
                 lambda x: _mask((x > min_val) & (x < max_val), x))


def hardtanh(input: Tensor, min_val: float = -1.0, max_val: float = 1.0, inplace: bool = False) -> Tensor:
    """Clamp to ``[min_val, max_val]``."""
    if min_val > max_val:
        raise ValueError("min_val cannot be greater than max_val")
    return _maybe_inplace(_hardtanh, input, inplace, min_val, max_val)


def hardtanh_(input: Tensor, min_val: float = -1.0, max_val: float = 1.0) -> Tensor:
    return hardtanh(input, min_val, max_val, True)


def relu6(input: Tensor, inplace: bool = False) -> Tensor:
    """``min(max(x, 0), 6)``."""
    return hardtanh(input, 0.0, 6.0, inplace)


def _leaky_relu(input: Tensor, negative_slope: float) -> Tensor:
    a = _float_arr(input, "leaky_relu_cpu")
    return _emit(np.where(a > 0, a, a * negative_slope), input, "LeakyReluBackward0",
                 lambda x: O.where(x > 0, 1.0, negative_slope).to(x.dtype))


def leaky_relu(input: Tensor, negative_slope: float = 0.01, inplace: bool = False) -> Tensor:
    """``x`` for positive ``x``, else ``negative_slope * x``."""
    return _maybe_inplace(_leaky_relu, input, inplace, negative_slope)


def leaky_relu_(input: Tensor, negative_slope: float = 0.01) -> Tensor:
    return leaky_relu(input, negative_slope, True)


def prelu(input: Tensor, weight: Tensor) -> Tensor:
    """Leaky ReLU whose slope is the learnable ``weight`` (one per channel, or one shared)."""
    if input._data.dtype != weight._data.dtype:
        raise RuntimeError(f"prelu: Type promoting not supported. Got {_tname(input._data)} and "
                           f"{_tname(weight._data)}")
    n = weight.numel()
    if n != 1:
        ch = input.shape[1] if input.dim() >= 2 else (input.shape[0] if input.dim() == 1 else 1)
        if ch != n:
            raise RuntimeError("Mismatch of parameter numbers and input channel size. Found parameter numbers = "
                               f"{n} and channel size = {ch}.")
        if input.dim() >= 2:
            weight = weight.reshape(n, *([1] * (input.dim() - 2)))
    elif weight.dim() > 0:
        weight = weight.reshape(())
    return O.where(input > 0, input, weight * input)


def _rrelu(input: Tensor, lower: float, upper: float, training: bool, generator=None) -> Tensor:
    a = _float_arr(input, "rrelu_with_noise_out_cpu")
    if not training:
        slope = (lower + upper) / 2
        return _emit(np.where(a >= 0, a, a * slope), input, "RreluWithNoiseBackward0",
                     lambda x: O.where(x > 0, 1.0, slope).to(x.dtype))
    neg = a <= 0
    noise = np.ones(a.shape, dtype=a.dtype)
    k = int(neg.sum())
    if k:
        g = _R._gen(generator)
        draws = _R._uniform(g, k, _f64, float(lower), float(upper))
        noise[neg] = draws.astype(a.dtype)
    r = _wrap(a * noise)
    if GRAD[0] and input.requires_grad:
        nt = _wrap(noise)
        nd = _node_cls("RreluWithNoiseBackward0")()
        nd.d = lambda x: nt
        nd.save(input)
        record(r, nd, input)
    return r


def rrelu(input: Tensor, lower: float = 1.0 / 8, upper: float = 1.0 / 3, training: bool = False,
          inplace: bool = False) -> Tensor:
    """Leaky ReLU whose negative slope is drawn from ``U(lower, upper)`` while training (mean slope in eval)."""
    if lower > upper:
        raise RuntimeError("Lower bound should be less than or equal to the upper bound")
    return _maybe_inplace(_rrelu, input, inplace, lower, upper, training)


def rrelu_(input: Tensor, lower: float = 1.0 / 8, upper: float = 1.0 / 3, training: bool = False) -> Tensor:
    return rrelu(input, lower, upper, training, True)


def _elu(input: Tensor, alpha: float, scale: float, input_scale: float, kernel: str, node: str) -> Tensor:
    a = _float_arr(input, kernel)
    neg = np.expm1(a * input_scale) * (alpha * scale)
    r = np.where(a > 0, a * scale, neg)
    c = input_scale * alpha * scale
    return _emit(r.astype(a.dtype, copy=False), input, node,
                 lambda x: O.where(x > 0, scale, O.exp(x * input_scale) * c))


def elu(input: Tensor, alpha: float = 1.0, inplace: bool = False) -> Tensor:
    """``x`` for positive ``x``, else ``alpha * (exp(x) - 1)``."""
    return _maybe_inplace(_elu, input, inplace, alpha, 1.0, 1.0, "elu_cpu", "EluBackward0")


def elu_(input: Tensor, alpha: float = 1.0) -> Tensor:
    return elu(input, alpha, True)


_SELU_ALPHA = 1.6732632423543772848170429916717
_SELU_SCALE = 1.0507009873554804934193349852946


def selu(input: Tensor, inplace: bool = False) -> Tensor:
    """``scale * elu(x, alpha)`` with the self-normalising constants."""
    return _maybe_inplace(_elu, input, inplace, _SELU_ALPHA, _SELU_SCALE, 1.0, "elu_cpu", "EluBackward0")


def selu_(input: Tensor) -> Tensor:
    return selu(input, True)


def celu(input: Tensor, alpha: float = 1.0, inplace: bool = False) -> Tensor:
    """``max(0, x) + min(0, alpha * (exp(x / alpha) - 1))``."""
    if alpha == 0:
        raise RuntimeError("ZeroDivisionError")
    return _maybe_inplace(_elu, input, inplace, alpha, 1.0, 1.0 / alpha, "elu_cpu", "CeluBackward0")


def celu_(input: Tensor, alpha: float = 1.0) -> Tensor:
    return celu(input, alpha, True)


_SQRT1_2 = 1.0 / math.sqrt(2.0)
_INV_SQRT_2PI = 1.0 / math.sqrt(2.0 * math.pi)
_GELU_BETA = math.sqrt(2.0) * 2.0 / math.sqrt(math.pi) * 0.5
_GELU_KAPPA = 0.044715


_erf_np = O._erf_np


def _erf(x: Tensor) -> Tensor:
    return _emit(_erf_np(x._data), x, "ErfBackward0", lambda t: O.exp(-t * t) * (2.0 / math.sqrt(math.pi)))


def _gelu_d_none(x: Tensor) -> Tensor:
    return 0.5 * (1.0 + _erf(x * _SQRT1_2)) + x * O.exp(x * x * -0.5) * _INV_SQRT_2PI


def _gelu_d_tanh(x: Tensor) -> Tensor:
    x2 = x * x
    t = O.tanh((x + x2 * x * _GELU_KAPPA) * _GELU_BETA)
    return 0.5 * (1.0 + t) + 0.5 * x * (1.0 - t * t) * _GELU_BETA * (1.0 + 3.0 * _GELU_KAPPA * x2)


def gelu(input: Tensor, approximate: str = "none") -> Tensor:
    """``x * Phi(x)`` (exact with ``'none'``, the tanh formula with ``'tanh'``)."""
    if approximate not in ("none", "tanh"):
        raise RuntimeError("approximate argument must be either none or tanh.")
    a = _float_arr(input, "GeluKernelImpl")
    x = _opmath(a)
    if approximate == "none":
        r = x * 0.5 * (1.0 + _erf_np(x * _SQRT1_2))
        d = _gelu_d_none
    else:
        r = 0.5 * x * (1.0 + np.tanh(_GELU_BETA * (x + _GELU_KAPPA * x * x * x)))
        d = _gelu_d_tanh
    return _emit(r.astype(a.dtype, copy=False), input, "GeluBackward0", d)


def _silu(input: Tensor) -> Tensor:
    a = _float_arr(input, "silu_cpu")

    def d(x):
        s = O.sigmoid(x)
        return s * (1.0 + x * (1.0 - s))
    x = _opmath(a)
    return _emit((x * O._sigmoid_np(x)).astype(a.dtype, copy=False), input, "SiluBackward0", d)


def silu(input: Tensor, inplace: bool = False) -> Tensor:
    """``x * sigmoid(x)``."""
    return _maybe_inplace(_silu, input, inplace)


def _softplus_np(a: np.ndarray) -> np.ndarray:
    return np.maximum(a, 0) + np.log1p(np.exp(-np.abs(a)))


def _mish(input: Tensor) -> Tensor:
    a = _float_arr(input, "mish_cpu")

    def d(x):
        t = O.tanh(softplus(x))
        return t + x * O.sigmoid(x) * (1.0 - t * t)
    x = _opmath(a)
    return _emit((x * np.tanh(_softplus_np(x))).astype(a.dtype, copy=False), input, "MishBackward0", d)


def mish(input: Tensor, inplace: bool = False) -> Tensor:
    """``x * tanh(softplus(x))``."""
    return _maybe_inplace(_mish, input, inplace)


def sigmoid(input: Tensor) -> Tensor:
    """``1 / (1 + exp(-x))``."""
    return O.sigmoid(input)


def tanh(input: Tensor) -> Tensor:
    """Hyperbolic tangent."""
    return O.tanh(input)


def logsigmoid(input: Tensor) -> Tensor:
    """``log(sigmoid(x))``, computed stably."""
    a = _float_arr(input, "log_sigmoid_forward_cpu")
    r = np.minimum(a, 0) - np.log1p(np.exp(-np.abs(a)))
    return _emit(r.astype(a.dtype, copy=False), input, "LogSigmoidBackward0", lambda x: O.sigmoid(-x))


logsigmoid.__name__ = "log_sigmoid"


def _hardsigmoid(input: Tensor) -> Tensor:
    a = _float_arr(input, "hardsigmoid_cpu")
    r = np.minimum(np.maximum(a + 3.0, 0.0), 6.0) / 6.0
    return _emit(r.astype(a.dtype, copy=False), input, "HardsigmoidBackward0",
                 lambda x: _mask((x > -3.0) & (x < 3.0), x) / 6.0)


def hardsigmoid(input: Tensor, inplace: bool = False) -> Tensor:
    """``relu6(x + 3) / 6``."""
    return _maybe_inplace(_hardsigmoid, input, inplace)


def _hardswish(input: Tensor) -> Tensor:
    a = _float_arr(input, "hardswish_cpu")
    r = a * np.minimum(np.maximum(a + 3.0, 0.0), 6.0) / 6.0

    def d(x):
        return O.where(x >= 3.0, 1.0, O.where(x > -3.0, x / 3.0 + 0.5, 0.0))
    return _emit(r.astype(a.dtype, copy=False), input, "HardswishBackward0", d)


def hardswish(input: Tensor, inplace: bool = False) -> Tensor:
    """``x * relu6(x + 3) / 6``."""
    return _maybe_inplace(_hardswish, input, inplace)


def hardshrink(input: Tensor, lambd: float = 0.5) -> Tensor:
    """``x`` where ``|x| > lambd``, else 0."""
    a = _float_arr(input, "hardshrink_cpu")
    r = np.where((a >= -lambd) & (a <= lambd), np.zeros((), a.dtype), a)
    return _emit(r, input, "HardshrinkBackward0", lambda x: _mask((x < -lambd) | (x > lambd), x))


def softshrink(input: Tensor, lambd: float = 0.5) -> Tensor:
    """Shrink towards zero by ``lambd``; values inside ``[-lambd, lambd]`` become 0."""
    if lambd < 0:
        raise RuntimeError(f"lambda must be greater or equal to 0, but found to be {lambd}.")
    a = _float_arr(input, "softshrink_cpu")
    r = np.where(a > lambd, a - lambd, np.where(a < -lambd, a + lambd, np.zeros((), a.dtype)))
    return _emit(r.astype(a.dtype, copy=False), input, "SoftshrinkBackward0",
                 lambda x: _mask((x < -lambd) | (x > lambd), x))


def tanhshrink(input: Tensor) -> Tensor:
    """``x - tanh(x)``."""
    return input - input.tanh()


def softplus(input: Tensor, beta: float = 1.0, threshold: float = 20.0) -> Tensor:
    """``log(1 + exp(beta * x)) / beta``, linear where ``beta * x > threshold``."""
    a = _float_arr(input, "softplus_cpu")
    z = a * beta
    r = np.where(z > threshold, a, np.log1p(np.exp(z)) / beta)

    def d(x):
        xb = x * beta
        return O.where(xb > threshold, O.ones_like(x), O.sigmoid(xb))
    return _emit(r.astype(a.dtype, copy=False), input, "SoftplusBackward0", d)


def softsign(input: Tensor) -> Tensor:
    """``x / (1 + |x|)``."""
    return input / (input.abs() + 1)


def glu(input: Tensor, dim: int = -1) -> Tensor:
    """``a * sigmoid(b)`` where ``a`` and ``b`` are the two halves of ``input`` along ``dim``."""
    if input.dim() == 0:
        raise RuntimeError("glu does not support scalars because halving size must be even")
    d = dim + input.dim() if dim < 0 else dim
    if input.shape[d] % 2:
        raise RuntimeError(f"Halving dimension must be even, but dimension {d} is size {input.shape[d]}")
    a, b = input.chunk(2, d)
    return a * O.sigmoid(b)


def _get_softmax_dim(name: str, ndim: int, stacklevel: int) -> int:
    warnings.warn(f"Implicit dimension choice for {name} has been deprecated. Change the call to include dim=X "
                  "as an argument.", stacklevel=stacklevel)
    return 0 if ndim in (0, 1, 3) else 1


def softmax(input: Tensor, dim: int | None = None, _stacklevel: int = 3, dtype=None) -> Tensor:
    """``exp(x) / sum(exp(x))`` along ``dim``."""
    if dim is None:
        dim = _get_softmax_dim("softmax", input.dim(), _stacklevel)
    return O.softmax(input, dim, dtype=dtype)


def log_softmax(input: Tensor, dim: int | None = None, _stacklevel: int = 3, dtype=None) -> Tensor:
    """``log(softmax(x))`` along ``dim``, computed stably."""
    if dim is None:
        dim = _get_softmax_dim("log_softmax", input.dim(), _stacklevel)
    return O.log_softmax(input, dim, dtype=dtype)


def softmin(input: Tensor, dim: int | None = None, _stacklevel: int = 3, dtype=None) -> Tensor:
    """``softmax(-x)`` along ``dim``."""
    if dim is None:
        dim = _get_softmax_dim("softmin", input.dim(), _stacklevel)
    if dtype is not None:
        input = input.to(dtype)
    return O.softmax(-input, dim)


def gumbel_softmax(logits: Tensor, tau: float = 1, hard: bool = False, eps: float = 1e-10, dim: int = -1) -> Tensor:
    """Sample from the Gumbel-softmax distribution (straight-through one-hot with ``hard=True``)."""
    gumbels = -O.zeros_like(logits).exponential_().log()
    gumbels = (logits + gumbels) / tau
    y_soft = O.softmax(gumbels, dim)
    if hard:
        index = y_soft.max(dim, keepdim=True)[1]
        y_hard = O.zeros_like(logits).scatter_(dim, index, 1.0)
        return y_hard - y_soft.detach() + y_soft
    return y_soft


# =========================================================================================
# dropout
# =========================================================================================
def _check_p(p: float) -> None:
    if p < 0.0 or p > 1.0:
        raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")


def _empty_like_preserve(a: np.ndarray) -> np.ndarray:
    """``empty_like`` with torch's preserve_format: a dense permuted layout is kept (so random fills visit the
    same elements in the same order as torch), anything else becomes C-contiguous."""
    if a.ndim < 2 or a.flags.c_contiguous:
        return np.empty(a.shape, dtype=a.dtype)
    perm = sorted(range(a.ndim), key=lambda i: -a.strides[i])
    expected = a.itemsize
    for i in reversed(perm):
        if a.shape[i] != 1 and a.strides[i] != expected:
            return np.empty(a.shape, dtype=a.dtype)
        expected *= a.shape[i]
    return np.empty([a.shape[i] for i in perm], dtype=a.dtype).transpose(np.argsort(perm))


def _dropout_impl(input: Tensor, p: float, train: bool, inplace: bool, feature: bool, alpha: bool) -> Tensor:
    if p == 0 or not train or input.numel() == 0:
        return input
    if feature and input.dim() < 2:
        raise RuntimeError("Feature dropout requires at least 2 dimensions in the input")
    if p == 1:
        z = _wrap(np.zeros((), dtype=input._data.dtype))
        out = input.mul_(z) if inplace else input * z
        if alpha:
            return out.add_(z) if inplace else out + z
        return out
    shape = tuple(input.shape[:2]) + (1,) * (input.dim() - 2) if feature else tuple(input.shape)
    noise = _wrap(np.empty(shape, dtype=input._data.dtype) if feature else _empty_like_preserve(input._data))
    noise.bernoulli_(1 - p)
    b = None
    if alpha:
        al = 1.7580993408473766
        a = 1.0 / math.sqrt((al * al * p + 1) * (1 - p))
        b = noise.add(-1).mul_(al * a).add_(al * a * p)
        noise.mul_(a)
    else:
        noise.div_(1 - p)
    out = input.mul_(noise) if inplace else input * noise
    if alpha:
        out = out.add_(b) if inplace else out + b
    return out


def dropout(input: Tensor, p: float = 0.5, training: bool = True, inplace: bool = False) -> Tensor:
    """Zero each element with probability ``p`` while training and scale the rest by ``1 / (1 - p)``."""
    _check_p(p)
    return _dropout_impl(input, p, training, inplace, False, False)


def alpha_dropout(input: Tensor, p: float = 0.5, training: bool = False, inplace: bool = False) -> Tensor:
    """Dropout that keeps SELU's zero mean and unit variance."""
    _check_p(p)
    return _dropout_impl(input, p, training, inplace, False, True)


def feature_alpha_dropout(input: Tensor, p: float = 0.5, training: bool = False, inplace: bool = False) -> Tensor:
    """Alpha dropout of whole channels."""
    _check_p(p)
    return _dropout_impl(input, p, training, inplace, True, True)


def _feature_dropout_nd(input: Tensor, p: float, training: bool, inplace: bool, batched: bool) -> Tensor:
    if not batched:
        input = input.unsqueeze_(0) if inplace else input.unsqueeze(0)
    r = _dropout_impl(input, p, training, inplace, True, False)
    if not batched:
        r = r.squeeze_(0) if inplace else r.squeeze(0)
    return r


def dropout1d(input: Tensor, p: float = 0.5, training: bool = True, inplace: bool = False) -> Tensor:
    """Zero whole channels of a ``(N, C, L)`` or ``(C, L)`` input."""
    _check_p(p)
    nd = input.dim()
    if nd not in (2, 3):
        raise RuntimeError(f"dropout1d: Expected 2D or 3D input, but received a {nd}D input. Note that dropout1d "
                           "exists to provide channel-wise dropout on inputs with 1 spatial dimension, a channel "
                           "dimension, and an optional batch dimension (i.e. 2D or 3D inputs).")
    return _feature_dropout_nd(input, p, training, inplace, nd == 3)


def dropout2d(input: Tensor, p: float = 0.5, training: bool = True, inplace: bool = False) -> Tensor:
    """Zero whole channels of a ``(N, C, H, W)`` input."""
    _check_p(p)
    nd = input.dim()
    if nd not in (3, 4):
        warnings.warn(f"dropout2d: Received a {nd}-D input to dropout2d, which is deprecated and will result in an "
                      "error in a future release. To retain the behavior and silence this warning, please use "
                      "dropout instead. Note that dropout2d exists to provide channel-wise dropout on inputs with 2 "
                      "spatial dimensions, a channel dimension, and an optional batch dimension (i.e. 3D or 4D "
                      "inputs).", stacklevel=2)
    if nd == 3:
        warnings.warn("dropout2d: Received a 3D input to dropout2d and assuming that channel-wise 1D dropout "
                      "behavior is desired - input is interpreted as shape (N, C, L), where C is the channel dim. "
                      "This behavior will change in a future release to interpret the input as one without a "
                      "batch dimension, i.e. shape (C, H, W). To maintain the 1D channel-wise dropout behavior, "
                      "please switch to using dropout1d instead.", stacklevel=2)
    return _dropout_impl(input, p, training, inplace, True, False)


def dropout3d(input: Tensor, p: float = 0.5, training: bool = True, inplace: bool = False) -> Tensor:
    """Zero whole channels of a ``(N, C, D, H, W)`` input."""
    _check_p(p)
    nd = input.dim()
    if nd not in (4, 5):
        warnings.warn(f"dropout3d: Received a {nd}-D input to dropout3d, which is deprecated and will result in an "
                      "error in a future release. To retain the behavior and silence this warning, please use "
                      "dropout instead. Note that dropout3d exists to provide channel-wise dropout on inputs with 3 "
                      "spatial dimensions, a channel dimension, and an optional batch dimension (i.e. 4D or 5D "
                      "inputs).", stacklevel=2)
    return _feature_dropout_nd(input, p, training, inplace, nd == 5)


# =========================================================================================
# embeddings
# =========================================================================================
def _check_indices(indices: Tensor, fn: str) -> np.ndarray:
    a = indices._data
    if a.dtype not in (np.int64, np.int32):
        raise RuntimeError(f"Expected tensor for argument #1 'indices' to have one of the following scalar types: "
                           f"Long, Int; but got torch.{_tname(a)}Tensor instead (while checking arguments for {fn})")
    return a


def _renorm_rows(weight: Tensor, idx: np.ndarray, max_norm: float, norm_type: float) -> None:
    w = weight._data
    rows = np.unique(idx)
    if rows.size == 0:
        return
    if rows.min() < 0 or rows.max() >= w.shape[0]:
        raise IndexError("index out of range in self")
    sub = w[rows]
    if norm_type == math.inf:
        norms = np.abs(sub).max(axis=1)
    elif norm_type == 0:
        norms = (sub != 0).sum(axis=1).astype(w.dtype)
    elif norm_type == 2:
        norms = np.sqrt((sub * sub).sum(axis=1))
    elif norm_type == 1:
        norms = np.abs(sub).sum(axis=1)
    else:
        norms = (np.abs(sub) ** norm_type).sum(axis=1) ** (1.0 / norm_type)
    big = norms > max_norm
    if big.any():
        scale = (max_norm / (norms[big].astype(_f64) + 1e-7)).astype(w.dtype)
        w[rows[big]] = sub[big] * scale[:, None]
        weight._vc[0] += 1


class EmbeddingBackward0(Node):
    __slots__ = ("nw", "idx", "pad", "scale")

    def backward(self, g):
        dim = g.shape[-1]
        g2 = g.reshape(-1, dim)
        idx = self.idx
        if self.pad is not None:
            keep = np.flatnonzero(idx != self.pad)
            if keep.size != idx.size:
                g2 = g2.index_select(0, _wrap(keep))
                idx = idx[keep]
        if self.scale is not None:
            cnt = self.scale if isinstance(self.scale, np.ndarray) else np.bincount(idx, minlength=self.nw)
            g2 = g2 / _wrap(cnt[idx].astype(g2._data.dtype)[:, None])
        out = O.zeros(self.nw, dim, dtype=g.dtype)
        return (out.index_add(0, _wrap(idx), g2),)


def embedding(input: Tensor, weight: Tensor, padding_idx: int | None = None, max_norm: float | None = None,
              norm_type: float = 2.0, scale_grad_by_freq: bool = False, sparse: bool = False) -> Tensor:
    """Look up rows of ``weight`` by the integer ``input``."""
    nw = weight.shape[0]
    if padding_idx is not None:
        if padding_idx > 0 and padding_idx >= nw or padding_idx < 0 and padding_idx < -nw:
            raise AssertionError("Padding_idx must be within num_embeddings")
        if padding_idx < 0:
            padding_idx = nw + padding_idx
    idx = _check_indices(input, "embedding")
    if weight.dim() != 2:
        raise RuntimeError("'weight' must be 2-D")
    flat = idx.reshape(-1).astype(np.int64, copy=False)
    if flat.size and (flat.min() < 0 or flat.max() >= nw):
        raise IndexError("index out of range in self")
    if max_norm is not None:
        _renorm_rows(weight, flat, max_norm, norm_type)
    return _lookup(weight, flat, idx.shape, padding_idx, True if scale_grad_by_freq else None)


def _lookup(weight: Tensor, flat: np.ndarray, shape: tuple, padding_idx, scale) -> Tensor:
    r = _wrap(weight._data[flat].reshape(*shape, weight.shape[1]))
    if GRAD[0] and weight.requires_grad:
        n = EmbeddingBackward0()
        n.nw, n.idx, n.pad, n.scale = weight.shape[0], flat, padding_idx, scale
        record(r, n, weight)
    return r


def embedding_bag(input: Tensor, weight: Tensor, offsets: Tensor | None = None, max_norm: float | None = None,
                  norm_type: float = 2, scale_grad_by_freq: bool = False, mode: str = "mean", sparse: bool = False,
                  per_sample_weights: Tensor | None = None, include_last_offset: bool = False,
                  padding_idx: int | None = None) -> Tensor:
    """Sum, mean or max of the embeddings of each bag of indices (bags given by ``offsets`` or 2-D rows)."""
    if weight.dtype == D.int64 and input.is_floating_point():
        warnings.warn("Argument order of nn.functional.embedding_bag was changed. Usage `embedding_bag(weight, "
                      "input, ...)` is deprecated, and should now be `embedding_bag(input, weight, ...)`.",
                      stacklevel=2)
        weight, input = input, weight
    if per_sample_weights is not None and tuple(input.shape) != tuple(per_sample_weights.shape):
        raise ValueError(f"embedding_bag: If per_sample_weights ({per_sample_weights.shape}) is not None, then it "
                         f"must have the same shape as the input ({input.shape})")
    if weight.dim() != 2:
        raise ValueError(f"weight has to be a 2D Tensor, but got Tensor of dimension {weight.dim()}")
    if input.dim() == 2:
        if offsets is not None:
            raise ValueError("if input is 2D, then offsets has to be None, as input is treated is a mini-batch of "
                             f"fixed length sequences. However, found offsets of type {type(offsets)}")
        off = np.arange(0, input.numel(), input.shape[1]) if input.shape[1] else np.zeros(input.shape[0], np.int64)
        include_last_offset = False
        input = input.reshape(-1)
        if per_sample_weights is not None:
            per_sample_weights = per_sample_weights.reshape(-1)
    elif input.dim() == 1:
        if offsets is None:
            raise ValueError("offsets has to be a 1D Tensor but got None")
        if offsets.dim() != 1:
            raise ValueError("offsets has to be a 1D Tensor")
        off = offsets._data.astype(np.int64)
    else:
        raise ValueError(f"input has to be 1D or 2D Tensor, but got Tensor of dimension {input.dim()}")
    if mode not in ("sum", "mean", "max"):
        raise ValueError("mode has to be one of sum, mean or max")
    if mode == "max" and scale_grad_by_freq:
        raise ValueError("max mode does not support scaling the gradient by the frequency")
    if mode == "max" and sparse:
        raise ValueError("max mode does not support sparse weights")
    idx = _check_indices(input, "embedding_bag").astype(np.int64)
    nw = weight.shape[0]
    if padding_idx is not None:
        if padding_idx >= nw or padding_idx < -nw:
            raise RuntimeError(f"padding_idx must be within the number of embeddings, -{nw} through {nw - 1}, but "
                               f"got {padding_idx}")
        if padding_idx < 0:
            padding_idx += nw
    if max_norm is not None:
        _renorm_rows(weight, idx, max_norm, norm_type)
    if per_sample_weights is not None and mode != "sum":
        raise NotImplementedError(f"embedding_bag: per_sample_weights was not None. per_sample_weights is only "
                                  f"supported for mode='sum' (got mode='{mode}'). Please open a feature request on "
                                  "GitHub.")
    n_idx = idx.size
    if off.size and off[0] != 0:
        raise RuntimeError("offsets[0] has to be 0, i.e., the first sequence in the mini-batch has to start from "
                           f"position 0. However, got {off[0]}")
    if off.size and off[-1] > n_idx:
        raise RuntimeError(f"offsets[-1] can not be greater than input's length {n_idx} but got offsets[-1] of "
                           f"{off[-1]}")
    nbags = max(off.size - 1, 0) if include_last_offset else off.size
    pos = np.arange(n_idx)
    bag_of = np.searchsorted(off[:nbags], pos, side="right") - 1
    keep = bag_of >= 0
    if padding_idx is not None:
        keep &= idx != padding_idx
    kidx, kbag = idx[keep], bag_of[keep]
    dim = weight.shape[1]
    dt = weight._data.dtype
    if kidx.size and (kidx.min() < 0 or kidx.max() >= nw):
        raise IndexError("index out of range in self")
    freq = None
    if scale_grad_by_freq and idx.size:
        srt = np.sort(idx)
        uniq = np.unique(srt)
        cnt = np.bincount(idx, minlength=nw)
        freq = np.ones(nw, np.int64)
        freq[uniq] = cnt[srt[:uniq.size]]
    rows = _lookup(weight, kidx, kidx.shape, None, freq)
    if mode == "max":
        if kidx.size == 0:
            return O.zeros(nbags, dim, dtype=weight.dtype) + weight.sum() * 0
        vals = rows._data
        best = np.full((nbags, dim), -np.inf, dtype=dt)
        np.maximum.at(best, kbag, vals)
        cand = np.where(vals == best[kbag], np.arange(kidx.size)[:, None], kidx.size)
        first = np.full((nbags, dim), kidx.size, np.int64)
        np.minimum.at(first, kbag, cand)
        empty = first == kidx.size
        out = rows.gather(0, _wrap(np.where(empty, 0, first)))
        return out * _wrap((~empty).astype(dt)) if empty.any() else out
    if per_sample_weights is not None:
        psw = per_sample_weights
        if not keep.all():
            psw = psw.index_select(0, _wrap(np.flatnonzero(keep)))
        rows = rows * psw.unsqueeze(1)
    if mode == "mean":
        cnt = np.bincount(kbag, minlength=nbags).astype(dt)
        scale = np.where(cnt > 0, 1 / np.maximum(cnt, 1), 0).astype(dt)
        rows = rows * _wrap(scale[kbag][:, None])
    out = O.zeros(nbags, dim, dtype=weight.dtype)
    return out.index_add(0, _wrap(kbag), rows)


def one_hot(tensor: Tensor, num_classes: int = -1) -> Tensor:
    """Int64 one-hot encoding with a new last dimension of size ``num_classes``."""
    a = tensor._data
    if a.dtype != np.int64:
        raise RuntimeError("one_hot is only applicable to index tensor of type LongTensor.")
    if a.size and a.min() < 0:
        raise RuntimeError("Class values must be non-negative.")
    if num_classes == -1:
        if a.size == 0:
            raise RuntimeError("Can not infer total number of classes from empty tensor.")
        num_classes = int(a.max()) + 1
    elif a.size and a.max() >= num_classes:
        raise RuntimeError("Class values must be smaller than num_classes.")
    out = np.zeros(a.shape + (num_classes,), np.int64)
    np.put_along_axis(out, a[..., None], 1, axis=-1)
    return _wrap(out)


# =========================================================================================
# normalisation
# =========================================================================================
class _NormNode(Node):
    """Backward of an affine normalisation; stats are recomputed with tensor ops (double backward works)."""

    __slots__ = ("vshape", "axes", "wview", "eps", "train", "mean_c", "invstd_c")

    def backward(self, g):
        s = self.saved()
        x, w = s[0], (s[1] if len(s) > 1 else None)
        xs = x.shape
        xv, gv = x.reshape(self.vshape), g.reshape(self.vshape)
        ax = self.axes
        if self.train:
            xmu = xv - xv.mean(ax, keepdim=True)
            invstd = O.rsqrt((xmu * xmu).mean(ax, keepdim=True) + self.eps)
        else:
            xmu = xv - self.mean_c
            invstd = self.invstd_c
        xhat = xmu * invstd
        nx, nw = self.next[0], self.next[1]
        nb = self.next[2]
        waxes = tuple(i for i, n in enumerate(self.wview) if n == 1)
        gw = gb = gx = None
        if nw is not None:
            t = gv * xhat
            gw = (t.sum(waxes) if waxes else t).reshape(w.shape)
        if nb is not None:
            gb = (gv.sum(waxes) if waxes else gv).reshape(self.wview).reshape(-1)
            if w is not None:
                gb = gb.reshape(w.shape)
        if nx is not None:
            gh = gv * w.reshape(self.wview) if w is not None else gv
            if self.train:
                gx = invstd * (gh - gh.mean(ax, keepdim=True) - xhat * (gh * xhat).mean(ax, keepdim=True))
            else:
                gx = gh * invstd
            gx = gx.reshape(xs)
        return gx, gw, gb


def _norm_node_name(kind: str) -> type:
    cls = _NODE_CLASSES.get(kind)
    if cls is None:
        cls = _NODE_CLASSES[kind] = type(kind, (_NormNode,), {"__slots__": ()})
    return cls


def _affine_norm(input: Tensor, vshape: tuple, axes: tuple, wview: tuple, weight, bias, eps: float,
                 train: bool, node: str, mean=None, var=None, bshape: tuple | None = None):
    """Normalise ``input`` viewed as ``vshape`` over ``axes``; returns (out, batch mean, batch biased var)."""
    a = input._data
    dt = a.dtype
    xv = a.reshape(vshape)
    if dt == np.float16 and node != "NativeBatchNormBackward0":
        xv = xv.astype(np.float32)
        dt = xv.dtype
    if train:
        m = xv.mean(axis=axes, keepdims=True, dtype=_f64 if dt == np.float16 else None)
        xmu = xv - m.astype(dt)
        v = (xmu * xmu).mean(axis=axes, keepdims=True)
    else:
        m = mean
        v = var
        xmu = xv - m.astype(dt)
    invstd = (1.0 / np.sqrt(v + eps)).astype(dt)
    if weight is not None and dt != a.dtype:
        y = xmu * (invstd * weight._data.reshape(wview))
    else:
        y = xmu * invstd
        if weight is not None:
            y = y * weight._data.reshape(wview)
    if bias is not None:
        y = y + bias._data.reshape(bshape if bshape is not None else wview)
    y = y.reshape(a.shape).astype(a.dtype, copy=False)
    if node != "NativeBatchNormBackward0" and not y.flags.c_contiguous:
        y = np.ascontiguousarray(y)
    r = _wrap(y)
    if GRAD[0] and (input.requires_grad or (weight is not None and weight.requires_grad)
                    or (bias is not None and bias.requires_grad)):
        n = _norm_node_name(node)()
        n.vshape, n.axes, n.wview, n.eps, n.train = vshape, axes, wview, eps, train
        if not train:
            n.mean_c, n.invstd_c = _wrap(m.astype(dt)), _wrap(invstd)
        if weight is not None:
            n.save(input, weight)
        else:
            n.save(input)
        record(r, n, input, weight, bias)
    return r, m, v


def _check_len(t: Tensor | None, name: str, c: int) -> None:
    if t is not None and t.numel() != c:
        raise RuntimeError(f"{name} should contain {c} elements not {t.numel()}")


def _verify_batch_size(size) -> None:
    prod = size[0]
    for s in size[2:]:
        prod *= s
    if prod == 1:
        raise ValueError(f"Expected more than 1 value per channel when training, got input size {size}")


def batch_norm(input: Tensor, running_mean: Tensor | None, running_var: Tensor | None, weight: Tensor | None = None,
               bias: Tensor | None = None, training: bool = False, momentum: float = 0.1,
               eps: float = 1e-5) -> Tensor:
    """Normalise each channel (dim 1) with batch statistics (training) or the running ones (eval)."""
    if training:
        _verify_batch_size(input.size())
    if training and eps <= 0.0:
        raise ValueError(f"batch_norm eps must be positive during training, but got {eps}")
    if eps < 0.0:
        raise ValueError(f"batch_norm eps must be non-negative, but got {eps}")
    if input.dim() < 2:
        raise RuntimeError(f"batch_norm(): Expected input to have at least 2 dimensions, but got {input.dim()}")
    c = input.shape[1]
    for t, name in ((running_mean, "running_mean"), (running_var, "running_var"), (weight, "weight"),
                    (bias, "bias")):
        _check_len(t, name, c)
    nd = input.dim()
    axes = (0,) + tuple(range(2, nd))
    wview = (1, c) + (1,) * (nd - 2)
    shape = tuple(input.shape)
    if training:
        r, m, v = _affine_norm(input, shape, axes, wview, weight, bias, eps, True, "NativeBatchNormBackward0")
        if running_mean is not None or running_var is not None:
            n = input.numel() // c
            if running_mean is not None:
                rm = running_mean._data
                rm[...] = (momentum * m.reshape(-1) + (1 - momentum) * rm).astype(rm.dtype)
                running_mean._vc[0] += 1
            if running_var is not None:
                rv = running_var._data
                unbiased = v.reshape(-1) * (n / (n - 1)) if n > 1 else np.full(c, np.nan, v.dtype)
                rv[...] = (momentum * unbiased + (1 - momentum) * rv).astype(rv.dtype)
                running_var._vc[0] += 1
        return r
    if running_mean is None or running_var is None:
        raise RuntimeError("running_mean and running_var must be defined in evaluation mode")
    dt = input._data.dtype
    m = running_mean._data.astype(dt).reshape(wview)
    v = running_var._data.astype(dt).reshape(wview)
    return _affine_norm(input, shape, axes, wview, weight, bias, eps, False, "NativeBatchNormBackward0", m, v)[0]


def _verify_spatial_size(size) -> None:
    prod = 1
    for s in size[2:]:
        prod *= s
    if prod == 1:
        raise ValueError(f"Expected more than 1 spatial element when training, got input size {size}")


def instance_norm(input: Tensor, running_mean: Tensor | None = None, running_var: Tensor | None = None,
                  weight: Tensor | None = None, bias: Tensor | None = None, use_input_stats: bool = True,
                  momentum: float = 0.1, eps: float = 1e-5) -> Tensor:
    """Normalise each channel of each sample over its spatial dimensions."""
    if use_input_stats:
        _verify_spatial_size(input.size())
    nd = input.dim()
    nb, c = input.shape[0], input.shape[1]
    for t, name in ((weight, "weight"), (bias, "bias")):
        _check_len(t, name, c)
    axes = tuple(range(2, nd))
    wview = (1, c) + (1,) * (nd - 2)
    shape = tuple(input.shape)
    if use_input_stats:
        r, m, v = _affine_norm(input, shape, axes, wview, weight, bias, eps, True, "NativeBatchNormBackward0")
        n = input.numel() // (nb * c)
        if running_mean is not None:
            rm = running_mean._data
            rm[...] = ((momentum * m.reshape(nb, c) + (1 - momentum) * rm).mean(0)).astype(rm.dtype)
            running_mean._vc[0] += 1
        if running_var is not None:
            rv = running_var._data
            unbiased = v.reshape(nb, c) * (n / (n - 1)) if n > 1 else np.full((nb, c), np.nan, v.dtype)
            rv[...] = ((momentum * unbiased + (1 - momentum) * rv).mean(0)).astype(rv.dtype)
            running_var._vc[0] += 1
        return r
    if running_mean is None or running_var is None:
        raise RuntimeError("Expected running_mean and running_var to be defined when use_input_stats is false")
    dt = input._data.dtype
    m = running_mean._data.astype(dt).reshape(wview)
    v = running_var._data.astype(dt).reshape(wview)
    return _affine_norm(input, shape, axes, wview, weight, bias, eps, False, "NativeBatchNormBackward0", m, v)[0]


def _norm_shape(normalized_shape) -> tuple:
    if isinstance(normalized_shape, numbers.Integral):
        return (int(normalized_shape),)
    return tuple(int(s) for s in normalized_shape)


def layer_norm(input: Tensor, normalized_shape, weight: Tensor | None = None, bias: Tensor | None = None,
               eps: float = 1e-5) -> Tensor:
    """Normalise over the trailing ``normalized_shape`` dimensions, then scale and shift elementwise."""
    ns = _norm_shape(normalized_shape)
    k = len(ns)
    if k == 0:
        raise RuntimeError("Expected normalized_shape to be at least 1-dimensional, i.e., containing at least one "
                           "element, but got normalized_shape = []")
    for t, name in ((weight, "weight"), (bias, "bias")):
        if t is not None and tuple(t.shape) != ns:
            raise RuntimeError(f"Expected {name} to be of same shape as normalized_shape, but got {name} of shape "
                               f"{list(t.shape)} and normalized_shape = {list(ns)}")
    shape = tuple(input.shape)
    if len(shape) < k or shape[-k:] != ns:
        raise RuntimeError(f"Given normalized_shape={list(ns)}, expected input with shape [*, "
                           f"{', '.join(map(str, ns))}], but got input of size{list(shape)}")
    nd = len(shape)
    axes = tuple(range(nd - k, nd))
    wview = (1,) * (nd - k) + ns
    return _affine_norm(input, shape, axes, wview, weight, bias, eps, True, "NativeLayerNormBackward0")[0]


def group_norm(input: Tensor, num_groups: int, weight: Tensor | None = None, bias: Tensor | None = None,
               eps: float = 1e-5) -> Tensor:
    """Normalise over groups of channels (and all spatial positions) of each sample."""
    if input.dim() < 2:
        raise RuntimeError(f"Expected at least 2 dimensions for input tensor but received {input.dim()}")
    nb, c = input.shape[0], input.shape[1]
    if c % num_groups:
        raise RuntimeError(f"Expected number of channels in input to be divisible by num_groups, but got input of "
                           f"shape {list(input.shape)} and num_groups={num_groups}")
    _verify_batch_size([nb * c // num_groups, num_groups] + list(input.shape[2:]))
    for t, name in ((weight, "weight"), (bias, "bias")):
        if t is not None and (t.dim() != 1 or t.numel() != c):
            raise RuntimeError(f"Expected {name} to be a vector of size equal to the number of channels in input, "
                               f"but got {name} of shape {list(t.shape)} and input of shape {list(input.shape)}")
    s = int(np.prod(input.shape[2:])) if input.dim() > 2 else 1
    vshape = (nb, num_groups, c // num_groups, s)
    wview = (1, num_groups, c // num_groups, 1)
    return _affine_norm(input, vshape, (2, 3), wview, weight, bias, eps, True, "NativeGroupNormBackward0")[0]


def rms_norm(input: Tensor, normalized_shape, weight: Tensor | None = None, eps: float | None = None) -> Tensor:
    """``x / sqrt(mean(x^2) + eps) * weight`` over the trailing ``normalized_shape`` dimensions."""
    ns = _norm_shape(normalized_shape)
    k = len(ns)
    shape = tuple(input.shape)
    if len(shape) < k or shape[len(shape) - k:] != ns:
        raise RuntimeError(f"Given normalized_shape={list(ns)}, expected input with shape [*"
                           f"{', '.join(map(str, ns))}], but got input of size{list(shape)}")
    if weight is not None and tuple(weight.shape) != ns:
        raise RuntimeError(f"Expected weight to be of same shape as normalized_shape, but got weight of shape "
                           f"{list(weight.shape)} and normalized_shape = {list(ns)}")
    if eps is None:
        eps = float(np.finfo(np.float64).eps) if input._data.dtype == np.float64 else 1.1920928955078125e-07
    dims = tuple(range(-k, 0))
    x = input.float() if input._data.dtype == np.float16 else input
    r = x * O.rsqrt(x.pow(2).mean(dims, keepdim=True) + eps)
    if x is not input:
        return (r if weight is None else r * weight).type_as(input)
    return r * weight if weight is not None else r


def local_response_norm(input: Tensor, size: int, alpha: float = 1e-4, beta: float = 0.75, k: float = 1.0) -> Tensor:
    """Normalise each position by the energy of ``size`` neighbouring channels."""
    nd = input.dim()
    if nd < 3:
        raise ValueError(f"Expected 3D or higher dimensionality                          input (got {nd} dimensions)")
    if input.numel() == 0:
        return input
    div = input.mul(input)
    c = input.shape[1]
    padded = pad(div, (0, 0) * (nd - 2) + (size // 2, (size - 1) // 2))
    acc = padded.narrow(1, 0, c)
    for i in range(1, size):
        acc = acc + padded.narrow(1, i, c)
    div = (acc / size).mul(alpha).add(k).pow(beta)
    return input / div


def normalize(input: Tensor, p: float = 2.0, dim: int = 1, eps: float = 1e-12, out: Tensor | None = None) -> Tensor:
    """``x / max(||x||_p, eps)`` along ``dim``."""
    denom = input.norm(p, dim, keepdim=True).clamp_min(eps).expand_as(input)
    if out is None:
        return input / denom
    return O.div(input, denom, out=out)


# =========================================================================================
# padding
# =========================================================================================
class ConstantPadNdBackward0(Node):
    __slots__ = ("pad",)

    def backward(self, g):
        return (_constant_pad(g, tuple(-p for p in self.pad), 0.0),)


def _constant_pad(input: Tensor, pad: tuple, value) -> Tensor:
    a = input._data
    nd = a.ndim
    k = len(pad) // 2
    sl = [slice(None)] * nd
    widths = [(0, 0)] * nd
    for i in range(k):
        d = nd - 1 - i
        lo, hi = pad[2 * i], pad[2 * i + 1]
        size = a.shape[d]
        if size + lo + hi < 0:
            raise RuntimeError(f"The input size {size}, plus negative padding {lo} and {hi} resulted in a negative "
                               f"output size, which is invalid. Check dimension {d} of your input.")
        sl[d] = slice(max(-lo, 0), size - max(-hi, 0))
        widths[d] = (max(lo, 0), max(hi, 0))
    core = a[tuple(sl)]
    if a.dtype.kind == "b":
        fill = builtins.bool(value)
    elif a.dtype.kind in "iu":
        fill = int(value)
    else:
        fill = value
    r = _wrap(np.pad(core, widths, mode="constant", constant_values=fill))
    if GRAD[0] and input.requires_grad:
        n = ConstantPadNdBackward0()
        n.pad = tuple(pad)
        record(r, n, input)
    return r


_NONCONST_MSG = ("Padding size {n} is not supported for {d}D input tensor.\nSupported combinations for non-constant "
                 "padding:\n  - 2D or 3D input: padding size = 2 (pads last dimension)\n  - 3D or 4D input: padding "
                 "size = 4 (pads last 2 dimensions)\n  - 4D or 5D input: padding size = 6 (pads last 3 dimensions)")


def pad(input: Tensor, pad, mode: str = "constant", value: float | None = None) -> Tensor:
    """Pad the last ``len(pad) // 2`` dimensions (``pad`` lists (left, right) pairs from the last dim backwards).

    Modes: ``'constant'`` (fill with ``value``; negative pads crop), ``'reflect'``, ``'replicate'``, ``'circular'``.
    """
    pad = tuple(int(p) for p in pad)
    nd = input.dim()
    if len(pad) % 2:
        raise RuntimeError("Padding length must be divisible by 2")
    if len(pad) // 2 > nd:
        raise RuntimeError(f"Padding length should be less than or equal to two times the input dimension but got "
                           f"padding length {len(pad)} and input of dimension {nd}")
    if mode == "constant":
        return _constant_pad(input, pad, 0.0 if value is None else value)
    if mode not in ("reflect", "replicate", "circular"):
        raise NotImplementedError(f"Unrecognised padding mode {mode}")
    if value is not None and value != 0:
        raise RuntimeError(f'Padding mode "{mode}" doesn\'t take in value argument')
    k = len(pad) // 2
    if k not in (1, 2, 3) or nd not in (k + 1, k + 2):
        raise NotImplementedError(_NONCONST_MSG.format(n=len(pad), d=nd))
    out = input
    for i in range(k):
        d = nd - 1 - i
        lo, hi = pad[2 * i], pad[2 * i + 1]
        size = input.shape[d]
        if mode == "reflect":
            if lo >= size or hi >= size:
                raise RuntimeError(f"Argument #4: Padding size should be less than the corresponding input dimension, "
                                   f"but got: padding ({lo}, {hi}) at dimension {d} of input {list(input.shape)}")
            j = np.arange(-lo, size + hi)
            j = np.abs(j)
            j = np.where(j > size - 1, 2 * (size - 1) - j, j)
        elif mode == "replicate":
            if size == 0:
                raise RuntimeError(f"Expected input's dimension {d} to be non-zero for replicate padding")
            j = np.clip(np.arange(-lo, size + hi), 0, size - 1)
        else:
            if lo > size or hi > size:
                raise RuntimeError("Padding value causes wrapping around more than once.")
            if size + lo + hi < 0:
                raise RuntimeError("Negative padding value is resulting in an empty dimension.")
            m = size - max(-lo, 0) - max(-hi, 0)
            j = max(-lo, 0) + (np.arange(size + lo + hi) - max(lo, 0)) % max(m, 1)
        out = out.index_select(d, _wrap(j.astype(np.int64)))
    return out


# =========================================================================================
# distances and attention
# =========================================================================================
def cosine_similarity(x1: Tensor, x2: Tensor, dim: int = 1, eps: float = 1e-8) -> Tensor:
    """``x1 . x2 / (max(||x1||, eps) * max(||x2||, eps))`` along ``dim``."""
    if not x1.is_floating_point():
        x1 = x1.to(D.get_default_dtype())
    if not x2.is_floating_point():
        x2 = x2.to(D.get_default_dtype())
    shape = None
    if tuple(x1.shape) != tuple(x2.shape):
        try:
            shape = np.broadcast_shapes(tuple(x1.shape), tuple(x2.shape))
        except ValueError:
            O._bc_error(x1._data, x2._data)
        x1, x2 = x1.expand(*shape), x2.expand(*shape)
    n1 = x1.norm(2, dim, keepdim=True).clone()
    n2 = x2.norm(2, dim, keepdim=True).clone()
    with no_grad():
        n1.clamp_min_(eps)
        n2.clamp_min_(eps)
    return ((x1 / n1) * (x2 / n2)).sum(dim)


def _broadcast_err(a: Tensor, b: Tensor) -> None:
    try:
        np.broadcast_shapes(tuple(a.shape), tuple(b.shape))
    except ValueError:
        sa, sb = list(a.shape), list(b.shape)
        for i in range(1, max(len(sa), len(sb)) + 1):
            x = sa[-i] if i <= len(sa) else 1
            y = sb[-i] if i <= len(sb) else 1
            if x != y and x != 1 and y != 1:
                raise RuntimeError(f"The size of tensor a ({x}) must match the size of tensor b ({y}) at "
                                   f"non-singleton dimension {max(len(sa), len(sb)) - i}") from None


def pairwise_distance(x1: Tensor, x2: Tensor, p: float = 2.0, eps: float = 1e-6, keepdim: bool = False) -> Tensor:
    """``||x1 - x2 + eps||_p`` along the last dimension."""
    _broadcast_err(x1, x2)
    last = max(x1.dim(), x2.dim()) - 1
    return (x1 - x2 + eps).norm(p, last, keepdim=keepdim)


def pdist(input: Tensor, p: float = 2) -> Tensor:
    """p-norm distances between every pair of rows (upper triangle, row-major)."""
    if input.dim() != 2:
        raise RuntimeError(f"pdist only supports 2D tensors, got: {input.dim()}D")
    n = input.shape[0]
    i, j = np.triu_indices(n, 1)
    if i.size == 0:
        return O.zeros(0, dtype=input.dtype)
    a = input.index_select(0, _wrap(i.astype(np.int64)))
    b = input.index_select(0, _wrap(j.astype(np.int64)))
    return (a - b).norm(p, 1)


def scaled_dot_product_attention(query: Tensor, key: Tensor, value: Tensor, attn_mask: Tensor | None = None,
                                 dropout_p: float = 0.0, is_causal: bool = False, scale: float | None = None,
                                 enable_gqa: bool = False) -> Tensor:
    """``softmax(Q K^T * scale + mask) V`` with optional causal masking and dropout on the weights."""
    L, S = query.shape[-2], key.shape[-2]
    sf = 1 / math.sqrt(query.shape[-1]) if scale is None else scale
    dt = query._data.dtype
    bias = np.zeros((L, S), dtype=dt)
    if is_causal:
        if attn_mask is not None:
            raise RuntimeError("_scaled_dot_product_attention: Explicit attn_mask should not be set when "
                               "is_causal=True")
        bias = np.where(np.tril(np.ones((L, S), bool)), bias, -np.inf).astype(dt)
    bias_t = _wrap(bias)
    if attn_mask is not None:
        if attn_mask.dtype == D.bool:
            bias_t = _wrap(np.where(attn_mask._data, bias, -np.inf).astype(dt))
        else:
            bias_t = attn_mask + bias_t
    if enable_gqa:
        hq, hk = query.shape[-3], key.shape[-3]
        if hq != hk:
            key = key.repeat_interleave(hq // hk, -3)
            value = value.repeat_interleave(hq // value.shape[-3], -3)
    w = O.matmul(query, key.transpose(-2, -1)) * sf
    w = w + bias_t
    dead = np.isneginf(w._data).all(axis=-1, keepdims=True) if w._data.size else None
    if dead is not None and dead.any():
        dead_t = _wrap(np.broadcast_to(dead, w.shape))
        w = O.where(dead_t, 0.0, O.softmax(O.where(dead_t, 0.0, w), -1))
    else:
        w = O.softmax(w, -1)
    if dropout_p > 0.0:
        w = dropout(w, dropout_p, True)
    return O.matmul(w, value)


# =========================================================================================
# channel shuffle (pixel_shuffle/pixel_unshuffle come from _functional_conv)
# =========================================================================================
def channel_shuffle(input: Tensor, groups: int) -> Tensor:
    """Split channels into ``groups`` and interleave them."""
    if groups <= 0:
        raise RuntimeError(f"Number of groups to divide channels in must be positive. Value of groups:{groups}")
    n, c = input.shape[0], input.shape[1]
    if c % groups:
        raise RuntimeError(f"Number of channels must be divisible by groups. Got {c} channels and {groups} groups.")
    rest = tuple(input.shape[2:])
    return input.reshape(n, groups, c // groups, *rest).transpose(1, 2).reshape(n, c, *rest)


native_channel_shuffle = channel_shuffle


# =========================================================================================
# multi-head attention
# =========================================================================================
def _none_or_dtype(input: Tensor | None):
    if input is None:
        return None
    if isinstance(input, Tensor):
        return input.dtype
    raise RuntimeError("input to _none_or_dtype() must be None or torch.Tensor")


def _canonical_mask(mask: Tensor | None, mask_name: str, other_type, other_name: str, target_type,
                    check_other: bool = True) -> Tensor | None:
    """A bool mask becomes an additive float mask (``-inf`` where True); warns when its dtype differs from the
    other mask's; masks that are neither bool nor floating are rejected."""
    if mask is None:
        return None
    is_float = mask.is_floating_point()
    if mask.dtype != D.bool and not is_float:
        raise AssertionError(f"only bool and floating types of {mask_name} are supported")
    if check_other and other_type is not None and mask.dtype != other_type:
        warnings.warn(f"Support for mismatched {mask_name} and {other_name} is deprecated. Use same type for both "
                      "instead.", stacklevel=3)
    if not is_float:
        target = target_type.np if hasattr(target_type, "np") else np.dtype(target_type)
        mask = _wrap(np.where(mask._data, -np.inf, 0.0).astype(target))
    return mask


def multi_head_attention_forward(query: Tensor, key: Tensor, value: Tensor, embed_dim_to_check: int, num_heads: int,
                                 in_proj_weight: Tensor | None, in_proj_bias: Tensor | None,
                                 bias_k: Tensor | None, bias_v: Tensor | None, add_zero_attn: bool,
                                 dropout_p: float, out_proj_weight: Tensor, out_proj_bias: Tensor | None,
                                 training: bool = True, key_padding_mask: Tensor | None = None,
                                 need_weights: bool = True, attn_mask: Tensor | None = None,
                                 use_separate_proj_weight: bool = False, q_proj_weight: Tensor | None = None,
                                 k_proj_weight: Tensor | None = None, v_proj_weight: Tensor | None = None,
                                 static_k: Tensor | None = None, static_v: Tensor | None = None,
                                 average_attn_weights: bool = True, is_causal: bool = False):
    """The computation behind ``nn.MultiheadAttention`` (inputs ``(L, N, E)`` or unbatched ``(L, E)``)."""
    batched = query.dim() == 3
    if not batched:
        query, key, value = query.unsqueeze(1), key.unsqueeze(1), value.unsqueeze(1)
        if key_padding_mask is not None:
            key_padding_mask = key_padding_mask.unsqueeze(0)
    tgt_len, bsz, embed_dim = query.shape
    src_len = key.shape[0]
    key_padding_mask = _canonical_mask(key_padding_mask, "key_padding_mask", _none_or_dtype(attn_mask), "attn_mask",
                                       query.dtype)
    if attn_mask is not None:
        attn_mask = _canonical_mask(attn_mask, "attn_mask", None, "", query.dtype, check_other=False)
    if embed_dim != embed_dim_to_check:
        raise AssertionError(f"was expecting embedding dimension of {embed_dim_to_check}, but got {embed_dim}")
    head_dim = embed_dim // num_heads
    if head_dim * num_heads != embed_dim:
        raise AssertionError(f"embed_dim {embed_dim} not divisible by num_heads {num_heads}")
    if is_causal and attn_mask is None:
        raise RuntimeError("Need attn_mask if specifying the is_causal hint. You may use the Transformer module "
                           "method `generate_square_subsequent_mask` to create this mask.")
    if not use_separate_proj_weight:
        wq, wk, wv = in_proj_weight.chunk(3)
    else:
        wq, wk, wv = q_proj_weight, k_proj_weight, v_proj_weight
    bq = bk = bv = None
    if in_proj_bias is not None:
        bq, bk, bv = in_proj_bias.chunk(3)
    q = linear(query, wq, bq)
    k = linear(key, wk, bk)
    v = linear(value, wv, bv)
    if attn_mask is not None:
        if attn_mask.dtype == D.bool:
            attn_mask = _wrap(np.where(attn_mask._data, -np.inf, 0.0).astype(q._data.dtype))
        if attn_mask.dim() == 2:
            if tuple(attn_mask.shape) != (tgt_len, src_len):
                raise RuntimeError(f"The shape of the 2D attn_mask is {attn_mask.shape}, but should be "
                                   f"{(tgt_len, src_len)}.")
            attn_mask = attn_mask.unsqueeze(0)
        elif attn_mask.dim() == 3:
            if tuple(attn_mask.shape) != (bsz * num_heads, tgt_len, src_len):
                raise RuntimeError(f"The shape of the 3D attn_mask is {attn_mask.shape}, but should be "
                                   f"{(bsz * num_heads, tgt_len, src_len)}.")
        else:
            raise RuntimeError(f"attn_mask's dimension {attn_mask.dim()} is not supported")
    if bias_k is not None and bias_v is not None:
        k = O.cat([k, bias_k.repeat(1, bsz, 1)])
        v = O.cat([v, bias_v.repeat(1, bsz, 1)])
        if attn_mask is not None:
            attn_mask = pad(attn_mask, (0, 1))
        if key_padding_mask is not None:
            key_padding_mask = pad(key_padding_mask, (0, 1))
    q = q.reshape(tgt_len, bsz * num_heads, head_dim).transpose(0, 1)
    k = (k.reshape(k.shape[0], bsz * num_heads, head_dim).transpose(0, 1) if static_k is None else static_k)
    v = (v.reshape(v.shape[0], bsz * num_heads, head_dim).transpose(0, 1) if static_v is None else static_v)
    if add_zero_attn:
        k = O.cat([k, O.zeros(bsz * num_heads, 1, head_dim, dtype=k.dtype)], 1)
        v = O.cat([v, O.zeros(bsz * num_heads, 1, head_dim, dtype=v.dtype)], 1)
        if attn_mask is not None:
            attn_mask = pad(attn_mask, (0, 1))
        if key_padding_mask is not None:
            key_padding_mask = pad(key_padding_mask, (0, 1))
    src_len = k.shape[1]
    if key_padding_mask is not None:
        kpm = key_padding_mask
        if kpm.dtype == D.bool:
            kpm = _wrap(np.where(kpm._data, -np.inf, 0.0).astype(q._data.dtype))
        kpm = kpm.reshape(bsz, 1, 1, src_len).expand(-1, num_heads, -1, -1).reshape(bsz * num_heads, 1, src_len)
        attn_mask = kpm if attn_mask is None else attn_mask + kpm
    if not training:
        dropout_p = 0.0
    if need_weights:
        qs = q * math.sqrt(1.0 / head_dim)
        if attn_mask is not None:
            w = O.baddbmm(attn_mask, qs, k.transpose(-2, -1))
        else:
            w = O.bmm(qs, k.transpose(-2, -1))
        w = O.softmax(w, -1)
        if dropout_p > 0.0:
            w = dropout(w, dropout_p)
        out = O.bmm(w, v)
        out = out.transpose(0, 1).reshape(tgt_len * bsz, embed_dim)
        out = linear(out, out_proj_weight, out_proj_bias).reshape(tgt_len, bsz, out.shape[1])
        w = w.reshape(bsz, num_heads, tgt_len, src_len)
        if average_attn_weights:
            w = w.mean(1)
        if not batched:
            out, w = out.squeeze(1), w.squeeze(0)
        return out, w
    if attn_mask is not None:
        attn_mask = attn_mask.reshape(bsz, num_heads, -1, src_len) if attn_mask.shape[0] != 1 or attn_mask.dim() != 3 \
            else attn_mask.unsqueeze(0)
    q = q.reshape(bsz, num_heads, tgt_len, head_dim)
    k = k.reshape(bsz, num_heads, src_len, head_dim)
    v = v.reshape(bsz, num_heads, src_len, head_dim)
    out = scaled_dot_product_attention(q, k, v, attn_mask, dropout_p, is_causal and attn_mask is None)
    out = out.permute(2, 0, 1, 3).reshape(bsz * tgt_len, embed_dim)
    out = linear(out, out_proj_weight, out_proj_bias).reshape(tgt_len, bsz, out.shape[1])
    if not batched:
        out = out.squeeze(1)
    return out, None


# =========================================================================================
# convolution / pooling and losses (written in sibling files)
# =========================================================================================
from ._functional_conv import *  # noqa: E402,F403
from ._functional_conv import __all__ as _conv_all  # noqa: E402
from ._functional_loss import *  # noqa: E402,F403
from ._functional_loss import __all__ as _loss_all  # noqa: E402

from ._functional_grid import affine_grid, grid_sample  # noqa: E402
from ._functional_fractional import (fractional_max_pool2d, fractional_max_pool2d_with_indices,  # noqa: E402
                                    fractional_max_pool3d, fractional_max_pool3d_with_indices)
__all__ += [n for n in _conv_all + _loss_all if n not in __all__]
__all__ += ["affine_grid", "grid_sample", "fractional_max_pool2d", "fractional_max_pool2d_with_indices",
            "fractional_max_pool3d", "fractional_max_pool3d_with_indices"]
