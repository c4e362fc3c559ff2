"""``torch.backends.mkldnn``: gradkit does not call mkldnn itself (NumPy's BLAS may)."""
from __future__ import annotations

__all__ = ["is_available"]


def is_available() -> bool:
    """Whether gradkit uses mkldnn: no."""
    return False
