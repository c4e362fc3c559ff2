"""Muon: momentum followed by Newton-Schulz orthogonalization, for 2-D parameters."""
from __future__ import annotations

import math
from typing import Any

import numpy as np

from .._tensor import Tensor, _wrap
from .optimizer import Optimizer, _call_closure, _lerp_, _no_grad_step, _to_scalar

__all__ = ["Muon", "muon_kernel"]

EPS = 1e-7
DEFAULT_A = 3.4445
DEFAULT_B = -4.7750
DEFAULT_C = 2.0315
DEFAULT_NS_STEPS = 5


def _bf16(x: np.ndarray) -> np.ndarray:
    """Round to the nearest bfloat16 value (ties to even), kept in a float32 array; float64
    goes through float32 first, as torch's conversion does."""
    x32 = np.ascontiguousarray(x, dtype=np.float32)
    u = x32.view(np.uint32)
    bias = np.uint32(0x7FFF) + ((u >> np.uint32(16)) & np.uint32(1))
    out = ((u + bias) & np.uint32(0xFFFF0000)).view(np.float32)
    nan = np.isnan(x32)
    if nan.any():
        out = np.where(nan, x32, out)
    return out


def _zeropower_via_newtonschulz(grad: np.ndarray, ns_coefficients: tuple[float, float, float],
                                ns_steps: int, eps: float) -> np.ndarray:
    """Approximately orthogonalize ``grad`` with a quintic Newton-Schulz iteration run, as
    torch runs it, in bfloat16 (emulated: float32 arithmetic rounded to bfloat16 after each op)."""
    if ns_steps >= 100:
        raise ValueError("Number of steps must be less than 100 for computational efficiency")
    if grad.ndim != 2:
        raise ValueError("Input tensor gradient must be a 2D matrix")
    if len(ns_coefficients) != 3:
        raise ValueError("Coefficients must be a tuple of exactly 3 values")
    a, b, c = ns_coefficients
    x = _bf16(grad)
    transposed = grad.shape[0] > grad.shape[1]
    if transposed:
        x = x.T
    norm = _bf16(np.sqrt(np.sum(np.square(x, dtype=np.float32), dtype=np.float32)))
    norm = max(norm, _bf16(np.array(eps, dtype=np.float32)))
    x = _bf16(x / norm)
    for _ in range(ns_steps):
        gram = _bf16(x @ x.T)
        gram_update = _bf16(np.float32(b) * gram + np.float32(c) * (gram @ gram))
        x = _bf16(np.float32(a) * x + gram_update @ x)
    if transposed:
        x = x.T
    return x


def _adjust_lr(lr: Any, adjust_lr_fn: str | None, param_shape: tuple[int, ...]) -> Any:
    """Muon's learning-rate scaling for the shape of the parameter."""
    A, B = param_shape[:2]
    if adjust_lr_fn is None or adjust_lr_fn == "original":
        ratio = math.sqrt(max(1, A / B))
    elif adjust_lr_fn == "match_rms_adamw":
        ratio = 0.2 * math.sqrt(max(A, B))
    else:
        ratio = 1.0
    return lr * ratio


def muon_kernel(param: np.ndarray, grad: np.ndarray, momentum_buffer: np.ndarray, *, lr: Any,
                weight_decay: float, momentum: float, nesterov: bool,
                ns_coefficients: tuple[float, float, float], ns_steps: int, eps: float,
                adjust_lr_fn: str | None) -> None:
    """One Muon update of ``param`` and its momentum buffer, in place."""
    if grad.ndim != 2:
        raise ValueError("Param gradient must be a 2D matrix")
    _lerp_(momentum_buffer, grad, 1 - momentum)
    if nesterov:
        update = grad.copy()
        _lerp_(update, momentum_buffer, momentum)
    else:
        update = momentum_buffer
    update = _zeropower_via_newtonschulz(update, ns_coefficients, ns_steps, eps)
    adjusted_lr = _adjust_lr(lr, adjust_lr_fn, param.shape)
    param *= 1 - lr * weight_decay
    param += update.astype(param.dtype, copy=False) * -adjusted_lr


class Muon(Optimizer):
    """Muon, as ``torch.optim.Muon``: SGD-momentum whose update is orthogonalized by
    Newton-Schulz iterations; only 2-D parameters."""
    _torch_module = "torch.optim"

    def __init__(self, params: Any, lr: Any = 1e-3, weight_decay: float = 0.1,
                 momentum: float = 0.95, nesterov: bool = True,
                 ns_coefficients: tuple[float, float, float] = (DEFAULT_A, DEFAULT_B, DEFAULT_C),
                 eps: float = EPS, ns_steps: int = DEFAULT_NS_STEPS,
                 adjust_lr_fn: str | None = None) -> None:
        if isinstance(lr, Tensor) and lr.numel() != 1:
            raise ValueError("Tensor lr must be 1-element")
        if not 0.0 <= _to_scalar(lr):
            raise ValueError(f"Learning rate should be >= 0 but is: {lr}")
        if not 0.0 <= momentum:
            raise ValueError(f"momentum should be >= 0 but is: {momentum}")
        if not 0.0 <= weight_decay:
            raise ValueError(f"weight decay should be >= 0 but is: {weight_decay}")
        if adjust_lr_fn is not None and adjust_lr_fn not in ["original", "match_rms_adamw"]:
            raise ValueError(f"Adjust learning rate function {adjust_lr_fn} is not supported")
        defaults = {"lr": lr, "weight_decay": weight_decay, "momentum": momentum,
                    "nesterov": nesterov, "ns_coefficients": ns_coefficients, "eps": eps,
                    "ns_steps": ns_steps, "adjust_lr_fn": adjust_lr_fn}
        super().__init__(params, defaults)
        for group in self.param_groups:
            for p in group["params"]:
                if p.ndim != 2:
                    raise ValueError("Muon only supports 2D parameters whereas we found a parameter "
                                     f"with size: {p.size()}")

    @_no_grad_step
    def step(self, closure: Any = None) -> Any:
        """Perform a single optimization step; ``closure`` re-evaluates the model and returns the loss."""
        loss = _call_closure(closure)
        for group in self.param_groups:
            kw = {"lr": _to_scalar(group["lr"]), "weight_decay": group["weight_decay"],
                  "momentum": group["momentum"], "nesterov": group["nesterov"],
                  "ns_coefficients": group["ns_coefficients"], "ns_steps": group["ns_steps"],
                  "eps": group["eps"], "adjust_lr_fn": group["adjust_lr_fn"]}
            for p in group["params"]:
                g = p.grad
                if g is None:
                    continue
                if p._data.dtype.kind == "c":
                    raise RuntimeError("Muon does not support complex parameters")
                state = self.state[p]
                if "momentum_buffer" not in state:
                    state["momentum_buffer"] = _wrap(np.zeros_like(g._data))
                muon_kernel(p._data, g._data, state["momentum_buffer"]._data, **kw)
                p._vc[0] += 1
        return loss
