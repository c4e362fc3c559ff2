"""Adamax: Adam with the infinity norm in place of the second moment."""
from __future__ import annotations

from typing import Any

import numpy as np

from .._tensor import _wrap
from .optimizer import (
    Optimizer,
    _addcdiv_,
    _as_float,
    _call_closure,
    _check_capturable,
    _check_lr,
    _lerp_,
    _new_step,
    _to_scalar,
    _upgrade_steps,
    _use_grad_for_differentiable,
)

__all__ = ["Adamax", "adamax_kernel"]


def adamax_kernel(param: np.ndarray, grad: np.ndarray, exp_avg: np.ndarray, exp_inf: np.ndarray,
                  step: float, *, eps: float, beta1: float, beta2: float, lr: Any,
                  weight_decay: float, maximize: bool) -> None:
    """One Adamax update of ``param``, ``exp_avg`` and ``exp_inf`` in place."""
    if maximize:
        grad = np.negative(grad)
    if weight_decay != 0:
        grad = grad + param * weight_decay
    _lerp_(exp_avg, grad, 1 - beta1)
    exp_inf *= beta2
    norm = np.abs(grad)
    norm += eps
    np.maximum(exp_inf, norm, out=exp_inf)
    clr = lr / (1 - beta1 ** step)
    _addcdiv_(param, exp_avg, exp_inf, -clr)


class Adamax(Optimizer):
    """Adamax (Adam based on the infinity norm), as ``torch.optim.Adamax``."""

    def __init__(self, params: Any, lr: Any = 2e-3, betas: tuple[float, float] = (0.9, 0.999),
                 eps: float = 1e-8, weight_decay: float = 0, foreach: bool | None = None, *,
                 maximize: bool = False, differentiable: bool = False,
                 capturable: bool = False) -> None:
        _check_lr(lr)
        if not 0.0 <= _as_float(lr):
            raise ValueError(f"Invalid learning rate: {lr}")
        if not 0.0 <= eps:
            raise ValueError(f"Invalid epsilon value: {eps}")
        if not 0.0 <= betas[0] < 1.0:
            raise ValueError(f"Invalid beta parameter at index 0: {betas[0]}")
        if not 0.0 <= betas[1] < 1.0:
            raise ValueError(f"Invalid beta parameter at index 1: {betas[1]}")
        if not 0.0 <= weight_decay:
            raise ValueError(f"Invalid weight_decay value: {weight_decay}")
        defaults = {"lr": lr, "betas": betas, "eps": eps, "weight_decay": weight_decay,
                    "foreach": foreach, "maximize": maximize, "differentiable": differentiable,
                    "capturable": capturable}
        super().__init__(params, defaults)

    def __setstate__(self, state: dict[str, Any]) -> None:
        super().__setstate__(state)
        _upgrade_steps(self, group_defaults={"foreach": None, "maximize": False,
                                             "differentiable": False, "capturable": False})

    @_use_grad_for_differentiable
    def step(self, closure: Any = None) -> Any:
        """Perform a single optimization step; ``closure`` re-evaluates the model and returns the loss."""
        loss = _call_closure(closure)
        for group in self.param_groups:
            beta1, beta2 = group["betas"]
            kw = {"eps": group["eps"], "beta1": beta1, "beta2": beta2, "lr": _to_scalar(group["lr"]),
                  "weight_decay": group["weight_decay"], "maximize": group["maximize"]}
            for p in group["params"]:
                g = p.grad
                if g is None:
                    continue
                state = self.state[p]
                if len(state) == 0:
                    state["step"] = _new_step()
                    state["exp_avg"] = _wrap(np.zeros_like(p._data))
                    state["exp_inf"] = _wrap(np.zeros_like(p._data))
                _check_capturable(group["capturable"])
                step_t = state["step"]._data
                step_t += 1
                adamax_kernel(p._data, g._data, state["exp_avg"]._data, state["exp_inf"]._data,
                              step_t.item(), **kw)
                p._vc[0] += 1
        return loss
