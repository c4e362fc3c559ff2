"""The loss functions of ``torch.nn.functional``.

The hot losses (cross_entropy with class indices, nll_loss, mse_loss, l1_loss, smooth_l1_loss, huber_loss,
binary_cross_entropy(_with_logits), ctc_loss) are single fused ``autograd.Function`` nodes computing forward and
backward on NumPy arrays; the others are composed from differentiable tensor ops.
"""
from __future__ import annotations

import math
import warnings
from collections.abc import Callable

import numpy as np

import gradkit as _gk

from .._tensor import Tensor, _wrap
from ..autograd import ops as _O
from ..autograd.function import Function
from ..autograd.grad_mode import GRAD
from . import _reduction as _Reduction

__all__ = [
    "l1_loss", "mse_loss", "cross_entropy", "nll_loss", "poisson_nll_loss", "gaussian_nll_loss", "kl_div",
    "binary_cross_entropy", "binary_cross_entropy_with_logits", "hinge_embedding_loss", "multilabel_margin_loss",
    "smooth_l1_loss", "huber_loss", "soft_margin_loss", "multilabel_soft_margin_loss", "cosine_embedding_loss",
    "margin_ranking_loss", "multi_margin_loss", "triplet_margin_loss", "triplet_margin_with_distance_loss",
    "ctc_loss", "linear_cross_entropy",
]

_DT_NAMES = {"float32": "Float", "float64": "Double", "float16": "Half", "int64": "Long", "int32": "Int",
             "int16": "Short", "int8": "Char", "uint8": "Byte", "bool": "Bool"}


def _dtname(a: np.ndarray) -> str:
    return _DT_NAMES.get(a.dtype.name, a.dtype.name)


def _size(shape) -> str:
    return f"torch.Size({list(shape)})"


def _legacy(size_average, reduce, reduction: str) -> str:
    if size_average is not None or reduce is not None:
        return _Reduction.legacy_get_string(size_average, reduce)
    return reduction


def _check_reduction(reduction: str) -> str:
    _Reduction.get_enum(reduction)
    return "mean" if reduction == "elementwise_mean" else reduction


def _reduce(loss: Tensor, reduction: str) -> Tensor:
    if reduction == "none":
        return loss
    if reduction == "sum":
        return loss.sum()
    return loss.mean()


def _no_weight_grad(fn_name: str, arg: str, t) -> None:
    if t is not None and GRAD[0] and t.requires_grad:
        raise RuntimeError(f"The function '{fn_name}' is not differentiable with respect to argument '{arg}'. "
                           "This input cannot have requires_grad True.")


def _sum_to(g: np.ndarray, shape: tuple) -> np.ndarray:
    """Sum a broadcast gradient back down to ``shape``."""
    if g.shape == shape:
        return g
    lead = g.ndim - len(shape)
    if lead:
        g = g.sum(axis=tuple(range(lead)))
    axes = tuple(i for i, n in enumerate(shape) if n == 1 and g.shape[i] != 1)
    if axes:
        g = g.sum(axis=axes, keepdims=True)
    return g.reshape(shape)


def _sum_to_t(g: Tensor, shape: tuple) -> Tensor:
    """Tensor-op version of ``_sum_to`` (keeps the graph for double backward)."""
    if tuple(g.shape) == tuple(shape):
        return g
    lead = g.dim() - len(shape)
    if lead:
        g = g.sum(tuple(range(lead)))
    axes = tuple(i for i, n in enumerate(shape) if n == 1 and g.shape[i] != 1)
    if axes:
        g = g.sum(axes, keepdim=True)
    return g.reshape(shape)


def _mean_of(a: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):
        s = a.sum()
        return np.asarray(s / a.dtype.type(a.size) if a.size else a.dtype.type(np.nan), dtype=a.dtype)


def _result_dtype(*arrs) -> np.dtype:
    return np.result_type(*[a for a in arrs if a is not None])


def _size_warning(input: Tensor, target: Tensor) -> None:
    if tuple(target.shape) != tuple(input.shape):
        warnings.warn(f"Using a target size ({_size(target.shape)}) that is different to the input size "
                      f"({_size(input.shape)}). This will likely lead to incorrect results due to broadcasting. "
                      "Please ensure they have the same size.", stacklevel=3)


def _broadcast_shape(*shapes) -> tuple:
    try:
        return np.broadcast_shapes(*shapes)
    except ValueError:
        a, b = shapes[0], shapes[1]
        n = max(len(a), len(b))
        pa, pb = (1,) * (n - len(a)) + tuple(a), (1,) * (n - len(b)) + tuple(b)
        for i in range(n - 1, -1, -1):
            if pa[i] != pb[i] and pa[i] != 1 and pb[i] != 1:
                raise RuntimeError(f"The size of tensor a ({pa[i]}) must match the size of tensor b ({pb[i]}) at "
                                   f"non-singleton dimension {i}") from None
        raise


# --------------------------------------------------------------------------------------------------------------
# Fused pointwise regression losses: mse, l1, smooth_l1, huber.
# --------------------------------------------------------------------------------------------------------------

def _pointwise_fwd(kind: str, d: np.ndarray, param: float) -> np.ndarray:
    if kind == "mse":
        return d * d
    if kind == "l1":
        return np.abs(d)
    z = np.abs(d)
    if kind == "smooth_l1":
        return np.where(z < param, (0.5 * z * z) / param if param else z, z - 0.5 * param)
    return np.where(z < param, 0.5 * d * d, param * (z - 0.5 * param))


def _pointwise_bwd(kind: str, d: np.ndarray, param: float) -> np.ndarray:
    if kind == "mse":
        return 2 * d
    if kind == "l1":
        return np.sign(d)
    if kind == "smooth_l1":
        return np.where(d < -param, -1, np.where(d > param, 1, d / param if param else d)).astype(d.dtype)
    return np.where(d < -param, -param, np.where(d > param, param, d)).astype(d.dtype)


class _PointwiseLoss(Function):
    @staticmethod
    def forward(ctx, input, target, kind, reduction, param):
        x, t = input._data, target._data
        if kind == "huber":
            dt = x.dtype
        else:
            fl = [a.dtype for a in (x, t) if a.dtype.kind == "f"]
            dt = np.result_type(*fl) if fl else x.dtype
        d = x.astype(dt, copy=False) - t.astype(dt, copy=False)
        loss = _pointwise_fwd(kind, d, param)
        ctx.kind, ctx.reduction, ctx.param = kind, reduction, param
        ctx.shapes = (x.shape, t.shape)
        ctx.d = d
        ctx.save_for_backward(input, target)
        if reduction == "none":
            return _wrap(loss)
        if reduction == "sum":
            return _wrap(np.asarray(loss.sum(), dtype=loss.dtype))
        return _wrap(_mean_of(loss))

    @staticmethod
    def backward(ctx, grad):
        if GRAD[0]:
            input, target = ctx.saved_tensors
            return _PointwiseLoss._backward_graph(ctx, grad, input, target)
        d = ctx.d
        g = grad._data
        local = _pointwise_bwd(ctx.kind, d, ctx.param)
        if ctx.reduction == "mean":
            g = g / d.dtype.type(d.size) if d.size else g
        gi = local * g
        xs, ts = ctx.shapes
        input, target = ctx.saved_tensors
        gx = _wrap(_sum_to(gi, xs).astype(input._data.dtype, copy=False)) if ctx.needs_input_grad[0] else None
        gt = _wrap(_sum_to(-gi, ts).astype(target._data.dtype, copy=False)) if ctx.needs_input_grad[1] else None
        return gx, gt, None, None, None

    @staticmethod
    def _backward_graph(ctx, grad, input, target):
        d = input - target
        kind, p = ctx.kind, ctx.param
        if kind == "mse":
            local = 2 * d
        elif kind == "l1":
            local = _gk.sign(d)
        else:
            inner = d / p if kind == "smooth_l1" else d
            hi = 1.0 if kind == "smooth_l1" else p
            local = _gk.where(d < -p, -hi, _gk.where(d > p, hi, inner))
        n = ctx.d.size
        g = grad / n if ctx.reduction == "mean" and n else grad
        gi = local * g
        xs, ts = ctx.shapes
        gx = _sum_to_t(gi, xs) if ctx.needs_input_grad[0] else None
        gt = _sum_to_t(-gi, ts) if ctx.needs_input_grad[1] else None
        return gx, gt, None, None, None


