"""``torch.amp``: automatic mixed precision. gradkit has no reduced-precision fast paths, so ``autocast`` leaves
dtypes unchanged (with CUDA absent PyTorch disables it too) and ``GradScaler`` is disabled as on a CPU-only
PyTorch: it passes losses and optimizer steps through unscaled."""
from __future__ import annotations

import functools
import warnings
from typing import Any

__all__ = ["autocast", "GradScaler", "custom_fwd", "custom_bwd", "is_autocast_available"]


def is_autocast_available(device_type: str) -> bool:
    """Whether ``autocast`` knows ``device_type``."""
    return device_type in ("cpu", "cuda", "mps", "xpu")


class autocast:
    """Context manager / decorator for mixed precision regions. On ``cuda`` it is disabled (no CUDA); on ``cpu``
    gradkit does not lower precision, so results stay in the tensors' own dtypes (PyTorch would use bfloat16)."""

    def __init__(self, device_type: str = "cuda", dtype: Any = None, enabled: bool = True,
                 cache_enabled: bool | None = None) -> None:
        if not isinstance(device_type, str):
            raise ValueError(f"Expected `device_type` of type `str`, got: `{type(device_type)}`")
        self.device_type = device_type
        self.fast_dtype = dtype
        self._enabled = enabled
        if enabled and device_type == "cuda":
            warnings.warn("User provided device_type of 'cuda', but CUDA is not available. Disabling",
                          stacklevel=2)
            self._enabled = False
        elif enabled and device_type == "cpu":
            warnings.warn("gradkit's autocast does not lower precision: CPU autocast regions keep their dtypes",
                          stacklevel=2)

    def __enter__(self) -> autocast:
        return self

    def __exit__(self, *exc: object) -> bool:
        return False

    def __call__(self, func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            with self:
                return func(*args, **kwargs)
        return wrapper


class GradScaler:
    """Loss scaling for float16 training. Without CUDA it is disabled (as PyTorch's is): ``scale`` returns its input,
    ``step`` just calls ``optimizer.step()``, ``update`` and ``unscale_`` do nothing."""

    def __init__(self, device: str = "cuda", init_scale: float = 2.0 ** 16, growth_factor: float = 2.0,
                 backoff_factor: float = 0.5, growth_interval: int = 2000, enabled: bool = True) -> None:
        self._device = device
        if enabled and device == "cuda":
            warnings.warn("torch.cuda.amp.GradScaler is enabled, but CUDA is not available.  Disabling.",
                          stacklevel=2)
        self._enabled = False
        self._init_scale = init_scale
        self._growth_factor = growth_factor
        self._backoff_factor = backoff_factor
        self._growth_interval = growth_interval

    def is_enabled(self) -> bool:
        return self._enabled

    def scale(self, outputs: Any) -> Any:
        return outputs

    def unscale_(self, optimizer: Any) -> None:
        return None

    def step(self, optimizer: Any, *args: Any, **kwargs: Any) -> Any:
        return optimizer.step(*args, **kwargs)

    def update(self, new_scale: Any = None) -> None:
        return None

    def get_scale(self) -> float:
        return 1.0

    def get_growth_factor(self) -> float:
        return self._growth_factor

    def set_growth_factor(self, new_factor: float) -> None:
        self._growth_factor = new_factor

    def get_backoff_factor(self) -> float:
        return self._backoff_factor

    def set_backoff_factor(self, new_factor: float) -> None:
        self._backoff_factor = new_factor

    def get_growth_interval(self) -> int:
        return self._growth_interval

    def set_growth_interval(self, new_interval: int) -> None:
        self._growth_interval = new_interval

    def state_dict(self) -> dict:
        return {}

    def load_state_dict(self, state_dict: dict) -> None:
        if not state_dict:
            raise RuntimeError("The source state dict is empty, possibly because it was saved from a disabled "
                               "instance of GradScaler.")


def custom_fwd(fwd=None, *, device_type: str = "cuda", cast_inputs: Any = None):
    """Decorator for a custom Function's ``forward`` under autocast: a pass-through here."""
    if fwd is None:
        return lambda f: custom_fwd(f, device_type=device_type, cast_inputs=cast_inputs)
    return fwd


def custom_bwd(bwd=None, *, device_type: str = "cuda"):
    """Decorator for a custom Function's ``backward`` under autocast: a pass-through here."""
    if bwd is None:
        return lambda f: custom_bwd(f, device_type=device_type)
    return bwd
