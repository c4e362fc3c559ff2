"""Stochastic gradient descent, optionally with momentum, dampening and Nesterov momentum."""
from __future__ import annotations

from typing import Any

import numpy as np

from .._tensor import _wrap
from .optimizer import (
    Optimizer,
    _as_float,
    _call_closure,
    _check_fused_foreach,
    _check_fused_param,
    _check_lr,
    _drop_flat,
    _flat_eligible,
    _flat_group,
    _to_scalar,
    _use_grad_for_differentiable,
)

__all__ = ["SGD", "sgd_kernel"]


def sgd_kernel(param: np.ndarray, grad: np.ndarray, momentum_buffer: np.ndarray | None, *,
               weight_decay: float, momentum: float, lr: float, dampening: float, nesterov: bool,
               maximize: bool) -> np.ndarray | None:
    """One SGD update of ``param`` in place; returns the (possibly new) momentum buffer."""
    if maximize:
        grad = np.negative(grad)
    if weight_decay != 0:
        grad = grad + param * weight_decay
    if momentum != 0:
        buf = momentum_buffer
        if buf is None:
            buf = grad.copy()
        else:
            buf *= momentum
            buf += grad * (1 - dampening) if dampening != 0 else grad
        if nesterov:
            grad = grad + buf * momentum
        else:
            grad = buf
    else:
        buf = momentum_buffer
    param += grad * (-lr)
    return buf


class SGD(Optimizer):
    """Stochastic gradient descent (optionally with momentum), as ``torch.optim.SGD``."""

    def __init__(self, params: Any, lr: Any = 1e-3, momentum: float = 0, dampening: float = 0,
                 weight_decay: Any = 0, nesterov: bool = False, *, maximize: bool = False,
                 foreach: bool | None = None, differentiable: bool = False,
                 fused: bool | None = None) -> None:
        _check_lr(lr)
        if _as_float(lr) < 0.0:
            raise ValueError(f"Invalid learning rate: {lr}")
        if momentum < 0.0:
            raise ValueError(f"Invalid momentum value: {momentum}")
        if _as_float(weight_decay) < 0.0:
            raise ValueError(f"Invalid weight_decay value: {weight_decay}")
        defaults = {"lr": lr, "momentum": momentum, "dampening": dampening,
                    "weight_decay": weight_decay, "nesterov": nesterov, "maximize": maximize,
                    "foreach": foreach, "differentiable": differentiable, "fused": fused}
        if nesterov and (momentum <= 0 or dampening != 0):
            raise ValueError("Nesterov momentum requires a momentum and zero dampening")
        super().__init__(params, defaults)
        if fused:
            self._need_device_dtype_check_for_fused = True
        _check_fused_foreach(self, fused, foreach, differentiable)

    def __setstate__(self, state: dict[str, Any]) -> None:
        super().__setstate__(state)
        for group in self.param_groups:
            group.setdefault("nesterov", False)
            group.setdefault("maximize", False)
            group.setdefault("foreach", None)
            group.setdefault("differentiable", False)
            group.setdefault("fused", False)

    @_use_grad_for_differentiable
    def step(self, closure: Any = None) -> Any:
        """Perform a single optimization step; ``closure`` re-evaluates the model and returns the loss."""
        loss = _call_closure(closure)
        for group in self.param_groups:
            momentum = group["momentum"]
            kw = {"weight_decay": _to_scalar(group["weight_decay"]), "momentum": momentum,
                  "lr": _to_scalar(group["lr"]), "dampening": group["dampening"],
                  "nesterov": group["nesterov"], "maximize": group["maximize"]}
            if _flat_eligible(group):
                fg = _flat_group(self, group, ("momentum_buffer",) if momentum != 0 else (), None, False)
                if fg is not None:
                    buf = fg.bufs.get("momentum_buffer")
                    out = sgd_kernel(fg.param, fg.grad, buf, **kw)
                    if momentum != 0 and buf is None:
                        fg.adopt("momentum_buffer", out)
                    fg.scatter()
                    continue
            else:
                _drop_flat(self, group)
            fused = group["fused"]
            for p in group["params"]:
                g = p.grad
                if g is None:
                    continue
                if fused and getattr(self, "_need_device_dtype_check_for_fused", True):
                    _check_fused_param(p)
                    self._need_device_dtype_check_for_fused = False
                if momentum != 0:
                    state = self.state[p]
                    buf = state.get("momentum_buffer")
                    out = sgd_kernel(p._data, g._data, None if buf is None else buf._data, **kw)
                    if buf is None:
                        state["momentum_buffer"] = _wrap(out)
                else:
                    sgd_kernel(p._data, g._data, None, **kw)
                p._vc[0] += 1
        return loss