_KERNEL = {"mse": "mse_cpu", "smooth_l1": "smooth_l1_cpu", "huber": "huber_cpu"}


def _pointwise(kind: str, input: Tensor, target: Tensor, reduction: str, param: float = 0.0) -> Tensor:
    reduction = _check_reduction(reduction)
    _broadcast_shape(tuple(input.shape), tuple(target.shape))
    if input._data.dtype.kind != "f" and target._data.dtype.kind != "f":
        dt = np.result_type(input._data.dtype, target._data.dtype)
        if kind in _KERNEL:
            raise NotImplementedError(f'"{_KERNEL[kind]}" not implemented for \'{_dtname(np.empty(0, dt))}\'')
        if kind == "l1" and reduction == "mean":
            raise RuntimeError("mean(): could not infer output dtype. Input dtype must be either a floating point "
                               f"or complex dtype. Got: {_dtname(np.empty(0, dt))}")
    return _PointwiseLoss.apply(input, target, kind, reduction, param)


def _weighted_pointwise(kind: str, input: Tensor, target: Tensor, reduction: str, weight: Tensor,
                        param: float = 0.0, mean_by_weight: bool = True) -> Tensor:
    if tuple(weight.shape) != tuple(input.shape):
        raise ValueError("Weights and input must have the same size.")
    if reduction not in ("none", "sum", "mean"):
        raise ValueError(f"Invalid reduction mode: {reduction}. Expected one of 'none', 'mean', 'sum'.")
    loss = _pointwise(kind, input, target, "none", param) * weight
    if reduction == "none":
        return loss
    if reduction == "sum":
        return loss.sum()
    return loss.sum() / weight.sum() if mean_by_weight else loss.mean()


def l1_loss(input: Tensor, target: Tensor, size_average: bool | None = None, reduce: bool | None = None,
            reduction: str = "mean", weight: Tensor | None = None) -> Tensor:
    """Mean (or sum, or elementwise) absolute difference between ``input`` and ``target``, optionally weighted."""
    _size_warning(input, target)
    reduction = _legacy(size_average, reduce, reduction)
    if input._data.dtype == np.bool_ or target._data.dtype == np.bool_:
        raise RuntimeError("Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to "
                           "invert a mask, use the `~` or `logical_not()` operator instead.")
    if weight is not None:
        return _weighted_pointwise("l1", input, target, reduction, weight)
    return _pointwise("l1", input, target, reduction)


def mse_loss(input: Tensor, target: Tensor, size_average: bool | None = None, reduce: bool | None = None,
             reduction: str = "mean", weight: Tensor | None = None) -> Tensor:
    """Mean (or sum, or elementwise) squared difference between ``input`` and ``target``, optionally weighted."""
    if (weight is None and size_average is None and reduce is None and (reduction == "mean" or reduction == "sum")
            and input._data.shape == target._data.shape and input._data.dtype == target._data.dtype
            and input._data.dtype.kind == "f" and input._data.size):
        return _O.mse_loss_fused(input, target, reduction == "mean")
    _size_warning(input, target)
    reduction = _legacy(size_average, reduce, reduction)
    if weight is not None:
        return _weighted_pointwise("mse", input, target, reduction, weight)
    return _pointwise("mse", input, target, reduction)


def smooth_l1_loss(input: Tensor, target: Tensor, size_average: bool | None = None, reduce: bool | None = None,
                   reduction: str = "mean", beta: float = 1.0) -> Tensor:
    """Squared error scaled by ``1/beta`` where ``|x - y| < beta``, absolute error minus ``beta/2`` elsewhere."""
    _size_warning(input, target)
    reduction = _legacy(size_average, reduce, reduction)
    if beta < 0:
        raise RuntimeError("smooth_l1_loss does not support negative values for beta.")
    if beta == 0.0:
        return _pointwise("l1", input, target, reduction)
    return _pointwise("smooth_l1", input, target, reduction, float(beta))


def huber_loss(input: Tensor, target: Tensor, reduction: str = "mean", delta: float = 1.0,
               weight: Tensor | None = None) -> Tensor:
    """Squared error where ``|x - y| < delta``, ``delta``-scaled absolute error elsewhere; optionally weighted."""
    _size_warning(input, target)
    if delta <= 0:
        raise RuntimeError("huber_loss does not support non-positive values for delta.")
    if input._data.dtype == np.bool_ and target._data.dtype != np.bool_:
        raise RuntimeError(f"result type {_dtname(target._data)} can't be cast to the desired output type Bool")
    if weight is not None:
        return _weighted_pointwise("huber", input, target, reduction, weight, float(delta), mean_by_weight=False)
    return _pointwise("huber", input, target, reduction, float(delta))


# --------------------------------------------------------------------------------------------------------------
# nll_loss / cross_entropy with class indices (fused).
# --------------------------------------------------------------------------------------------------------------

def _nll_prepare(input: Tensor, target: Tensor, weight: Tensor | None, check_input: bool = False):
    """Validate shapes/dtypes and flatten to ``(M, C)`` scores and ``(M,)`` targets."""
    x, t = input._data, target._data
    if x.ndim < 1:
        raise ValueError(f"Expected 1 or more dimensions (got {x.ndim})")
    if x.ndim != 1 and t.ndim >= 1 and x.shape[0] != t.shape[0]:
        raise ValueError(f"Expected input batch_size ({x.shape[0]}) to match target batch_size ({t.shape[0]}).")
    if x.ndim <= 2 and t.ndim > 1:
        raise RuntimeError("0D or 1D target tensor expected, multi-target not supported")
    if t.dtype != np.int64 and t.dtype != np.uint8:
        raise RuntimeError(f"expected target dtype to be Long or Byte, but got {_dtname(t)}")
    C = x.shape[0] if x.ndim == 1 else x.shape[1]
    if x.ndim <= 2:
        if t.ndim > 1:
            raise RuntimeError("0D or 1D target tensor expected, multi-target not supported")
        if x.ndim == 1 and t.size != 1:
            raise ValueError(f"For 1D input, 1D target must have size 1, but got target size: {t.size}")
        if x.ndim == 2 and t.ndim == 0:
            raise ValueError(f"Expected input batch_size ({x.shape[0]}) to match target batch_size (0).")
        out_shape = () if x.ndim == 1 else (x.shape[0],)
        x2 = x.reshape(1, C) if x.ndim == 1 else x
    else:
        expect = (x.shape[0],) + x.shape[2:]
        if x.ndim == 4 and t.ndim != 3:
            raise RuntimeError(f"only batches of spatial targets supported (3D tensors) but got targets of dimension: "
                               f"{t.ndim}")
        if x.ndim == 4 and t.shape != expect:
            raise RuntimeError(f"size mismatch (got input: {list(x.shape)} , target: {list(t.shape)}")
        if t.shape != expect:
            raise RuntimeError(f"Expected target size {list(expect)}, got {list(t.shape)}")
        out_shape = expect
        x2 = np.moveaxis(x, 1, -1).reshape(-1, C)
    if weight is not None and (weight._data.ndim != 1 or weight._data.shape[0] != C):
        raise RuntimeError(f"weight tensor should be defined either for all {C} classes or no classes but got "
                           f"weight tensor of shape: {list(weight._data.shape)}")
    if weight is not None and weight._data.dtype != x.dtype:
        raise RuntimeError(f"expected scalar type {_dtname(x)} but found {_dtname(weight._data)}")
    if check_input and x.dtype.kind != "f":
        frame = "nll_loss_out_frame" if x.ndim <= 2 else "nll_loss2d_forward_out_frame"
        raise NotImplementedError(f'"{frame}" not implemented for \'{_dtname(x)}\'')
    return x2, t.reshape(-1).astype(np.int64, copy=False), out_shape, C


