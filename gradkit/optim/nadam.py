"""NAdam: Adam with Nesterov momentum."""
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
    _check_capturable,
    _check_lr,
    _lerp_,
    _new_step,
    _scalar_tensor,
    _to_scalar,
    _upgrade_steps,
    _use_grad_for_differentiable,
)

__all__ = ["NAdam", "nadam_kernel"]


def nadam_kernel(param: np.ndarray, grad: np.ndarray, exp_avg: np.ndarray, exp_avg_sq: np.ndarray,
                 mu_product: np.ndarray, step: float, *, beta1: float, beta2: float, lr: Any,
                 weight_decay: float, momentum_decay: float, eps: float,
                 decoupled_weight_decay: bool, maximize: bool) -> None:
    """One NAdam update in place; ``mu_product`` is the 0-d running product of momentum factors."""
    if maximize:
        grad = np.negative(grad)
    bias_correction2 = 1 - beta2 ** step
    if weight_decay != 0:
        if decoupled_weight_decay:
            param *= 1 - lr * weight_decay
        else:
            grad = grad + param * weight_decay
    mu = beta1 * (1.0 - 0.5 * (0.96 ** (step * momentum_decay)))
    mu_next = beta1 * (1.0 - 0.5 * (0.96 ** ((step + 1) * momentum_decay)))
    mu_product *= mu
    _lerp_(exp_avg, grad, 1 - beta1)
    exp_avg_sq *= beta2
    _addcmul_(exp_avg_sq, grad, grad, 1 - beta2)
    denom = exp_avg_sq / bias_correction2
    np.sqrt(denom, out=denom)
    mu_prod = mu_product.item()
    mu_product_next = mu_prod * mu_next
    denom += eps
    _addcdiv_(param, grad, denom, -lr * (1.0 - mu) / (1.0 - mu_prod))
    _addcdiv_(param, exp_avg, denom, (-lr * mu_next) / (1.0 - mu_product_next))


class NAdam(Optimizer):
    """NAdam (Adam with Nesterov momentum), as ``torch.optim.NAdam``."""

    def __init__(self, params: Any, lr: Any = 2e-3, betas: tuple[float, float] = (0.9, 0.999),
                 eps: float = 1e-8, weight_decay: float = 0, momentum_decay: float = 4e-3,
                 decoupled_weight_decay: bool = False, *, foreach: bool | None = None,
                 maximize: bool = False, capturable: bool = False,
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
        if not 0.0 <= momentum_decay:
            raise ValueError(f"Invalid momentum_decay value: {momentum_decay}")
        defaults = {"lr": lr, "betas": betas, "eps": eps, "weight_decay": weight_decay,
                    "momentum_decay": momentum_decay,
                    "decoupled_weight_decay": decoupled_weight_decay, "maximize": maximize,
                    "foreach": foreach, "capturable": capturable, "differentiable": differentiable}
        super().__init__(params, defaults)

    def __setstate__(self, state: dict[str, Any]) -> None:
        super().__setstate__(state)
        _upgrade_steps(self, ("step", "mu_product"),
                       group_defaults={"maximize": False, "foreach": None, "capturable": False,
                                       "differentiable": False, "decoupled_weight_decay": False})

    @_use_grad_for_differentiable
    def step(self, closure: Any = None) -> Any:
        """Perform a single optimization step; ``closure`` re-evaluates the model and returns the loss."""
        loss = _call_closure(closure)
        for group in self.param_groups:
            beta1, beta2 = group["betas"]
            kw = {"beta1": beta1, "beta2": beta2, "lr": _to_scalar(group["lr"]),
                  "weight_decay": group["weight_decay"], "momentum_decay": group["momentum_decay"],
                  "eps": group["eps"], "decoupled_weight_decay": group["decoupled_weight_decay"],
                  "maximize": group["maximize"]}
            for p in group["params"]:
                g = p.grad
                if g is None:
                    continue
                state = self.state[p]
                if len(state) == 0:
                    state["step"] = _new_step()
                    state["mu_product"] = _scalar_tensor(1.0)
                    state["exp_avg"] = _wrap(np.zeros_like(p._data))
                    state["exp_avg_sq"] = _wrap(np.zeros_like(p._data))
                _check_capturable(group["capturable"], "params, mu_products and state_steps")
                step_t = state["step"]._data
                step_t += 1
                nadam_kernel(p._data, g._data, state["exp_avg"]._data, state["exp_avg_sq"]._data,
                             state["mu_product"]._data, step_t.item(), **kw)
                p._vc[0] += 1
        return loss
