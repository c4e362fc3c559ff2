"""ASGD: averaged stochastic gradient descent."""
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
    _scalar_np_dtype,
    _to_scalar,
    _upgrade_steps,
    _use_grad_for_differentiable,
)

__all__ = ["ASGD", "asgd_kernel"]


def asgd_kernel(param: np.ndarray, grad: np.ndarray, ax: np.ndarray, mu: np.ndarray,
                eta: np.ndarray, step: float, *, lambd: float, lr: Any, t0: float, alpha: float,
                weight_decay: float, maximize: bool) -> None:
    """One ASGD update of ``param`` and its average ``ax``; ``eta`` and ``mu`` are 0-d arrays
    updated in place for the next step."""
    if maximize:
        grad = np.negative(grad)
    if weight_decay != 0:
        grad = grad + param * weight_decay
    eta_value = eta.item()
    param *= 1 - lambd * eta_value
    param += grad * -eta_value
    if mu.item() != 1:
        diff = param - ax
        diff *= mu
        ax += diff
    else:
        ax[...] = param
    # torch builds the new values with ``torch.as_tensor`` (default dtype) before copying them in
    eta[...] = np.asarray(lr / ((1 + lambd * lr * step) ** alpha), dtype=_scalar_np_dtype())
    mu[...] = np.asarray(1 / max(1, step - t0), dtype=_scalar_np_dtype())


class ASGD(Optimizer):
    """Averaged stochastic gradient descent, as ``torch.optim.ASGD``."""

    def __init__(self, params: Any, lr: Any = 1e-2, lambd: float = 1e-4, alpha: float = 0.75,
                 t0: float = 1e6, weight_decay: float = 0, foreach: bool | None = None,
                 maximize: bool = False, differentiable: bool = False,
                 capturable: bool = False) -> None:
        _check_lr(lr)
        if not 0.0 <= _as_float(lr):
            raise ValueError(f"Invalid learning rate: {lr}")
        if not 0.0 <= weight_decay:
            raise ValueError(f"Invalid weight_decay value: {weight_decay}")
        defaults = {"lr": lr, "lambd": lambd, "alpha": alpha, "t0": t0,
                    "weight_decay": weight_decay, "foreach": foreach, "maximize": maximize,
                    "differentiable": differentiable, "capturable": capturable}
        super().__init__(params, defaults)

    def __setstate__(self, state: dict[str, Any]) -> None:
        super().__setstate__(state)
        _upgrade_steps(self, ("step", "eta", "mu"),
                       group_defaults={"foreach": None, "maximize": False,
                                       "differentiable": False, "capturable": False})

    @_use_grad_for_differentiable
    def step(self, closure: Any = None) -> Any:
        """Perform a single optimization step; ``closure`` re-evaluates the model and returns the loss."""
        loss = _call_closure(closure)
        for group in self.param_groups:
            lr = _to_scalar(group["lr"])
            kw = {"lambd": group["lambd"], "lr": lr, "t0": group["t0"], "alpha": group["alpha"],
                  "weight_decay": group["weight_decay"], "maximize": group["maximize"]}
            for p in group["params"]:
                g = p.grad
                if g is None:
                    continue
                state = self.state[p]
                if len(state) == 0:
                    dt = _scalar_np_dtype()
                    state["step"] = _new_step()
                    state["eta"] = _wrap(np.array(lr, dtype=dt))
                    state["mu"] = _wrap(np.ones((), dtype=dt))
                    state["ax"] = _wrap(np.zeros_like(p._data))
                _check_capturable(group["capturable"], "params, mus, etas, and state_steps")
                step_t = state["step"]._data
                step_t += 1
                asgd_kernel(p._data, g._data, state["ax"]._data, state["mu"]._data,
                            state["eta"]._data, step_t.item(), **kw)
                p._vc[0] += 1
        return loss