def _targets(t1: np.ndarray, C: int, ignore_index: int, w: np.ndarray | None, dtype):
    n = t1.shape[0]
    if n and not (0 <= ignore_index < C) and t1.min() >= 0 and t1.max() < C:
        return np.ones(n, bool), t1, (np.ones(n, dtype) if w is None else w[t1].astype(dtype, copy=False))
    valid = t1 != ignore_index
    bad = valid & ((t1 < 0) | (t1 >= C))
    if bad.any():
        raise IndexError(f"Target {int(t1[bad][0])} is out of bounds.")
    tt = np.where(valid, t1, 0)
    wt = valid.astype(dtype) if w is None else np.where(valid, w[tt], 0).astype(dtype)
    return valid, tt, wt


def _unflatten_grad(g2: np.ndarray, shape: tuple) -> np.ndarray:
    if len(shape) <= 2:
        return g2.reshape(shape)
    n, c = shape[0], shape[1]
    return np.ascontiguousarray(np.moveaxis(g2.reshape((n,) + shape[2:] + (c,)), -1, 1))


def _finish(loss_i: np.ndarray, W, reduction: str, out_shape: tuple) -> np.ndarray:
    if reduction == "none":
        return loss_i.reshape(out_shape)
    s = loss_i.sum(dtype=loss_i.dtype)
    if reduction == "sum":
        return np.asarray(s)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.asarray(s / W, dtype=loss_i.dtype)


def _grad_scale(grad: np.ndarray, reduction: str, W, dtype) -> np.ndarray:
    if reduction == "none":
        return grad.reshape(-1, 1)
    if reduction == "sum":
        return grad
    with np.errstate(invalid="ignore", divide="ignore"):
        return (grad / W).astype(dtype, copy=False)


def _flat_classes(input: Tensor) -> Tensor:
    if input.dim() == 1:
        return input.reshape(1, -1)
    if input.dim() == 2:
        return input
    return input.movedim(1, -1).reshape(-1, input.shape[1])


def _unflatten_grad_t(g2: Tensor, shape: tuple) -> Tensor:
    if len(shape) <= 2:
        return g2.reshape(shape)
    n, c = shape[0], shape[1]
    return g2.reshape((n,) + tuple(shape[2:]) + (c,)).movedim(-1, 1)


def _scale_t(grad: Tensor, reduction: str, W) -> Tensor:
    if reduction == "none":
        return grad.reshape(-1, 1)
    if reduction == "sum":
        return grad
    return grad / _wrap(np.asarray(W))


class _NLLLoss(Function):
    @staticmethod
    def forward(ctx, input, target, weight, reduction, ignore_index):
        x2, t1, out_shape, C = _nll_prepare(input, target, weight, check_input=True)
        dt = x2.dtype
        w = None if weight is None else weight._data
        valid, tt, wt = _targets(t1, C, ignore_index, w, dt)
        M = x2.shape[0]
        loss_i = -x2[np.arange(M), tt] * wt
        W = wt.sum(dtype=dt)
        ctx.state = (tt, wt, valid, W, reduction, input._data.shape)
        return _wrap(_finish(loss_i, W, reduction, out_shape))

    @staticmethod
    def backward(ctx, grad):
        tt, wt, valid, W, reduction, shape = ctx.state
        dt = wt.dtype
        M = tt.shape[0]
        C = shape[0] if len(shape) == 1 else shape[1]
        g2 = np.zeros((M, C), dt)
        if GRAD[0]:
            g2[np.arange(M), tt] = -wt
            return _unflatten_grad_t(_wrap(g2) * _scale_t(grad, reduction, W), shape), None, None, None, None
        scale = _grad_scale(grad._data, reduction, W, dt)
        col = -(wt * scale.reshape(-1)) if reduction == "none" else -(wt * scale)
        g2[np.arange(M), tt] = np.where(valid, col, 0) if reduction == "mean" and not np.isfinite(scale) else col
        return _wrap(_unflatten_grad(g2, shape)), None, None, None, None


class _CrossEntropyLoss(Function):
    _backward_name = "NllLossBackward0"
    @staticmethod
    def forward(ctx, input, target, weight, reduction, ignore_index, label_smoothing):
        x2, t1, out_shape, C = _nll_prepare(input, target, weight)
        dt = x2.dtype
        w = None if weight is None else weight._data.astype(dt, copy=False)
        valid, tt, wt = _targets(t1, C, ignore_index, w, dt)
        M = x2.shape[0]
        sh = x2 - x2.max(axis=1, keepdims=True) if M else x2
        logp = sh - np.log(np.exp(sh).sum(axis=1, keepdims=True))
        loss_i = -logp[np.arange(M), tt] * wt
        eps = dt.type(label_smoothing)
        if label_smoothing > 0:
            smooth = -(logp.sum(axis=1) if w is None else logp @ w) * valid
            loss_i = (1 - eps) * loss_i + (eps / dt.type(C)) * smooth
        W = wt.sum(dtype=dt)
        ctx.state = (logp, tt, wt, valid, w, W, eps, reduction, input._data.shape)
        ctx.save_for_backward(input)
        return _wrap(_finish(loss_i, W, reduction, out_shape))

    @staticmethod
    def backward(ctx, grad):
        logp, tt, wt, valid, w, W, eps, reduction, shape = ctx.state
        dt = logp.dtype
        M, C = logp.shape
        rows = np.arange(M)
        if GRAD[0]:
            (input,) = ctx.saved_tensors
            a = np.zeros((M, C), dt)
            a[rows, tt] = (1 - eps) * wt
            if eps > 0:
                sw = np.ones((1, C), dt) if w is None else w.reshape(1, C)
                a += (eps / dt.type(C)) * sw * valid.reshape(-1, 1).astype(dt)
            p = _gk.softmax(_flat_classes(input), 1)
            g2 = (p * _wrap(a.sum(axis=1, keepdims=True)) - _wrap(a)) * _scale_t(grad, reduction, W)
            return _unflatten_grad_t(g2, shape), None, None, None, None, None
        scale = _grad_scale(grad._data, reduction, W, dt)
        if eps > 0:
            a = np.zeros((M, C), dt)
            a[rows, tt] = (1 - eps) * wt
            sw = np.ones((1, C), dt) if w is None else w.reshape(1, C)
            a += (eps / dt.type(C)) * sw * valid.reshape(-1, 1).astype(dt)
            g2 = np.exp(logp) * a.sum(axis=1, keepdims=True) - a
        else:
            g2 = np.exp(logp) * wt.reshape(-1, 1)
            g2[rows, tt] -= wt
        g2 *= scale
        if reduction == "mean" and not np.isfinite(scale):
            g2[~valid] = 0
        return _wrap(_unflatten_grad(g2, shape)), None, None, None, None, None


