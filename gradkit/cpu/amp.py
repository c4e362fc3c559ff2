"""``torch.cpu.amp``: the deprecated CPU spelling of ``torch.amp`` (``autocast`` with ``device_type='cpu'``)."""
from __future__ import annotations

from ..amp import GradScaler
from ..amp import autocast as _autocast

__all__ = ["autocast", "GradScaler"]


class autocast(_autocast):
    """``torch.amp.autocast('cpu', ...)``."""

    def __init__(self, enabled: bool = True, dtype=None, cache_enabled: bool = True) -> None:
        super().__init__("cpu", dtype=dtype, enabled=enabled, cache_enabled=cache_enabled)
