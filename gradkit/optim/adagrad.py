"""Adagrad: per-element learning rates scaled by the accumulated squared gradients."""
from __future__ import annotations

from typing import Any

import numpy as np

from .._tensor import _wrap
from .optimizer import (
    Optimizer,
    _addcdiv_,
    _addcmul_,
    _as_float,
    _call_closure,
    _check_fused_foreach,
    _check_fused_param,
    _check_lr,
    _new_step,
    _scalar_tensor,
    _to_scalar,
    _upgrade_steps,
    _use_grad_for_differentiable,
)

__all__ = ["Adagrad", "adagrad_kernel"]


def adagrad_kernel(param: np.ndarray, grad: np.ndarray, state_sum: np.ndarray, step: float, *,
                   lr: Any, weight_decay: float, lr_decay: float, eps: float,
                   maximize: bool) -> None:
    """One Adagrad update of ``param`` and ``state_sum`` in place."""
    if maximize:
        grad = np.negative(grad)
    if weight_decay != 0:
        grad = grad + param * weight_decay
    clr = lr / (1 + (step - 1) * lr_decay)
    _addcmul_(state_sum, grad, grad, 1)
    std = np.sqrt(state_sum)
    std += eps
    _addcdiv_(param, grad, std, -clr)


class Adagrad(Optimizer):
    """Adagrad, as ``torch.optim.Adagrad``; the accumulator is created for every parameter at
    construction."""

    def __init__(self, params: Any, lr: Any = 1e-2, lr_decay: float = 0, weight_decay: float = 0,
                 initial_accumulator_value: float = 0, eps: float = 1e-10,
                 foreach: bool | None = None, *, maximize: bool = False,
                 differentiable: bool = False, fused: bool | None = None) -> None:
        _check_lr(lr)
        if not 0.0 <= _as_float(lr):
            raise ValueError(f"Invalid learning rate: {lr}")
        if not 0.0 <= lr_decay:
            raise ValueError(f"Invalid lr_decay value: {lr_decay}")
        if not 0.0 <= weight_decay:
            raise ValueError(f"Invalid weight_decay value: {weight_decay}")
        if not 0.0 <= initial_accumulator_value:
            raise ValueError(f"Invalid initial_accumulator_value value: {initial_accumulator_value}")
        if not 0.0 <= eps:
            raise ValueError(f"Invalid epsilon value: {eps}")
        defaults = {"lr": lr, "lr_decay": lr_decay, "eps": eps, "weight_decay": weight_decay,
                    "initial_accumulator_value": initial_accumulator_value, "foreach": foreach,
                    "maximize": maximize, "differentiable": differentiable, "fused": fused}
        super().__init__(params, defaults)
        if fused:
            self._need_device_dtype_check_for_fused = True
        _check_fused_foreach(self, fused, foreach, differentiable)
        for group in self.param_groups:
            for p in group["params"]:
                state = self.state[p]
                state["step"] = _wrap(np.zeros((), np.float32)) if group["fused"] else _new_step()
                state["sum"] = _wrap(np.full_like(p._data, initial_accumulator_value))

    def __setstate__(self, state: dict[str, Any]) -> None:
        super().__setstate__(state)
        _upgrade_steps(self, group_defaults={"foreach": None, "maximize": False,
                                             "differentiable": False, "fused": None})
        for s in self.state.values():
            if isinstance(s, dict) and "step" in s and not hasattr(s["step"], "_data"):
                s["step"] = _scalar_tensor(float(s["step"]))

    def share_memory(self) -> None:
        """Sharing memory between processes is a no-op for NumPy-backed state."""

    @_use_grad_for_differentiable
    def step(self, closure: Any = None) -> Any:
        """Perform a single optimization step; ``closure`` re-evaluates the model and returns the loss."""
        loss = _call_closure(closure)
        for group in self.param_groups:
            kw = {"lr": _to_scalar(group["lr"]), "weight_decay": group["weight_decay"],
                  "lr_decay": group["lr_decay"], "eps": group["eps"], "maximize": group["maximize"]}
            fused = group["fused"]
            for p in group["params"]:
                g = p.grad
                if g is None:
                    continue
                if fused and getattr(self, "_need_device_dtype_check_for_fused", True):
                    _check_fused_param(p)
                    self._need_device_dtype_check_for_fused = False
                state = self.state[p]
                if len(state) == 0:
                    if fused:
                        _check_fused_param(p)
                    state["step"] = _wrap(np.zeros((), np.float32)) if fused else _new_step()
                    state["sum"] = _wrap(np.full_like(
                        p._data, self.defaults["initial_accumulator_value"]))
                step_t = state["step"]._data
                step_t += 1
                adagrad_kernel(p._data, g._data, state["sum"]._data, step_t.item(), **kw)
                p._vc[0] += 1
        return loss