def nll_loss(input: Tensor, target: Tensor, weight: Tensor | None = None, size_average: bool | None = None,
             ignore_index: int = -100, reduce: bool | None = None, reduction: str = "mean") -> Tensor:
    """Negative log-likelihood of class indices ``target`` under log-probabilities ``input`` (class dim 1)."""
    reduction = _check_reduction(_legacy(size_average, reduce, reduction))
    _no_weight_grad("nll_loss_forward", "weight", weight)
    return _NLLLoss.apply(input, target, weight, reduction, int(ignore_index))


def _cross_entropy_probs(input: Tensor, target: Tensor, weight: Tensor | None, reduction: str,
                         label_smoothing: float) -> Tensor:
    class_dim = 0 if input.dim() == 1 else 1
    C = input.shape[class_dim]
    if weight is not None and (weight.dim() != 1 or weight.numel() != C):
        raise RuntimeError(f"cross_entropy: weight tensor should be defined either for all {C} classes or no "
                           f"classes but got weight tensor of shape: {list(weight.shape)}")
    logp = _gk.log_softmax(input, class_dim)
    if label_smoothing > 0.0:
        target = target * (1 - label_smoothing) + label_smoothing / C
    prod = logp * target
    if weight is not None:
        if input.dim() > 1:
            wshape = [1] * input.dim()
            wshape[1] = C
            weight = weight.view(wshape)
        prod = prod * weight
    if reduction == "none":
        return -prod.sum(class_dim)
    if reduction == "sum":
        return -prod.sum()
    if input.numel() == 0:
        return -prod.sum() * float("nan")
    return -prod.sum() / (input.numel() // C)


def cross_entropy(input: Tensor, target: Tensor, weight: Tensor | None = None, size_average: bool | None = None,
                  ignore_index: int = -100, reduce: bool | None = None, reduction: str = "mean",
                  label_smoothing: float = 0.0) -> Tensor:
    """Cross entropy between logits ``input`` and class indices or class probabilities ``target``."""
    x, t = input._data, target._data
    if (weight is None and size_average is None and reduce is None and label_smoothing == 0.0
            and (reduction == "mean" or reduction == "sum") and x.ndim == 2 and t.ndim == 1 and x.dtype.kind == "f"
            and t.dtype == np.int64 and t.shape[0] == x.shape[0] and x.shape[0] and x.shape[1]
            and np.maximum.reduce(t.view(np.uint64)) < x.shape[1]
            and (ignore_index < 0 or not (t == ignore_index).any())):
        return _O.cross_entropy_fused(input, target, reduction == "mean")
    if x.dtype.kind != "f":
        if x.shape == t.shape and t.dtype.kind != "f":
            raise RuntimeError(f"Expected floating point type for target with class probabilities, got {_dtname(t)}")
        last = "_lastdim" if x.ndim <= 2 else ""
        raise NotImplementedError(f'"log_softmax{last}_kernel_impl" not implemented for \'{_dtname(x)}\'')
    reduction = _check_reduction(_legacy(size_average, reduce, reduction))
    if tuple(input.shape) == tuple(target.shape):
        if not target.dtype.is_floating_point:
            raise RuntimeError(f"Expected floating point type for target with class probabilities, got "
                               f"{_dtname(target._data)}")
        if ignore_index >= 0:
            raise RuntimeError("ignore_index is not supported for floating point target")
        if label_smoothing > 1.0 or label_smoothing < 0.0:
            raise RuntimeError(f"label_smoothing must be between 0.0 and 1.0. Got: {label_smoothing}")
        return _cross_entropy_probs(input, target, weight, reduction, float(label_smoothing))
    if label_smoothing > 1.0:
        raise RuntimeError(f"label_smoothing must be between 0.0 and 1.0. Got: {label_smoothing}")
    _no_weight_grad("nll_loss_forward", "weight", weight)
    return _CrossEntropyLoss.apply(input, target, weight, reduction, int(ignore_index), float(label_smoothing))


def linear_cross_entropy(input: Tensor, linear_weight: Tensor, target: Tensor, *, linear_bias: Tensor | None = None,
                         weight: Tensor | None = None, reduction: str = "mean", ignore_index: int | None = None,
                         label_smoothing: float = 0.0, options=None) -> Tensor:
    """``cross_entropy(linear(input, linear_weight, linear_bias), target)``; a ``(C, d1.., in)`` weight gives
    K-dimensional logits. ``options`` (chunking) is accepted and the unchunked reference path is used."""
    if input.dim() < 1 or input.dim() > 2:
        raise RuntimeError(f"expected input with dimensionality 1 or 2, got {input.dim()}")
    if linear_weight.dim() < 2:
        raise RuntimeError(f"expected linear_weight with dimensionality at least 2, got {linear_weight.dim()}")
    num_batches = tuple(input.shape[:-1])
    in_features = input.shape[-1]
    if in_features != linear_weight.shape[-1]:
        raise RuntimeError("expected equal input and linear_weight last dimensions (in_features), "
                           f"got {input.shape[-1]} and {linear_weight.shape[-1]}, respectively")
    num_classes = linear_weight.shape[0]
    out_features = tuple(linear_weight.shape[1:-1])
    if linear_bias is not None and tuple(linear_bias.shape) != (num_classes, *out_features):
        raise RuntimeError(f"expected linear_bias shape {(num_classes, *out_features)}, "
                           f"got {tuple(linear_bias.shape)}")
    if out_features and not num_batches:
        raise RuntimeError(f"K-dimensional loss defined by linear_weight shape {tuple(linear_weight.shape)} requires"
                           f" batched input, (N, {in_features}), got unbatched input with shape {tuple(input.shape)}")
    logits_shape = (*num_batches, num_classes, *out_features)
    if tuple(target.shape) == logits_shape and ignore_index is not None:
        raise RuntimeError("ignore_index cannot be specified when target contains probabilities")
    ignore_index = ignore_index if ignore_index is not None else -100
    if out_features:
        linear_weight = linear_weight.reshape((math.prod(out_features, start=num_classes), in_features))
        if linear_bias is not None:
            linear_bias = linear_bias.reshape(math.prod(out_features, start=num_classes))
    logits = _gk.linear(input, linear_weight, linear_bias).reshape(logits_shape)
    return cross_entropy(logits, target, weight=weight, reduction=reduction, ignore_index=ignore_index,
                         label_smoothing=label_smoothing)


# --------------------------------------------------------------------------------------------------------------
# Binary cross entropy (fused).
# --------------------------------------------------------------------------------------------------------------

def _log_sigmoid_np(x: np.ndarray) -> np.ndarray:
    return np.minimum(x, 0) - np.log1p(np.exp(-np.abs(x)))


def _sigmoid_np(x: np.ndarray) -> np.ndarray:
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e)).astype(x.dtype, copy=False)


def _reduce_np(loss: np.ndarray, reduction: str) -> np.ndarray:
    if reduction == "none":
        return loss
    if reduction == "sum":
        return np.asarray(loss.sum(), dtype=loss.dtype)
    return _mean_of(loss)


def _scale_np(g: np.ndarray, reduction: str, n: int) -> np.ndarray:
    if reduction == "mean" and n:
        return g / g.dtype.type(n)
    return g


