"""Adadelta: learning rates adapted from running averages of squared gradients and updates."""
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
    _new_step,
    _to_scalar,
    _upgrade_steps,
    _use_grad_for_differentiable,
)

__all__ = ["Adadelta", "adadelta_kernel"]


def adadelta_kernel(param: np.ndarray, grad: np.ndarray, square_avg: np.ndarray,
                    acc_delta: np.ndarray, *, lr: Any, rho: float, eps: float,
                    weight_decay: float, maximize: bool) -> None:
    """One Adadelta update of ``param``, ``square_avg`` and ``acc_delta`` in place."""
    if maximize:
        grad = np.negative(grad)
    if weight_decay != 0:
        grad = grad + param * weight_decay
    square_avg *= rho
    _addcmul_(square_avg, grad, grad, 1 - rho)
    std = square_avg + eps
    np.sqrt(std, out=std)
    delta = acc_delta + eps
    np.sqrt(delta, out=delta)
    delta /= std
    delta *= grad
    acc_delta *= rho
    _addcmul_(acc_delta, delta, delta, 1 - rho)
    delta *= -lr
    param += delta


class Adadelta(Optimizer):
    """Adadelta, as ``torch.optim.Adadelta``."""

    def __init__(self, params: Any, lr: Any = 1.0, rho: float = 0.9, eps: float = 1e-6,
                 weight_decay: float = 0, foreach: bool | None = None, *, capturable: bool = False,
                 maximize: bool = False, differentiable: bool = False) -> None:
        _check_lr(lr)
        if not 0.0 <= _as_float(lr):
            raise ValueError(f"Invalid learning rate: {lr}")
        if not 0.0 <= rho <= 1.0:
            raise ValueError(f"Invalid rho value: {rho}")
        if not 0.0 <= eps:
            raise ValueError(f"Invalid epsilon value: {eps}")
        if not 0.0 <= weight_decay:
            raise ValueError(f"Invalid weight_decay value: {weight_decay}")
        defaults = {"lr": lr, "rho": rho, "eps": eps, "weight_decay": weight_decay,
                    "maximize": maximize, "capturable": capturable, "foreach": foreach,
                    "differentiable": differentiable}
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
            kw = {"lr": _to_scalar(group["lr"]), "rho": group["rho"], "eps": group["eps"],
                  "weight_decay": group["weight_decay"], "maximize": group["maximize"]}
            work = []
            for p in group["params"]:
                g = p.grad
                if g is None:
                    continue
                state = self.state[p]
                if len(state) == 0:
                    state["step"] = _new_step()
                    state["square_avg"] = _wrap(np.zeros_like(p._data))
                    state["acc_delta"] = _wrap(np.zeros_like(p._data))
                work.append((p, g, state))
            if work:
                _check_capturable(group["capturable"], xla=False)
            for p, g, state in work:
                state["step"]._data += 1
                adadelta_kernel(p._data, g._data, state["square_avg"]._data,
                                state["acc_delta"]._data, **kw)
                p._vc[0] += 1
        return loss
