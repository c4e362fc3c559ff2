"""``torch.backends.mkl``: gradkit does not call mkl itself (NumPy's BLAS may)."""
from __future__ import annotations

__all__ = ["is_available"]


def is_available() -> bool:
    """Whether gradkit uses mkl: no."""
    return False
