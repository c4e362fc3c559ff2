"""AdamW: Adam with decoupled weight decay."""
from __future__ import annotations

from typing import Any

from .adam import Adam, adam_kernel

__all__ = ["AdamW", "adamw_kernel"]

adamw_kernel = adam_kernel


class AdamW(Adam):
    """Adam whose weight decay shrinks the parameters directly instead of adding to the gradient,
    as ``torch.optim.AdamW`` (default ``weight_decay`` 1e-2)."""

    def __init__(self, params: Any, lr: Any = 1e-3, betas: tuple[Any, Any] = (0.9, 0.999),
                 eps: float = 1e-8, weight_decay: float = 1e-2, amsgrad: bool = False, *,
                 maximize: bool = False, foreach: bool | None = None, capturable: bool = False,
                 differentiable: bool = False, fused: bool | None = None) -> None:
        super().__init__(params, lr, betas, eps, weight_decay, amsgrad, foreach=foreach,
                         maximize=maximize, capturable=capturable, differentiable=differentiable,
                         fused=fused, decoupled_weight_decay=True)

    def __setstate__(self, state: dict[str, Any]) -> None:
        super().__setstate__(state)
        for group in self.param_groups:
            group["decoupled_weight_decay"] = True
