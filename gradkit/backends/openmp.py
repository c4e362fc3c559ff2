"""``torch.backends.openmp``: gradkit does not call openmp itself (NumPy's BLAS may)."""
from __future__ import annotations

__all__ = ["is_available"]


def is_available() -> bool:
    """Whether gradkit uses openmp: no."""
    return False
