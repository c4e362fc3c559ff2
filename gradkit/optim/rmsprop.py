"""RMSprop: divide the gradient by a running root-mean-square of recent gradients."""
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
    _to_scalar,
    _upgrade_steps,
    _use_grad_for_differentiable,
)

__all__ = ["RMSprop", "rmsprop_kernel"]


def rmsprop_kernel(param: np.ndarray, grad: np.ndarray, square_avg: np.ndarray,
                   grad_avg: np.ndarray | None, momentum_buffer: np.ndarray | None, *, lr: Any,
                   alpha: float, eps: float, weight_decay: float, momentum: float, centered: bool,
                   maximize: bool) -> None:
    """One RMSprop update of ``param`` and its running averages, in place."""
    if maximize:
        grad = np.negative(grad)
    if weight_decay != 0:
        grad = grad + param * weight_decay
    square_avg *= alpha
    _addcmul_(square_avg, grad, grad, 1 - alpha)
    if centered:
        _lerp_(grad_avg, grad, 1 - alpha)
        avg = grad_avg * -1
        avg *= grad_avg
        avg += square_avg
        np.sqrt(avg, out=avg)
    else:
        avg = np.sqrt(square_avg)
    avg += eps
    if momentum > 0:
        momentum_buffer *= momentum
        _addcdiv_(momentum_buffer, grad, avg, 1)
        param += momentum_buffer * -lr
    else:
        _addcdiv_(param, grad, avg, -lr)


class RMSprop(Optimizer):
    """RMSprop, as ``torch.optim.RMSprop`` (optionally centered and with momentum)."""

    def __init__(self, params: Any, lr: Any = 1e-2, alpha: float = 0.99, eps: float = 1e-8,
                 weight_decay: float = 0, momentum: float = 0, centered: bool = False,
                 capturable: bool = False, foreach: bool | None = None, maximize: bool = False,
                 differentiable: bool = False) -> None:
        _check_lr(lr)
        if not 0.0 <= _as_float(lr):
            raise ValueError(f"Invalid learning rate: {lr}")
        if not 0.0 <= eps:
            raise ValueError(f"Invalid epsilon value: {eps}")
        if not 0.0 <= momentum:
            raise ValueError(f"Invalid momentum value: {momentum}")
        if not 0.0 <= weight_decay:
            raise ValueError(f"Invalid weight_decay value: {weight_decay}")
        if not 0.0 <= alpha:
            raise ValueError(f"Invalid alpha value: {alpha}")
        defaults = {"lr": lr, "momentum": momentum, "alpha": alpha, "eps": eps,
                    "centered": centered, "weight_decay": weight_decay, "capturable": capturable,
                    "foreach": foreach, "maximize": maximize, "differentiable": differentiable}
        super().__init__(params, defaults)

    def __setstate__(self, state: dict[str, Any]) -> None:
        super().__setstate__(state)
        _upgrade_steps(self, group_defaults={"momentum": 0, "centered": False, "foreach": None,
                                             "maximize": False, "differentiable": False,
                                             "capturable": False})

    @_use_grad_for_differentiable
    def step(self, closure: Any = None) -> Any:
        """Perform a single optimization step; ``closure`` re-evaluates the model and returns the loss."""
        loss = _call_closure(closure)
        for group in self.param_groups:
            momentum = group["momentum"]
            centered = group["centered"]
            kw = {"lr": _to_scalar(group["lr"]), "alpha": group["alpha"], "eps": group["eps"],
                  "weight_decay": group["weight_decay"], "momentum": momentum, "centered": centered,
                  "maximize": group["maximize"]}
            for p in group["params"]:
                g = p.grad
                if g is None:
                    continue
                state = self.state[p]
                if len(state) == 0:
                    state["step"] = _new_step()
                    state["square_avg"] = _wrap(np.zeros_like(p._data))
                    if momentum > 0:
                        state["momentum_buffer"] = _wrap(np.zeros_like(p._data))
                    if centered:
                        state["grad_avg"] = _wrap(np.zeros_like(p._data))
                _check_capturable(group["capturable"])
                state["step"]._data += 1
                rmsprop_kernel(p._data, g._data, state["square_avg"]._data,
                               state["grad_avg"]._data if centered else None,
                               state["momentum_buffer"]._data if momentum > 0 else None, **kw)
                p._vc[0] += 1
        return loss
