"""``torch.backends.cpu``: the CPU's vector instruction set, as far as gradkit knows it (it leaves SIMD to NumPy)."""
from __future__ import annotations

__all__ = ["get_cpu_capability"]


def get_cpu_capability() -> str:
    """The SIMD level PyTorch would name; gradkit does not dispatch on it and answers ``'DEFAULT'``."""
    return "DEFAULT"
