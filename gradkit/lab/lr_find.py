"""Learning-rate range test: raise the rate exponentially, watch the smoothed loss, suggest a rate."""
from __future__ import annotations

import copy
import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .fit import iter_batches

__all__ = ["lr_find", "LRFinderResult", "suggest_lr"]


@dataclass
class LRFinderResult:
    """The range test's curve (``lrs``, raw ``losses``, ``smoothed``) and its ``suggestion``."""

    lrs: list[float]
    losses: list[float]
    smoothed: list[float]
    suggestion: float
    min_lr: float
    steep_lr: float
    diverged_at: float | None
    info: dict = field(default_factory=dict)

    def plot(self, path: str | None = None):
        """Smoothed loss against learning rate (log axis) with the suggestion marked; PNG to ``path``."""
        from .report import plot_lr_find
        return plot_lr_find(self, path)

    def __repr__(self) -> str:
        div = f", diverged at {self.diverged_at:.3g}" if self.diverged_at else ""
        return (f"LRFinderResult(suggestion={self.suggestion:.3g}, steepest={self.steep_lr:.3g}, "
                f"min={self.min_lr:.3g}, points={len(self.lrs)}{div})")


def suggest_lr(lrs: list[float], smoothed: list[float]) -> tuple[float, float, float]:
    """Returns ``(suggestion, steepest_lr, min_lr)`` from a range test's smoothed curve.

    The suggestion is the middle of the window with the steepest sustained descent of log-loss against
    log-lr, taken before the smoothed minimum, and at most a tenth of the rate at the minimum."""
    lr = np.log10(np.asarray(lrs, dtype=np.float64))
    s = np.asarray(smoothed, dtype=np.float64)
    good = np.isfinite(s)
    lr, s = lr[good], s[good]
    if len(s) < 5:
        v = float(10 ** lr[0]) if len(lr) else 1e-3
        return v, v, v
    imin = int(np.argmin(s))
    y = np.log(s) if s.min() > 0 else s / (np.abs(s).max() + 1e-12)
    min_lr = float(10 ** lr[imin])
    w = max(4, len(s) // 12)
    end = max(imin, w + 1)
    best, best_i = 0.0, None
    for i in range(0, end - w + 1):
        xs, ys = lr[i:i + w + 1], y[i:i + w + 1]
        slope = np.polyfit(xs, ys, 1)[0]
        if slope < best:
            best, best_i = slope, i
    if best_i is None:
        steep = float(10 ** lr[max(imin - w, 0)])
    else:
        steep = float(10 ** lr[best_i + w // 2])
    return min(steep, min_lr / 10), steep, min_lr


def lr_find(model: Any, loss_fn: Any, optimizer: Any, train: Any, *, start_lr: float = 1e-7, end_lr: float = 10,
            num_iter: int = 100, batch_size: int | None = None, beta: float = 0.9,
            diverge_threshold: float = 4.0) -> LRFinderResult:
    """Exponential learning-rate range test from ``start_lr`` to ``end_lr`` over ``num_iter`` steps.

    Stops when the smoothed loss exceeds ``diverge_threshold`` times its best value (or is not finite),
    then restores the model's and the optimizer's state."""
    import gradkit

    if not 0 < start_lr < end_lr:
        raise ValueError(f"need 0 < start_lr < end_lr, got start_lr={start_lr}, end_lr={end_lr}")
    if num_iter < 5:
        raise ValueError(f"num_iter must be at least 5, got {num_iter}")
    model_state = copy.deepcopy(model.state_dict())
    opt_state = copy.deepcopy(optimizer.state_dict())
    rng_state = gradkit.get_rng_state()
    gamma = (end_lr / start_lr) ** (1.0 / (num_iter - 1))
    lrs: list[float] = []
    losses: list[float] = []
    smoothed: list[float] = []
    avg, best = 0.0, math.inf
    diverged = None
    batches = iter_batches(train, batch_size)
    model.train()
    try:
        for i in range(num_iter):
            lr = start_lr * gamma ** i
            for g in optimizer.param_groups:
                g["lr"] = lr
            try:
                xb, yb = next(batches)
            except StopIteration:
                batches = iter_batches(train, batch_size)
                xb, yb = next(batches)
            optimizer.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            optimizer.step()
            v = float(loss.item())
            lrs.append(lr)
            losses.append(v)
            if not math.isfinite(v):
                smoothed.append(math.inf)
                diverged = lr
                break
            avg = beta * avg + (1 - beta) * v
            sm = avg / (1 - beta ** (i + 1))
            smoothed.append(sm)
            best = min(best, sm)
            if i > 5 and sm > diverge_threshold * best:
                diverged = lr
                break
    finally:
        model.load_state_dict(model_state)
        optimizer.load_state_dict(opt_state)
        gradkit.set_rng_state(rng_state)
    sugg, steep, mn = suggest_lr(lrs, smoothed)
    return LRFinderResult(lrs, losses, smoothed, sugg, mn, steep, diverged)
