"""``torch.cuda.amp``: the deprecated CUDA spellings of :mod:`gradkit.amp`, disabled without CUDA."""
from __future__ import annotations

import warnings
from typing import Any

from .. import amp as _amp

__all__ = ["autocast", "GradScaler", "custom_fwd", "custom_bwd"]


class autocast(_amp.autocast):
    def __init__(self, enabled: bool = True, dtype: Any = None, cache_enabled: bool = True) -> None:
        super().__init__("cuda", dtype=dtype, enabled=enabled, cache_enabled=cache_enabled)


class GradScaler(_amp.GradScaler):
    def __init__(self, init_scale: float = 2.0 ** 16, growth_factor: float = 2.0, backoff_factor: float = 0.5,
                 growth_interval: int = 2000, enabled: bool = True) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            super().__init__("cuda", init_scale=init_scale, growth_factor=growth_factor,
                             backoff_factor=backoff_factor, growth_interval=growth_interval, enabled=enabled)


custom_fwd = _amp.custom_fwd
custom_bwd = _amp.custom_bwd