class _BCEWithLogits(Function):
    _backward_name = "BinaryCrossEntropyWithLogitsBackward0"
    @staticmethod
    def forward(ctx, input, target, weight, pos_weight, reduction):
        x, t = input._data, target._data
        w = None if weight is None else weight._data
        pw = None if pos_weight is None else pos_weight._data
        ls = _log_sigmoid_np(x)
        if pw is not None:
            ls = ls * ((pw - 1) * t + 1)
        loss = (1 - t) * x - ls
        if w is not None:
            loss = loss * w
        loss = loss.astype(t.dtype, copy=False)
        ctx.state = (x, t, w, pw, reduction, loss.shape)
        ctx.save_for_backward(input, target)
        return _wrap(_reduce_np(loss, reduction))

    @staticmethod
    def backward(ctx, grad):
        x, t, w, pw, reduction, shape = ctx.state
        input, target = ctx.saved_tensors
        gx = gt = None
        if GRAD[0]:
            n = int(np.prod(shape))
            g = grad / n if reduction == "mean" and n else grad
            if w is not None:
                g = g * _wrap(w)
            if ctx.needs_input_grad[0]:
                s = _gk.sigmoid(input)
                if pw is not None:
                    pt = _wrap(pw) * target
                    d = (pt + 1 - target) * s - pt
                else:
                    d = s - target
                gx = _sum_to_t((d * g).expand(shape), x.shape)
            if ctx.needs_input_grad[1]:
                d = -input if pw is None else -(input + _wrap(pw - 1) * _LogSigmoid.apply(input))
                gt = _sum_to_t((d * g).expand(shape), t.shape)
            return gx, gt, None, None, None
        g = _scale_np(grad._data, reduction, int(np.prod(shape)))
        if ctx.needs_input_grad[0]:
            s = _sigmoid_np(x)
            if pw is not None:
                pt = pw * t
                d = (pt + 1 - t) * s - pt
            else:
                d = s - t
            d = d * g
            if w is not None:
                d = d * w
            gx = _wrap(_sum_to(np.broadcast_to(d, shape), x.shape).astype(x.dtype, copy=False))
        if ctx.needs_input_grad[1]:
            d = -x if pw is None else -(x + (pw - 1) * _log_sigmoid_np(x))
            d = d * g
            if w is not None:
                d = d * w
            gt = _wrap(_sum_to(np.broadcast_to(d, shape), t.shape).astype(t.dtype, copy=False))
        return gx, gt, None, None, None


def binary_cross_entropy_with_logits(input: Tensor, target: Tensor, weight: Tensor | None = None,
                                     size_average: bool | None = None, reduce: bool | None = None,
                                     reduction: str = "mean", pos_weight: Tensor | None = None) -> Tensor:
    """Sigmoid + binary cross entropy in one numerically stable step; ``pos_weight`` scales positive terms."""
    if (weight is None and pos_weight is None and size_average is None and reduce is None
            and (reduction == "mean" or reduction == "sum") and input._data.shape == target._data.shape
            and input._data.dtype == target._data.dtype and input._data.dtype.kind == "f" and input._data.size):
        return _O.bce_with_logits_fused(input, target, reduction == "mean")
    reduction = _check_reduction(_legacy(size_average, reduce, reduction))
    if tuple(target.shape) != tuple(input.shape):
        raise ValueError(f"Target size ({_size(target.shape)}) must be the same as input size "
                         f"({_size(input.shape)})")
    _no_weight_grad("binary_cross_entropy_with_logits", "weight", weight)
    _no_weight_grad("binary_cross_entropy_with_logits", "pos_weight", pos_weight)
    if input._data.dtype.kind != "f":
        raise NotImplementedError(f'"log_sigmoid_cpu" not implemented for \'{_dtname(input._data)}\'')
    if target._data.dtype.kind != "f":
        raise RuntimeError(f"result type {_dtname(input._data)} can't be cast to the desired output type "
                           f"{_dtname(target._data)}")
    if pos_weight is not None:
        _broadcast_shape(tuple(pos_weight.shape), tuple(input.shape))
    if weight is not None:
        _broadcast_shape(tuple(input.shape), tuple(weight.shape))
    return _BCEWithLogits.apply(input, target, weight, pos_weight, reduction)


class _BCE(Function):
    _backward_name = "BinaryCrossEntropyBackward0"
    @staticmethod
    def forward(ctx, input, target, weight, reduction):
        x, t = input._data, target._data
        w = None if weight is None else weight._data
        if not ((x >= 0) & (x <= 1)).all():
            raise RuntimeError("all elements of input should be between 0 and 1")
        if not ((t >= 0) & (t <= 1)).all():
            raise RuntimeError("all elements of target should be between 0 and 1")
        with np.errstate(divide="ignore"):
            lx = np.maximum(np.log(x), -100)
            l1x = np.maximum(np.log1p(-x), -100)
        loss = (t - 1) * l1x - t * lx
        if w is not None:
            loss = loss * w
        ctx.state = (x, t, w, lx, l1x, reduction)
        return _wrap(_reduce_np(loss, reduction))

    @staticmethod
    def backward(ctx, grad):
        x, t, w, lx, l1x, reduction = ctx.state
        g = _scale_np(grad._data, reduction, x.size)
        gx = gt = None
        if ctx.needs_input_grad[0]:
            d = (x - t) / np.maximum((1 - x) * x, x.dtype.type(1e-12)) * g
            if w is not None:
                d = d * w
            gx = _wrap(d.astype(x.dtype, copy=False))
        if ctx.needs_input_grad[1]:
            with np.errstate(divide="ignore"):
                d = -np.log(x / (1 - x)) * g
            if w is not None:
                d = d * w
            gt = _wrap(d.astype(t.dtype, copy=False))
        return gx, gt, None, None


def binary_cross_entropy(input: Tensor, target: Tensor, weight: Tensor | None = None,
                         size_average: bool | None = None, reduce: bool | None = None,
                         reduction: str = "mean") -> Tensor:
    """Binary cross entropy between probabilities ``input`` and ``target``; logs are clamped at -100."""
    reduction = _check_reduction(_legacy(size_average, reduce, reduction))
    if tuple(target.shape) != tuple(input.shape):
        raise ValueError(f"Using a target size ({_size(target.shape)}) that is different to the input size "
                         f"({_size(input.shape)}) is deprecated. Please ensure they have the same size.")
    _no_weight_grad("binary_cross_entropy", "weight", weight)
    if target._data.dtype != input._data.dtype:
        raise RuntimeError(f"Found dtype {_dtname(target._data)} but expected {_dtname(input._data)}")
    if weight is not None:
        weight = weight.expand(_gk.broadcast_shapes(target.shape, weight.shape))
    return _BCE.apply(input, target, weight, reduction)


# --------------------------------------------------------------------------------------------------------------
# Composed losses.
# --------------------------------------------------------------------------------------------------------------

class _LogSigmoid(Function):
    @staticmethod
    def forward(ctx, x):
        ctx.x = x._data
        ctx.save_for_backward(x)
        return _wrap(_log_sigmoid_np(x._data))

    @staticmethod
    def backward(ctx, grad):
        (x,) = ctx.saved_tensors
        if GRAD[0]:
            return grad * _gk.sigmoid(-x)
        return _wrap(grad._data * _sigmoid_np(-ctx.x))


class _ClampedPassThrough(Function):
    """``clamp(min=eps)`` in the forward, identity in the backward (a clamp applied under no_grad)."""

    @staticmethod
    def forward(ctx, x, lo):
        return _wrap(np.maximum(x._data, x._data.dtype.type(lo)))

    @staticmethod
    def backward(ctx, grad):
        return grad, None


