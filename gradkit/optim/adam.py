"""Adam (and, with decoupled weight decay, AdamW)."""
from __future__ import annotations

from typing import Any

import numpy as np

from .._tensor import Tensor, _wrap
from .optimizer import (
    Optimizer,
    _addcdiv_,
    _addcmul_,
    _as_float,
    _call_closure,
    _check_capturable,
    _check_fused_foreach,
    _check_fused_param,
    _check_lr,
    _drop_flat,
    _flat_eligible,
    _flat_group,
    _lerp_,
    _new_step,
    _next_step,
    _to_scalar,
    _upgrade_steps,
    _use_grad_for_differentiable,
)

__all__ = ["Adam", "adam_kernel"]


def adam_kernel(param: np.ndarray, grad: np.ndarray, exp_avg: np.ndarray, exp_avg_sq: np.ndarray,
                max_exp_avg_sq: np.ndarray | None, step: float, *, lr: Any, beta1: Any, beta2: Any,
                eps: float, weight_decay: float, amsgrad: bool, maximize: bool,
                decoupled_weight_decay: bool = False) -> None:
    """One Adam update of ``param`` and its moments, in place (``step`` already counts this one)."""
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
    step_size = lr / bias_correction1
    bias_correction2_sqrt = bias_correction2 ** 0.5
    if amsgrad:
        np.maximum(max_exp_avg_sq, exp_avg_sq, out=max_exp_avg_sq)
        denom = np.sqrt(max_exp_avg_sq)
    else:
        denom = np.sqrt(exp_avg_sq)
    denom /= bias_correction2_sqrt
    denom += eps
    _addcdiv_(param, exp_avg, denom, -step_size)


def _check_beta_tensor(beta: Any, index: int, foreach: Any, capturable: bool) -> None:
    if isinstance(beta, Tensor):
        if not capturable and foreach:
            raise ValueError(f"betas[{index}] as a Tensor is not supported for capturable=False "
                             "and foreach=True")
        if beta.numel() != 1:
            raise ValueError(f"Tensor betas[{index}] must be 1-element")


class Adam(Optimizer):
    """Adam: adaptive moment estimation, as ``torch.optim.Adam`` (L2 weight decay unless
    ``decoupled_weight_decay``)."""

    def __init__(self, params: Any, lr: Any = 1e-3, betas: tuple[Any, Any] = (0.9, 0.999),
                 eps: float = 1e-8, weight_decay: float = 0, amsgrad: bool = False, *,
                 foreach: bool | None = None, maximize: bool = False, capturable: bool = False,
                 differentiable: bool = False, fused: bool | None = None,
                 decoupled_weight_decay: bool = False) -> None:
        if isinstance(lr, Tensor) and foreach and not capturable:
            raise ValueError("lr as a Tensor is not supported for capturable=False and foreach=True")
        _check_lr(lr)
        if not 0.0 <= _as_float(lr):
            raise ValueError(f"Invalid learning rate: {lr}")
        if not 0.0 <= eps:
            raise ValueError(f"Invalid epsilon value: {eps}")
        if not 0.0 <= _as_float(betas[0]) < 1.0:
            raise ValueError(f"Invalid beta parameter at index 0: {betas[0]}")
        if not 0.0 <= _as_float(betas[1]) < 1.0:
            raise ValueError(f"Invalid beta parameter at index 1: {betas[1]}")
        if not 0.0 <= weight_decay:
            raise ValueError(f"Invalid weight_decay value: {weight_decay}")
        if not ((isinstance(betas[0], float) and isinstance(betas[1], float))
                or (isinstance(betas[0], Tensor) and isinstance(betas[1], Tensor))):
            raise ValueError("betas must be either both floats or both Tensors")  # noqa: TRY004
        _check_beta_tensor(betas[0], 0, foreach, capturable)
        _check_beta_tensor(betas[1], 1, foreach, capturable)
        betas = tuple(b.squeeze() if isinstance(b, Tensor) and b.dim() != 0 else b for b in betas)
        defaults = {"lr": lr, "betas": betas, "eps": eps, "weight_decay": weight_decay,
                    "amsgrad": amsgrad, "maximize": maximize, "foreach": foreach,
                    "capturable": capturable, "differentiable": differentiable, "fused": fused,
                    "decoupled_weight_decay": decoupled_weight_decay}
        super().__init__(params, defaults)
        _check_fused_foreach(self, fused, foreach, differentiable)

    def __setstate__(self, state: dict[str, Any]) -> None:
        super().__setstate__(state)
        for group in self.param_groups:
            group.setdefault("amsgrad", False)
            group.setdefault("maximize", False)
            group.setdefault("foreach", None)
            group.setdefault("capturable", False)
            group.setdefault("differentiable", False)
            group.setdefault("decoupled_weight_decay", False)
            group.setdefault("fused", None)
        _upgrade_steps(self)

    @_use_grad_for_differentiable
    def step(self, closure: Any = None) -> Any:
        """Perform a single optimization step; ``closure`` re-evaluates the model and returns the loss."""
        loss = _call_closure(closure)
        state_of = self.state
        for group in self.param_groups:
            beta1, beta2 = group["betas"]
            amsgrad = group["amsgrad"]
            fused = group["fused"]
            capturable = group["capturable"]
            lr = group["lr"]
            if (group["foreach"] and isinstance(lr, Tensor) and not capturable
                    and any(p.grad is not None for p in group["params"])):
                raise RuntimeError("lr as a Tensor is not supported for capturable=False and foreach=True")
            kw = {"lr": _to_scalar(lr), "beta1": _to_scalar(beta1), "beta2": _to_scalar(beta2),
                  "eps": group["eps"], "weight_decay": group["weight_decay"], "amsgrad": amsgrad,
                  "maximize": group["maximize"],
                  "decoupled_weight_decay": group["decoupled_weight_decay"]}
            if _flat_eligible(group):
                keys = ("exp_avg", "exp_avg_sq", "max_exp_avg_sq") if amsgrad else ("exp_avg", "exp_avg_sq")
                fg = _flat_group(self, group, keys, "step", True)
                if fg is not None:
                    step = _next_step(fg)
                    if step is not None:
                        adam_kernel(fg.param, fg.grad, fg.bufs["exp_avg"], fg.bufs["exp_avg_sq"],
                                    fg.bufs["max_exp_avg_sq"] if amsgrad else None, step, **kw)
                        fg.scatter()
                        continue
            _drop_flat(self, group)
            for p in group["params"]:
                g = p.grad
                if g is None:
                    continue
                state = state_of[p]
                if len(state) == 0:
                    if fused:
                        _check_fused_param(p)
                    state["step"] = _wrap(np.zeros((), np.float32)) if (capturable or fused) \
                        else _new_step()
                    state["exp_avg"] = _wrap(np.zeros_like(p._data))
                    state["exp_avg_sq"] = _wrap(np.zeros_like(p._data))
                    if amsgrad:
                        state["max_exp_avg_sq"] = _wrap(np.zeros_like(p._data))
                _check_capturable(capturable)
                step_t = state["step"]._data
                step_t += 1
                adam_kernel(p._data, g._data, state["exp_avg"]._data, state["exp_avg_sq"]._data,
                            state["max_exp_avg_sq"]._data if amsgrad else None, step_t.item(), **kw)
                p._vc[0] += 1
        return loss
