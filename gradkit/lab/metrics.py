"""Metrics for :func:`gradkit.lab.fit`: accuracy, top-k accuracy, MAE and R², computed on NumPy arrays."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

__all__ = ["accuracy", "top_k_accuracy", "mae", "r2", "get_metric", "Metric", "METRICS"]


def _np(t: Any) -> np.ndarray:
    if hasattr(t, "_data"):
        return np.asarray(t._data)
    if hasattr(t, "detach"):
        return t.detach().cpu().numpy()
    return np.asarray(t)


def _class_scores(output: np.ndarray) -> np.ndarray:
    return output if output.ndim > 1 else output[:, None]


def accuracy(output: Any, target: Any) -> float:
    """Fraction of rows whose predicted class equals the target.

    ``output`` holds class scores (N, C), or one logit per row for binary problems (N,) / (N, 1), where a
    positive logit means class 1; ``target`` holds class indices (or 0/1 values)."""
    out, tgt = _np(output), _np(target)
    if out.ndim == 1 or (out.ndim == 2 and out.shape[1] == 1):
        pred = (out.reshape(-1) > 0).astype(np.int64)
        return float(np.mean(pred == tgt.reshape(-1).astype(np.int64)))
    if tgt.ndim == out.ndim:
        tgt = tgt.argmax(axis=1)
    return float(np.mean(out.argmax(axis=1) == tgt.reshape(-1)))


def top_k_accuracy(output: Any, target: Any, k: int = 5) -> float:
    """Fraction of rows whose target is among the ``k`` highest scores."""
    out, tgt = _class_scores(_np(output)), _np(target).reshape(-1)
    k = min(k, out.shape[1])
    top = np.argpartition(-out, k - 1, axis=1)[:, :k]
    return float(np.mean((top == tgt[:, None]).any(axis=1)))


def mae(output: Any, target: Any) -> float:
    """Mean absolute error."""
    out, tgt = _np(output).astype(np.float64), _np(target).astype(np.float64)
    return float(np.mean(np.abs(out.reshape(tgt.shape) - tgt))) if out.size == tgt.size else \
        float(np.mean(np.abs(out - tgt)))


def r2(output: Any, target: Any) -> float:
    """Coefficient of determination, 1 - SS_res / SS_tot (averaged over output columns)."""
    tgt = _np(target).astype(np.float64)
    out = _np(output).astype(np.float64).reshape(tgt.shape)
    tgt2 = tgt.reshape(tgt.shape[0], -1)
    out2 = out.reshape(tgt.shape[0], -1)
    ss_res = ((tgt2 - out2) ** 2).sum(axis=0)
    ss_tot = ((tgt2 - tgt2.mean(axis=0)) ** 2).sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        r = np.where(ss_tot > 0, 1.0 - ss_res / np.where(ss_tot > 0, ss_tot, 1.0), 0.0)
    return float(r.mean())


class Metric:
    """A named metric: ``fn(output, target) -> float``; ``higher`` says whether larger is better."""

    def __init__(self, name: str, fn: Callable[[Any, Any], float], higher: bool = True) -> None:
        self.name = name
        self.fn = fn
        self.higher = higher

    def __call__(self, output: Any, target: Any) -> float:
        return self.fn(output, target)

    def __repr__(self) -> str:
        return f"Metric({self.name!r})"


METRICS: dict[str, Metric] = {
    "accuracy": Metric("accuracy", accuracy),
    "acc": Metric("accuracy", accuracy),
    "top5": Metric("top5", lambda o, t: top_k_accuracy(o, t, 5)),
    "top3": Metric("top3", lambda o, t: top_k_accuracy(o, t, 3)),
    "mae": Metric("mae", mae, higher=False),
    "r2": Metric("r2", r2),
}


def get_metric(m: str | Callable | Metric) -> Metric:
    """Turns a name (``accuracy``, ``top5``, ``top_k=3``, ``mae``, ``r2``) or a callable into a :class:`Metric`."""
    if isinstance(m, Metric):
        return m
    if callable(m):
        return Metric(getattr(m, "__name__", "metric"), m)
    key = str(m).lower()
    if key.startswith("top") and key.split("=")[-1].lstrip("top_k").isdigit():
        k = int(key.split("=")[-1].lstrip("top_k"))
        return Metric(f"top{k}", lambda o, t: top_k_accuracy(o, t, k))
    if key not in METRICS:
        raise ValueError(f"unknown metric {m!r}; choose from accuracy, top5, top_k=K, mae, r2 or pass a callable")
    return METRICS[key]
