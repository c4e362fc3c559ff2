"""Rprop: resilient backpropagation, per-element step sizes driven by gradient signs."""
from __future__ import annotations

from typing import Any

import numpy as np

from .._tensor import _wrap
from .optimizer import (
    Optimizer,
    _as_float,
    _call_closure,
    _check_capturable,
    _check_lr,
    _new_step,
    _upgrade_steps,
    _use_grad_for_differentiable,
)

__all__ = ["Rprop", "rprop_kernel"]


def rprop_kernel(param: np.ndarray, grad: np.ndarray, prev: np.ndarray, step_size: np.ndarray, *,
                 step_size_min: float, step_size_max: float, etaminus: float, etaplus: float,
                 maximize: bool) -> None:
    """One Rprop update of ``param``, ``prev`` (last gradient) and ``step_size``, in place."""
    if maximize:
        grad = np.negative(grad)
    sign = grad * prev
    np.sign(sign, out=sign)
    sign[sign > 0] = etaplus
    sign[sign < 0] = etaminus
    sign[sign == 0] = 1
    step_size *= sign
    np.clip(step_size, step_size_min, step_size_max, out=step_size)
    grad = grad.copy()
    grad[sign == etaminus] = 0
    update = np.sign(grad)
    update *= step_size
    param -= update
    prev[...] = grad


class Rprop(Optimizer):
    """The resilient backpropagation algorithm, as ``torch.optim.Rprop``."""

    def __init__(self, params: Any, lr: Any = 1e-2, etas: tuple[float, float] = (0.5, 1.2),
                 step_sizes: tuple[float, float] = (1e-6, 50), *, capturable: bool = False,
                 foreach: bool | None = None, maximize: bool = False,
                 differentiable: bool = False) -> None:
        _check_lr(lr)
        if not 0.0 <= _as_float(lr):
            raise ValueError(f"Invalid learning rate: {lr}")
        if not 0.0 < etas[0] < 1.0 < etas[1]:
            raise ValueError(f"Invalid eta values: {etas[0]}, {etas[1]}")
        defaults = {"lr": lr, "etas": etas, "step_sizes": step_sizes, "foreach": foreach,
                    "maximize": maximize, "differentiable": differentiable,
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
            etaminus, etaplus = group["etas"]
            step_size_min, step_size_max = group["step_sizes"]
            for p in group["params"]:
                g = p.grad
                if g is None:
                    continue
                state = self.state[p]
                if len(state) == 0:
                    state["step"] = _new_step()
                    state["prev"] = _wrap(np.zeros_like(p._data))
                    state["step_size"] = _wrap(np.full_like(g._data, _as_float(group["lr"])))
                _check_capturable(group["capturable"])
                state["step"]._data += 1
                rprop_kernel(p._data, g._data, state["prev"]._data, state["step_size"]._data,
                             step_size_min=step_size_min, step_size_max=step_size_max,
                             etaminus=etaminus, etaplus=etaplus, maximize=group["maximize"])
                p._vc[0] += 1
        return loss