def poisson_nll_loss(input: Tensor, target: Tensor, log_input: bool = True, full: bool = False,
                     size_average: bool | None = None, eps: float = 1e-8, reduce: bool | None = None,
                     reduction: str = "mean") -> Tensor:
    """Negative log-likelihood of ``target`` under a Poisson distribution with rate ``input`` (or ``exp(input)``)."""
    reduction = _legacy(size_average, reduce, reduction)
    if reduction not in ("none", "mean", "sum"):
        raise ValueError(reduction + " is not a valid value for reduction")
    if log_input:
        loss = _gk.exp(input) - target * input
    else:
        loss = input - target * _gk.log(input + eps)
    if full:
        stirling = target * _gk.log(target) - target + 0.5 * _gk.log(2 * math.pi * target)
        loss = loss + stirling.masked_fill(target <= 1, 0)
    return _reduce(loss, reduction)


def gaussian_nll_loss(input: Tensor, target: Tensor, var: Tensor | float, full: bool = False, eps: float = 1e-6,
                      reduction: str = "mean") -> Tensor:
    """Negative log-likelihood of ``target`` under a Gaussian with mean ``input`` and variance ``var``."""
    if isinstance(var, (float, int)) and not isinstance(var, bool):
        if var < 0:
            raise ValueError("var has negative entry/entries")
        var = var * _gk.ones_like(input)
    elif bool((var._data < 0).any()):
        raise ValueError("var has negative entry/entries")
    if tuple(var.shape) != tuple(input.shape):
        if tuple(input.shape)[:-1] == tuple(var.shape):
            var = _gk.unsqueeze(var, -1)
        elif input.dim() == var.dim() and sum(y for x, y in zip(input.shape, var.shape) if x != y) == 1:
            pass
        else:
            raise ValueError("var is of incorrect size")
    if reduction not in ("none", "mean", "sum"):
        raise ValueError(reduction + " is not valid")
    var = _ClampedPassThrough.apply(var, eps)
    loss = 0.5 * (_gk.log(var) + (input - target) ** 2 / var)
    if full:
        loss = loss + 0.5 * math.log(2 * math.pi)
    return _reduce(loss, reduction)


def kl_div(input: Tensor, target: Tensor, size_average: bool | None = None, reduce: bool | None = None,
           reduction: str = "mean", log_target: bool = False) -> Tensor:
    """Pointwise KL divergence ``target * (log target - input)`` with ``input`` given as log-probabilities."""
    if size_average is not None or reduce is not None:
        red = _Reduction.legacy_get_string(size_average, reduce)
    else:
        if reduction == "mean":
            warnings.warn("reduction: 'mean' divides the total loss by both the batch size and the support size."
                          "'batchmean' divides only by the batch size, and aligns with the KL div math definition."
                          "'mean' will be changed to behave the same as 'batchmean' in the next major release.",
                          stacklevel=2)
        red = "sum" if reduction == "batchmean" else _check_reduction(reduction)
    if not (input.dtype.is_floating_point and target.dtype.is_floating_point):
        raise RuntimeError("kl_div: Integral inputs not supported.")
    if log_target:
        out = _gk.exp(target) * (target - input)
    else:
        out = _gk.xlogy(target, target) - target * input
    out = _reduce(out, red)
    if reduction == "batchmean" and input.dim() != 0:
        out = out / input.shape[0]
    return out


def hinge_embedding_loss(input: Tensor, target: Tensor, margin: float = 1.0, size_average: bool | None = None,
                         reduce: bool | None = None, reduction: str = "mean") -> Tensor:
    """``x`` where ``target == 1`` and ``max(0, margin - x)`` where ``target == -1``."""
    reduction = _check_reduction(_legacy(size_average, reduce, reduction))
    zeros = _gk.zeros_like(input)
    margin_clamp = (margin - input).clamp_min(0)
    out = _gk.where(target != 1, margin_clamp, zeros) + _gk.where(target != -1, input, zeros)
    return _reduce(out, reduction)


def _margin_shape_check(x: Tensor, name: str):
    nd = x.dim()
    if not ((nd == 2 and x.shape[1] != 0) or (nd == 1 and x.shape[0] != 0) or nd == 0):
        raise RuntimeError("Expected non-empty vector or matrix with optional 0-dim batch size, but got: "
                           f"{list(x.shape)}")
    if nd <= 1:
        return 1, (1 if nd == 0 else x.shape[0])
    return x.shape[0], x.shape[1]


def multilabel_margin_loss(input: Tensor, target: Tensor, size_average: bool | None = None,
                           reduce: bool | None = None, reduction: str = "mean") -> Tensor:
    """Multi-class multi-label hinge loss; ``target`` lists class indices per sample, ended by -1."""
    reduction = _check_reduction(_legacy(size_average, reduce, reduction))
    nframe, dim = _margin_shape_check(input, "multilabel_margin_loss")
    t = target._data
    nd = input.dim()
    ok = (t.ndim <= 1 and t.size == dim) if nd <= 1 else (t.ndim == 2 and t.shape == (nframe, dim))
    if not ok:
        raise RuntimeError(f"inconsistent target size: {list(t.shape)} for input of size: {list(input.shape)}")
    if t.dtype != np.int64:
        raise RuntimeError(f"expected scalar type Long but found {_dtname(t)}")
    t2 = t.reshape(nframe, dim)
    if ((t2 < -1) | (t2 >= dim)).any():
        raise RuntimeError(f"multilabel_margin_loss: target index out of range [-1, {dim})")
    valid = np.cumprod(t2 != -1, axis=1).astype(bool)
    tt = np.where(valid, t2, 0)
    is_target = np.zeros((nframe, dim), bool)
    rows = np.repeat(np.arange(nframe), dim)
    is_target[rows[valid.reshape(-1)], tt.reshape(-1)[valid.reshape(-1)]] = True
    x2 = input.reshape(nframe, dim)
    xj = _gk.gather(x2, 1, _wrap(tt))
    mask = (valid[:, :, None] & ~is_target[:, None, :]).astype(input._data.dtype)
    h = (1 - xj.unsqueeze(2) + x2.unsqueeze(1)).clamp_min(0) * _wrap(mask)
    loss = h.sum((1, 2)) / dim
    if nd <= 1:
        loss = loss.reshape(())
    return _reduce(loss, reduction)


def soft_margin_loss(input: Tensor, target: Tensor, size_average: bool | None = None, reduce: bool | None = None,
                     reduction: str = "mean") -> Tensor:
    """Two-class logistic loss ``log(1 + exp(-y * x))``."""
    reduction = _check_reduction(_legacy(size_average, reduce, reduction))
    return _reduce(_gk.log1p(_gk.exp(-input * target)), reduction)


def multilabel_soft_margin_loss(input: Tensor, target: Tensor, weight: Tensor | None = None,
                                size_average: bool | None = None, reduce: bool | None = None,
                                reduction: str = "mean") -> Tensor:
    """Multi-label one-versus-all logistic loss, averaged over classes."""
    reduction = _legacy(size_average, reduce, reduction)
    loss = -(target * _LogSigmoid.apply(input) + (1 - target) * _LogSigmoid.apply(-input))
    if weight is not None:
        loss = loss * weight
    class_dim = input.dim() - 1
    C = input.shape[class_dim]
    loss = loss.sum(class_dim) / C
    if reduction == "none":
        return loss
    if reduction == "mean":
        return loss.mean()
    if reduction == "sum":
        return loss.sum()
    raise ValueError(reduction + " is not valid")


