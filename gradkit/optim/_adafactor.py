"""Adafactor: factored second-moment estimates for memory-light adaptive steps."""
from __future__ import annotations

from typing import Any

import numpy as np

from .._tensor import Tensor, _wrap
from .optimizer import (
    Optimizer,
    _call_closure,
    _lerp_,
    _new_step,
    _no_grad_step,
    _to_scalar,
)

__all__ = ["Adafactor", "adafactor_kernel"]


def _norm(a: np.ndarray, axis: Any = None, keepdims: bool = False) -> np.ndarray:
    sq = np.square(a)
    return np.sqrt(np.sum(sq, axis=axis, keepdims=keepdims))


def adafactor_kernel(param: np.ndarray, grad: np.ndarray, row_var: np.ndarray | None,
                     col_var: np.ndarray | None, variance: np.ndarray | None, step: float, *,
                     d: float, lr: Any, beta2_decay: float, weight_decay: float,
                     eps1: float | None, eps2: float, maximize: bool) -> None:
    """One Adafactor update of ``param`` and its row/column (or full) variance, in place."""
    if maximize:
        grad = np.negative(grad)
    if eps1 is None:
        eps1 = float(np.finfo(param.dtype).eps)
    one_minus_beta2_t = step ** beta2_decay
    rho_t = min(lr, 1 / (step ** 0.5))
    alpha = max(eps2, float(_norm(param)) / (param.size ** 0.5)) * rho_t
    if weight_decay != 0:
        param *= 1 - lr * weight_decay
    if grad.ndim > 1:
        row_mean = np.square(_norm(grad, axis=-1, keepdims=True))
        row_mean /= grad.shape[-1]
        _lerp_(row_var, row_mean, one_minus_beta2_t)
        col_mean = np.square(_norm(grad, axis=-2, keepdims=True))
        col_mean /= grad.shape[-2]
        _lerp_(col_var, col_mean, one_minus_beta2_t)
        var_estimate = np.matmul(row_var, col_var)
        var_estimate /= np.maximum(row_var.mean(axis=-2, keepdims=True), param.dtype.type(eps1))
    else:
        _lerp_(variance, grad * grad, one_minus_beta2_t)
        var_estimate = variance.copy()
    np.maximum(var_estimate, param.dtype.type(eps1 * eps1), out=var_estimate)
    update = np.sqrt(var_estimate, out=var_estimate)
    np.reciprocal(update, out=update)
    update *= grad
    denom = max(1.0, float(_norm(update)) / ((update.size ** 0.5) * d))
    update *= -alpha / denom
    param += update


class Adafactor(Optimizer):
    """Adafactor, as ``torch.optim.Adafactor``: ``lr`` caps the relative step size and scales
    the decoupled weight decay; ``eps=(eps1, eps2)`` with ``eps1=None`` meaning the dtype's eps."""
    _torch_module = "torch.optim"

    def __init__(self, params: Any, lr: Any = 1e-2, beta2_decay: float = -0.8,
                 eps: tuple[float | None, float] = (None, 1e-3), d: float = 1.0,
                 weight_decay: float = 0.0, *, foreach: bool | None = None,
                 maximize: bool = False) -> None:
        if isinstance(lr, Tensor) and lr.numel() != 1:
            raise ValueError("Tensor lr must be 1-element")
        if not 0.0 <= _to_scalar(lr):
            raise ValueError(f"Learning rate should be >= 0 but is: {lr}")
        if not 0.0 >= beta2_decay:
            raise ValueError(f"beta2_decay should be <= 0 but is: {beta2_decay}")
        if eps[0] is not None and not 0.0 <= eps[0]:
            raise ValueError(f"epsilon1 should be >= 0 but is: {eps[0]}")
        if not 0.0 <= eps[1]:
            raise ValueError(f"epsilon2 should be >= 0 but is: {eps[1]}")
        if not 1.0 <= d:
            raise ValueError(f"Clipping threshold d should be >= 1 but is: {d}")
        if not 0.0 <= weight_decay:
            raise ValueError(f"weight_decay should be >= 0 but is: {weight_decay}")
        defaults = {"lr": lr, "beta2_decay": beta2_decay, "eps": eps, "d": d,
                    "weight_decay": weight_decay, "foreach": foreach, "maximize": maximize}
        super().__init__(params, defaults)

    def __setstate__(self, state: dict[str, Any]) -> None:
        super().__setstate__(state)
        for group in self.param_groups:
            group.setdefault("foreach", None)
            for p in group["params"]:
                st = self.state.get(p, [])
                if len(st) != 0 and not isinstance(st["step"], Tensor):
                    st["step"] = _wrap(np.array(float(st["step"]), dtype=_new_step()._data.dtype))

    @_no_grad_step
    def step(self, closure: Any = None) -> Any:
        """Perform a single optimization step; ``closure`` re-evaluates the model and returns the loss."""
        loss = _call_closure(closure)
        for group in self.param_groups:
            eps1, eps2 = group["eps"]
            kw = {"d": group["d"], "lr": _to_scalar(group["lr"]), "beta2_decay": group["beta2_decay"],
                  "weight_decay": group["weight_decay"], "eps1": eps1, "eps2": eps2,
                  "maximize": group["maximize"]}
            for p in group["params"]:
                g = p.grad
                if g is None:
                    continue
                if p._data.dtype.kind == "c":
                    raise RuntimeError("Adafactor does not support complex parameters")
                state = self.state[p]
                if len(state) == 0:
                    state["step"] = _new_step()
                    if g._data.ndim > 1:
                        row_shape = list(g._data.shape)
                        row_shape[-1] = 1
                        state["row_var"] = _wrap(np.zeros(row_shape, dtype=g._data.dtype))
                        col_shape = list(g._data.shape)
                        col_shape[-2] = 1
                        state["col_var"] = _wrap(np.zeros(col_shape, dtype=g._data.dtype))
                    else:
                        state["variance"] = _wrap(np.zeros_like(g._data))
                step_t = state["step"]._data
                step_t += 1
                adafactor_kernel(p._data, g._data,
                                 state["row_var"]._data if "row_var" in state else None,
                                 state["col_var"]._data if "col_var" in state else None,
                                 state["variance"]._data if "variance" in state else None,
                                 step_t.item(), **kw)
                p._vc[0] += 1
        return loss
