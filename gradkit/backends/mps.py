"""``torch.backends.mps``: Apple's Metal backend, absent here."""
from __future__ import annotations

__all__ = ["is_available", "is_built"]


def is_available() -> bool:
    """Whether MPS can be used: no."""
    return False


def is_built() -> bool:
    """Whether gradkit was built with MPS: no."""
    return False