def cosine_embedding_loss(input1: Tensor, input2: Tensor, target: Tensor, margin: float = 0,
                          size_average: bool | None = None, reduce: bool | None = None,
                          reduction: str = "mean") -> Tensor:
    """``1 - cos(x1, x2)`` where ``y == 1``, ``max(0, cos(x1, x2) - margin)`` where ``y == -1``."""
    reduction = _check_reduction(_legacy(size_average, reduce, reduction))
    td = target.dim()
    if td not in (0, 1):
        raise RuntimeError("0D or 1D target tensor expected, multi-target not supported")
    if td == 1 and not (input1.dim() == 2 and input2.dim() == 2):
        raise RuntimeError(f"1D target tensor expects 2D input tensors, but found inputs with sizes "
                           f"{list(input1.shape)} and {list(input2.shape)}.")
    if td == 0 and not (input1.dim() == 1 and input2.dim() == 1):
        raise RuntimeError(f"0D target tensor expects 1D input tensors, but found inputs with sizes "
                           f"{list(input1.shape)} and {list(input2.shape)}.")
    prod_sum = (input1 * input2).sum(td)
    mag1 = (input1 * input1).sum(td) + 1e-12
    mag2 = (input2 * input2).sum(td) + 1e-12
    cos = prod_sum / (mag1 * mag2).sqrt()
    zeros = _gk.zeros_like(cos)
    out = _gk.where(target == 1, 1 - cos, zeros) + _gk.where(target == -1, (cos - margin).clamp_min(0), zeros)
    return _reduce(out, reduction)


def margin_ranking_loss(input1: Tensor, input2: Tensor, target: Tensor, margin: float = 0,
                        size_average: bool | None = None, reduce: bool | None = None,
                        reduction: str = "mean") -> Tensor:
    """``max(0, -y * (x1 - x2) + margin)``."""
    reduction = _check_reduction(_legacy(size_average, reduce, reduction))
    if input1.dim() != input2.dim() or input1.dim() != target.dim():
        raise RuntimeError(f"margin_ranking_loss : All input tensors should have same dimension but got sizes: "
                           f"input1: {_size(input1.shape)}, input2: {_size(input2.shape)}, "
                           f"target: {_size(target.shape)} ")
    return _reduce((-target * (input1 - input2) + margin).clamp_min(0), reduction)


def multi_margin_loss(input: Tensor, target: Tensor, p: int = 1, margin: float = 1.0,
                      weight: Tensor | None = None, size_average: bool | None = None, reduce: bool | None = None,
                      reduction: str = "mean") -> Tensor:
    """Multi-class hinge loss ``sum_i max(0, margin - x[y] + x[i])^p / C`` over ``i != y``."""
    reduction = _check_reduction(_legacy(size_average, reduce, reduction))
    if p != 1 and p != 2:
        raise ValueError("only p == 1 and p == 2 supported")
    if weight is not None and weight.dim() != 1:
        raise ValueError("weight must be one-dimensional")
    nframe, dim = _margin_shape_check(input, "multi_margin_loss")
    t = target._data
    if not (t.ndim <= 1 and t.size == nframe):
        raise RuntimeError(f"inconsistent target size, expected {nframe} but got {list(t.shape)}")
    if weight is not None and weight.numel() != dim:
        raise RuntimeError(f"inconsistent weight size, expected {dim} but got {list(weight.shape)}")
    if t.dtype != np.int64:
        raise RuntimeError(f"expected scalar type Long but found {_dtname(t)}")
    if ((t < 0) | (t >= dim)).any():
        raise RuntimeError("target out of range")
    _no_weight_grad("multi_margin_loss", "weight", weight)
    t1 = _wrap(t.reshape(nframe, 1))
    x2 = input.reshape(nframe, dim)
    xy = _gk.gather(x2, 1, t1)
    h = (margin - xy + x2).clamp_min(0)
    if p == 2:
        h = h * h
    notself = np.arange(dim)[None, :] != t.reshape(nframe, 1)
    h = h * _wrap(notself.astype(input._data.dtype))
    if weight is not None:
        h = h * weight.detach()[t1.reshape(-1)].reshape(nframe, 1)
    loss = h.sum(1) / dim
    if input.dim() <= 1:
        loss = loss.reshape(())
    return _reduce(loss, reduction)


def _pairwise_distance(x1: Tensor, x2: Tensor, p: float = 2.0, eps: float = 1e-6) -> Tensor:
    return _gk.norm(x1 - x2 + eps, p, max(x1.dim(), x2.dim()) - 1)


def triplet_margin_loss(anchor: Tensor, positive: Tensor, negative: Tensor, margin: float = 1.0, p: float = 2,
                        eps: float = 1e-6, swap: bool = False, size_average: bool | None = None,
                        reduce: bool | None = None, reduction: str = "mean") -> Tensor:
    """``max(0, d(a, p) - d(a, n) + margin)`` with ``d`` the p-norm pairwise distance."""
    reduction = _check_reduction(_legacy(size_average, reduce, reduction))
    if margin <= 0:
        raise ValueError(f"margin must be greater than 0, got {margin}")
    a, pd, nd = anchor.dim(), positive.dim(), negative.dim()
    if not (a == pd == nd):
        raise RuntimeError(f"The anchor, positive, and negative tensors are expected to have the same number of "
                           f"dimensions, but got: anchor {a}D, positive {pd}D, and negative {nd}D inputs")
    d_pos = _pairwise_distance(anchor, positive, p, eps)
    d_neg = _pairwise_distance(anchor, negative, p, eps)
    if swap:
        d_neg = _gk.minimum(d_neg, _pairwise_distance(positive, negative, p, eps))
    return _reduce((margin + d_pos - d_neg).clamp_min(0), reduction)


def triplet_margin_with_distance_loss(anchor: Tensor, positive: Tensor, negative: Tensor, *,
                                      distance_function: Callable[[Tensor, Tensor], Tensor] | None = None,
                                      margin: float = 1.0, swap: bool = False, reduction: str = "mean") -> Tensor:
    """Triplet margin loss with a user-supplied distance (pairwise Euclidean distance by default)."""
    if reduction not in ("mean", "sum", "none"):
        raise ValueError(f"{reduction} is not a valid value for reduction")
    if margin <= 0:
        raise ValueError(f"margin must be greater than 0, got {margin}")
    a, pd, nd = anchor.ndim, positive.ndim, negative.ndim
    if not (a == pd == nd):
        raise RuntimeError(f"The anchor, positive, and negative tensors are expected to have the same number of "
                           f"dimensions, but got: anchor {a}D, positive {pd}D, and negative {nd}D inputs")
    dist = distance_function if distance_function is not None else _pairwise_distance
    d_pos = dist(anchor, positive)
    d_neg = dist(anchor, negative)
    if swap:
        d_neg = _gk.minimum(d_neg, dist(positive, negative))
    loss = _gk.clamp_min(margin + d_pos - d_neg, 0)
    if reduction == "sum":
        return loss.sum()
    if reduction == "mean":
        return loss.mean()
    return loss


# --------------------------------------------------------------------------------------------------------------
# CTC loss: forward-backward over time, vectorised over the batch.
# --------------------------------------------------------------------------------------------------------------

