"""Shared helpers for the optim tests: build the same parameters on both sides."""
from __future__ import annotations

import numpy as np

try:
    import gradkit as gk

    _has_public = hasattr(gk, "tensor")
except ImportError:  # pragma: no cover - namespace package while the core is written
    _has_public = False

from gradkit._tensor import Tensor, _wrap


def gk_tensor(arr: np.ndarray, requires_grad: bool = False) -> Tensor:
    if _has_public:
        return gk.tensor(np.array(arr), requires_grad=requires_grad)
    return _wrap(np.array(arr), requires_grad=requires_grad)


def to_np(t) -> np.ndarray:
    if isinstance(t, Tensor):
        return np.asarray(t._data)
    return t.detach().numpy()
