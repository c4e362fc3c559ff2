"""``torch.xpu``: Intel GPUs; gradkit has none, so availability checks answer no."""
from __future__ import annotations

__all__ = ["is_available", "device_count", "is_initialized", "manual_seed", "manual_seed_all", "synchronize",
           "empty_cache"]


def is_available() -> bool:
    """Whether an XPU device can be used (never in gradkit)."""
    return False


def device_count() -> int:
    return 0


def is_initialized() -> bool:
    return False


def manual_seed(seed: int) -> None:
    """Seed the XPU generators; silently ignored without XPUs, as in torch."""


def manual_seed_all(seed: int) -> None:
    """Seed every XPU generator; silently ignored without XPUs."""


def synchronize(device=None) -> None:
    raise RuntimeError("PyTorch was compiled without XPU support")


def empty_cache() -> None:
    """Release cached XPU memory (there is none)."""