def _logaddexp(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore"):
        return np.logaddexp(a, b)


class _CTCLoss(Function):
    @staticmethod
    def forward(ctx, log_probs, targets, in_lens, tg_lens, blank, zero_infinity):
        lp = log_probs._data
        T, N, C = lp.shape
        dt = lp.dtype
        S = int(tg_lens.max()) if N else 0
        L = 2 * S + 1
        lab = np.full((N, L), blank, np.int64)
        if S:
            lab[:, 1::2] = targets
        Lb = 2 * tg_lens + 1
        s_idx = np.arange(L)
        in_seq = s_idx[None, :] < Lb[:, None]
        skip = np.zeros((N, L), bool)
        if L > 2:
            skip[:, 2:] = (lab[:, 2:] != blank) & (lab[:, 2:] != lab[:, :-2])
        ninf = dt.type(-np.inf)
        rows = np.arange(N)[:, None]
        emit = lp[:, rows, lab]  # (T, N, L)
        alpha = np.full((T, N, L), ninf, dt)
        if T:
            alpha[0, :, 0] = emit[0, :, 0]
            if L > 1:
                alpha[0, :, 1] = np.where(tg_lens > 0, emit[0, :, 1], ninf)
        alpha[0] = np.where(in_seq, alpha[0], ninf)
        for t in range(1, T):
            prev = alpha[t - 1]
            a = prev.copy()
            a[:, 1:] = _logaddexp(a[:, 1:], prev[:, :-1])
            if L > 2:
                a[:, 2:] = np.where(skip[:, 2:], _logaddexp(a[:, 2:], prev[:, :-2]), a[:, 2:])
            a = a + emit[t]
            active = (t < in_lens)[:, None] & in_seq
            alpha[t] = np.where(active, a, prev)
        last_t = np.maximum(in_lens - 1, 0)
        aT = alpha[last_t, np.arange(N)]  # (N, L)
        end1 = aT[np.arange(N), Lb - 1]
        end2 = np.where(tg_lens > 0, aT[np.arange(N), np.maximum(Lb - 2, 0)], ninf)
        ll = _logaddexp(end1, end2)
        nll = -ll
        if T == 0 or (in_lens == 0).any():
            nll = np.where(in_lens == 0, np.where(tg_lens == 0, dt.type(0), dt.type(np.inf)), nll)
        ctx.state = (lp, lab, skip, in_seq, in_lens, tg_lens, alpha, emit, nll, zero_infinity, blank)
        out = nll.astype(dt, copy=False)
        if zero_infinity:
            out = np.where(np.isinf(out), dt.type(0), out)
        return _wrap(out)

    @staticmethod
    def backward(ctx, grad):
        lp, lab, skip, in_seq, in_lens, tg_lens, alpha, emit, nll, zero_infinity, blank = ctx.state
        T, N, C = lp.shape
        L = lab.shape[1]
        dt = lp.dtype
        ninf = dt.type(-np.inf)
        Lb = 2 * tg_lens + 1
        beta = np.full((T, N, L), ninf, dt)
        rows = np.arange(N)
        last_t = np.maximum(in_lens - 1, 0)
        init = np.full((N, L), ninf, dt)
        e_last = emit[last_t, rows]
        init[rows, Lb - 1] = e_last[rows, Lb - 1]
        has = tg_lens > 0
        init[rows[has], Lb[has] - 2] = e_last[rows[has], Lb[has] - 2]
        skip_next = np.zeros((N, L), bool)
        if L > 2:
            skip_next[:, :-2] = skip[:, 2:]
        cur = init
        for t in range(T - 1, -1, -1):
            start = (t == last_t)[:, None]
            if t < T - 1:
                nxt = cur
                b = nxt.copy()
                b[:, :-1] = _logaddexp(b[:, :-1], nxt[:, 1:])
                if L > 2:
                    b[:, :-2] = np.where(skip_next[:, :-2], _logaddexp(b[:, :-2], nxt[:, 2:]), b[:, :-2])
                b = b + emit[t]
                b = np.where(in_seq, b, ninf)
                cur = np.where(start, init, np.where((t < last_t)[:, None], b, ninf))
            else:
                cur = np.where(start, init, ninf)
            beta[t] = cur
        ab = alpha + beta  # (T, N, L)
        lcab = np.full((T, N, C), ninf, dt)
        with np.errstate(invalid="ignore"):
            m = ab.max(axis=2, keepdims=True)
            m = np.where(np.isfinite(m), m, 0)
            ex = np.exp(ab - m)
            acc = np.zeros((T, N, C), dt)
            tidx = np.arange(T)[:, None, None]
            nidx = rows[None, :, None]
            np.add.at(acc, (np.broadcast_to(tidx, ab.shape), np.broadcast_to(nidx, ab.shape),
                            np.broadcast_to(lab[None], ab.shape)), ex)
            with np.errstate(divide="ignore"):
                lcab = np.log(acc) + m
            g = (np.exp(lp) - np.exp(lcab + nll[None, :, None] - lp)) * grad._data.reshape(1, N, 1)
        valid_t = np.arange(T)[:, None] < in_lens[None, :]
        g = np.where(valid_t[:, :, None], g, dt.type(0))
        if zero_infinity:
            g = np.where(np.isinf(nll)[None, :, None], dt.type(0), g)
        return _wrap(g.astype(dt, copy=False)), None, None, None, None, None


def _as_lengths(x) -> np.ndarray:
    a = x._data if isinstance(x, Tensor) else np.asarray(x)
    return a.reshape(-1).astype(np.int64)


def ctc_loss(log_probs: Tensor, targets: Tensor, input_lengths: Tensor, target_lengths: Tensor, blank: int = 0,
             reduction: str = "mean", zero_infinity: bool = False) -> Tensor:
    """Connectionist Temporal Classification loss of ``(T, N, C)`` log-probabilities against target sequences."""
    red = _Reduction.get_enum(reduction)
    unbatched = log_probs.dim() == 2
    lp = log_probs.unsqueeze(1) if unbatched else log_probs
    if lp.dim() != 3:
        raise RuntimeError(f"ctc_loss: expected log_probs to be 2-D or 3-D, got {log_probs.dim()}-D")
    T, N, C = lp.shape
    in_lens = _as_lengths(input_lengths)
    tg_lens = _as_lengths(target_lengths)
    if in_lens.shape[0] != N:
        raise RuntimeError("input_lengths must be of size batch_size")
    if tg_lens.shape[0] != N:
        raise RuntimeError("target_lengths must be of size batch_size")
    if not (0 <= blank < C):
        raise RuntimeError("blank must be in label range")
    if (in_lens > T).any():
        bad = int(np.argmax(in_lens > T))
        raise RuntimeError(f"Expected input_lengths to have value at most {T}, but got value {int(in_lens[bad])} "
                           f"(while checking arguments for ctc_loss_allocate_outputs)")
    tg = targets._data
    S = int(tg_lens.max()) if N else 0
    if tg.ndim == 1:
        total = int(tg_lens.sum())
        if tg.shape[0] != total:
            raise RuntimeError(f"Expected tensor to have size {total} at dimension 0, but got size {tg.shape[0]} "
                               "for argument #2 'targets' (while checking arguments for ctc_loss_allocate_outputs)")
        offs = np.concatenate([[0], np.cumsum(tg_lens)[:-1]]).astype(np.int64)
        idx = offs[:, None] + np.arange(S)[None, :]
        ok = np.arange(S)[None, :] < tg_lens[:, None]
        padded = np.where(ok, tg[np.where(ok, idx, 0)] if tg.size else 0, blank)
    else:
        if tg.shape[1] < S:
            raise RuntimeError(f"Expected tensor to have size at least {S} at dimension 1, but got size "
                               f"{tg.shape[1]} for argument #2 'targets' (while checking arguments for "
                               "ctc_loss_allocate_outputs)")
        ok = np.arange(S)[None, :] < tg_lens[:, None]
        padded = np.where(ok, tg[:, :S], blank)
    nll = _CTCLoss.apply(lp, padded.astype(np.int64), in_lens, tg_lens, int(blank), bool(zero_infinity))
    if unbatched:
        nll = nll.reshape(())
    if red == 1:
        tl = _wrap(np.maximum(tg_lens, 1).astype(lp._data.dtype).reshape(nll.shape))
        return (nll / tl).mean()
    if red == 2:
        return nll.sum()
    return nll
