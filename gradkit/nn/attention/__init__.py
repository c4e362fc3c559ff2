"""``torch.nn.attention``: choosing the scaled-dot-product-attention backend. gradkit has one (the math
implementation), so ``sdpa_kernel`` only records the request."""
from __future__ import annotations

import contextlib
import enum
from collections.abc import Iterable

__all__ = ["SDPBackend", "sdpa_kernel", "WARN_FOR_UNFUSED_KERNELS"]

WARN_FOR_UNFUSED_KERNELS = False


class SDPBackend(enum.IntEnum):
    """Implementations of ``scaled_dot_product_attention`` (only ``MATH`` exists in gradkit)."""

    ERROR = -1
    MATH = 0
    FLASH_ATTENTION = 1
    EFFICIENT_ATTENTION = 2
    CUDNN_ATTENTION = 3
    OVERRIDEABLE = 4


_ALLOWED: list = [list(SDPBackend)]


@contextlib.contextmanager
def sdpa_kernel(backends: Iterable | SDPBackend, set_priority: bool = False):
    """Context manager restricting ``scaled_dot_product_attention`` to ``backends`` (gradkit always uses the
    math implementation, so results are unchanged)."""
    chosen = [backends] if isinstance(backends, SDPBackend) else list(backends)
    for b in chosen:
        if not isinstance(b, SDPBackend):
            raise AssertionError("Backend must be an instance of SDPBackend")
    _ALLOWED.append(chosen)
    try:
        yield {}
    finally:
        _ALLOWED.pop()
