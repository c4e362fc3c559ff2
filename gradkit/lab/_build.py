"""Builds models, losses and optimizers from the short names the CLI and ``compare`` accept."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["build_model", "get_loss", "get_optimizer", "LOSSES"]

LOSSES = {
    "mse": "mse_loss", "l1": "l1_loss", "mae": "l1_loss", "smooth_l1": "smooth_l1_loss", "huber": "huber_loss",
    "cross_entropy": "cross_entropy", "ce": "cross_entropy", "nll": "nll_loss",
    "bce_with_logits": "binary_cross_entropy_with_logits", "bce": "binary_cross_entropy",
    "kl_div": "kl_div", "soft_margin": "soft_margin_loss",
}


class UserError(ValueError):
    """A mistake in names or arguments, reported as one line by the CLI."""


def build_model(spec: str, activation: str = "ReLU") -> Any:
    """``"64-128-10"`` → ``Sequential(Linear(64, 128), ReLU(), Linear(128, 10))``; ``"1-1"`` → ``Linear(1, 1)``."""
    import gradkit.nn as nn

    try:
        sizes = [int(s) for s in str(spec).split("-")]
    except ValueError:
        raise UserError(f"bad model spec {spec!r}: expected layer sizes joined by '-', e.g. 64-128-10") from None
    if len(sizes) < 2 or any(s <= 0 for s in sizes):
        raise UserError(f"bad model spec {spec!r}: need at least two positive sizes, e.g. 1-1 or 64-128-10")
    act = getattr(nn, activation, None)
    if act is None:
        raise UserError(f"unknown activation {activation!r}")
    if len(sizes) == 2:
        return nn.Linear(sizes[0], sizes[1])
    layers: list[Any] = []
    for i in range(len(sizes) - 1):
        layers.append(nn.Linear(sizes[i], sizes[i + 1]))
        if i < len(sizes) - 2:
            layers.append(act())
    return nn.Sequential(*layers)


def get_loss(name: str) -> Callable[[Any, Any], Any]:
    """A loss function ``(output, target) -> loss`` from a torch functional name (``mse``, ``cross_entropy``...).

    Binary losses get float targets shaped like the output; regression losses get targets shaped like it."""
    import gradkit.nn.functional as F

    key = name.lower().replace("-", "_")
    fn_name = LOSSES.get(key, key)
    fn = getattr(F, fn_name, None)
    if fn is None or not callable(fn) or not (fn_name.endswith("_loss") or fn_name in (
            "cross_entropy", "binary_cross_entropy", "binary_cross_entropy_with_logits", "kl_div")):
        raise UserError(f"unknown loss {name!r}; choose from {', '.join(sorted(LOSSES))}")
    if fn_name in ("cross_entropy", "nll_loss"):
        def loss(out, target):
            return fn(out, target.long() if target.is_floating_point() else target)
    elif fn_name.startswith("binary") or fn_name == "soft_margin_loss":
        def loss(out, target):
            return fn(out, target.to(out.dtype).reshape(out.shape))
    else:
        def loss(out, target):
            if target.shape != out.shape and target.numel() == out.numel():
                target = target.reshape(out.shape)
            return fn(out, target.to(out.dtype))
    loss.__name__ = key
    return loss


def get_optimizer(name: str) -> type:
    """The ``gradkit.optim`` class named ``name`` (case-insensitive)."""
    import gradkit.optim as optim

    names = [n for n in optim.__all__ if n[:1].isupper() and n != "Optimizer"]
    for n in names:
        if n.lower() == name.lower():
            return getattr(optim, n)
    raise UserError(f"unknown optimizer {name!r}; choose from {', '.join(names)}")
