"""RAdam: Adam with a rectified adaptive learning rate."""
from __future__ import annotations

from typing import Any

import numpy as np

from .._tensor import _wrap
from .optimizer import (
    Optimizer,
    _addcmul_,
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

__all__ = ["RAdam", "radam_kernel"]


def radam_kernel(param: np.ndarray, grad: np.ndarray, exp_avg: np.ndarray, exp_avg_sq: np.ndarray,
                 step: float, *, beta1: float, beta2: float, lr: Any, weight_decay: float,
                 eps: float, decoupled_weight_decay: bool, maximize: bool) -> None:
    """One RAdam update of ``param`` and its moments, in place."""
    if maximize:
        grad = np.negative(grad)
    if weight_decay != 0:
        if decoupled_weight_decay:
            param *= 1 - lr * weight_decay
        else:
            grad = grad + param * weight_decay
    _lerp_(exp_avg, grad, 1 - beta1)
    exp_avg_sq *= beta2
    _addcmul_(exp_avg_sq, grad, grad, 1 - beta2)
    bias_correction1 = 1 - beta1 ** step
    bias_correction2 = 1 - beta2 ** step
    update = exp_avg / bias_correction1
    update *= lr
    rho_inf = 2 / (1 - beta2) - 1
    rho_t = rho_inf - 2 * step * (beta2 ** step) / bias_correction2
    if rho_t > 5.0:
        root = np.sqrt(exp_avg_sq)
        root += eps
        adaptive = np.reciprocal(root, out=root)
        adaptive *= bias_correction2 ** 0.5
        update *= adaptive
        update *= ((rho_t - 4) * (rho_t - 2) * rho_inf / ((rho_inf - 4) * (rho_inf - 2) * rho_t)) ** 0.5
    param -= update


class RAdam(Optimizer):
    """RAdam (rectified Adam), as ``torch.optim.RAdam``."""

    def __init__(self, params: Any, lr: Any = 1e-3, betas: tuple[float, float] = (0.9, 0.999),
                 eps: float = 1e-8, weight_decay: float = 0, decoupled_weight_decay: bool = False,
                 *, foreach: bool | None = None, maximize: bool = False, capturable: bool = False,
                 differentiable: bool = False) -> None:
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
                    "maximize": maximize, "foreach": foreach, "capturable": capturable,
                    "decoupled_weight_decay": decoupled_weight_decay,
                    "differentiable": differentiable}
        super().__init__(params, defaults)

    def __setstate__(self, state: dict[str, Any]) -> None:
        super().__setstate__(state)
        _upgrade_steps(self, group_defaults={"foreach": None, "maximize": False,
                                             "differentiable": False,
                                             "decoupled_weight_decay": False, "capturable": False})

    @_use_grad_for_differentiable
    def step(self, closure: Any = None) -> Any:
        """Perform a single optimization step; ``closure`` re-evaluates the model and returns the loss."""
        loss = _call_closure(closure)
        for group in self.param_groups:
            beta1, beta2 = group["betas"]
            kw = {"beta1": beta1, "beta2": beta2, "lr": _to_scalar(group["lr"]),
                  "weight_decay": group["weight_decay"], "eps": group["eps"],
                  "decoupled_weight_decay": group["decoupled_weight_decay"],
                  "maximize": group["maximize"]}
            for p in group["params"]:
                g = p.grad
                if g is None:
                    continue
                state = self.state[p]
                if len(state) == 0:
                    state["step"] = _new_step()
                    state["exp_avg"] = _wrap(np.zeros_like(p._data))
                    state["exp_avg_sq"] = _wrap(np.zeros_like(p._data))
                _check_capturable(group["capturable"])
                step_t = state["step"]._data
                step_t += 1
                radam_kernel(p._data, g._data, state["exp_avg"]._data, state["exp_avg_sq"]._data,
                             step_t.item(), **kw)
                p._vc[0] += 1
        return loss
