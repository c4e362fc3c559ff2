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


_ENABLED: dict = {}
_DTYPE: dict = {}


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
        dev = self.device_type
        self._prev = (_ENABLED.get(dev, False), _DTYPE.get(dev))
        _ENABLED[dev] = bool(self._enabled)
        if self.fast_dtype is not None:
            _DTYPE[dev] = self.fast_dtype
        return self

    def __exit__(self, *exc: object) -> bool:
        dev = self.device_type
        _ENABLED[dev], dtype = self._prev
        if dtype is None:
            _DTYPE.pop(dev, None)
        else:
            _DTYPE[dev] = dtype
        return False

    def __call__(self, func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            with self:
                return func(*args, **kwargs)
        return wrapper


class GradScaler:
    """Loss scaling for reduced-precision training. ``device="cuda"`` is disabled (no CUDA), as on a CPU-only
    PyTorch: ``scale`` returns its input and ``step`` just calls ``optimizer.step()``. ``device="cpu"`` scales
    like PyTorch's: losses are multiplied by the scale, gradients unscaled before the step, steps with inf/nan
    gradients skipped, and the scale backed off or grown by ``update``."""

    def __init__(self, device: str = "cuda", init_scale: float = 2.0 ** 16, growth_factor: float = 2.0,
                 backoff_factor: float = 0.5, growth_interval: int = 2000, enabled: bool = True) -> None:
        self._device = device
        self._enabled = enabled
        if enabled and device == "cuda":
            warnings.warn("torch.cuda.amp.GradScaler is enabled, but CUDA is not available.  Disabling.",
                          stacklevel=2)
            self._enabled = False
        if self._enabled:
            if growth_factor <= 1.0:
                raise AssertionError("The growth factor must be > 1.0.")
            if backoff_factor >= 1.0:
                raise AssertionError("The backoff factor must be < 1.0.")
        self._init_scale = init_scale
        self._growth_factor = growth_factor
        self._backoff_factor = backoff_factor
        self._growth_interval = growth_interval
        self._scale = None
        self._growth_tracker = 0
        self._states: dict = {}

    def is_enabled(self) -> bool:
        return self._enabled

    def _state(self, optimizer: Any) -> dict:
        return self._states.setdefault(id(optimizer), {"stage": "ready", "found_inf": None})

    def scale(self, outputs: Any) -> Any:
        """``outputs`` (a tensor or nested lists/tuples of them) times the current scale."""
        if not self._enabled:
            return outputs
        from .._creation import full
        from .._dtype import float32
        if self._scale is None:
            self._scale = full((), self._init_scale, dtype=float32)
        from .._tensor import Tensor

        def apply(v):
            if isinstance(v, Tensor):
                return v * self._scale
            if isinstance(v, (list, tuple)):
                return type(v)(apply(x) for x in v)
            if hasattr(v, "__iter__"):
                return map(apply, v)
            raise ValueError("outputs must be a Tensor or an iterable of Tensors")
        return apply(outputs)

    def _check_scale(self, fn: str) -> None:
        if self._scale is None:
            raise AssertionError(f"Attempted {fn} but _scale is None.  This may indicate your script did not use "
                                 "scaler.scale(loss or outputs) earlier in the iteration.")

    def unscale_(self, optimizer: Any) -> None:
        """Divide ``optimizer``'s gradients by the scale in place, noting whether any is inf or nan."""
        if not self._enabled:
            return
        import numpy as np

        from ..autograd.grad_mode import no_grad
        self._check_scale("unscale_")
        st = self._state(optimizer)
        if st["stage"] == "unscaled":
            raise RuntimeError("unscale_() has already been called on this optimizer since the last update().")
        if st["stage"] == "stepped":
            raise RuntimeError("unscale_() is being called after step().")
        inv = np.float32(1.0 / np.float64(self._scale._data))
        found = False
        with no_grad():
            for group in optimizer.param_groups:
                for p in group["params"]:
                    g = p.grad
                    if g is None:
                        continue
                    if g._data.dtype == np.float16:
                        raise ValueError("Attempting to unscale FP16 gradients.")
                    if not np.isfinite(g._data).all():
                        found = True
                    g._data = (g._data * inv).astype(g._data.dtype, copy=False)
                    g._vc[0] += 1
        st["found_inf"] = 1.0 if found else 0.0
        st["stage"] = "unscaled"

    def step(self, optimizer: Any, *args: Any, **kwargs: Any) -> Any:
        """Unscale (if not done yet) and call ``optimizer.step()`` unless a gradient was inf or nan."""
        if not self._enabled:
            return optimizer.step(*args, **kwargs)
        if "closure" in kwargs:
            raise RuntimeError("Closure use is not currently supported if GradScaler is enabled.")
        self._check_scale("step")
        st = self._state(optimizer)
        if st["stage"] == "stepped":
            raise RuntimeError("step() has already been called since the last update().")
        if st["stage"] == "ready":
            self.unscale_(optimizer)
        retval = None
        if not st["found_inf"]:
            retval = optimizer.step(*args, **kwargs)
        st["stage"] = "stepped"
        return retval

    def update(self, new_scale: Any = None) -> None:
        """Back the scale off after a skipped step, or grow it after ``growth_interval`` clean ones."""
        if not self._enabled:
            return
        self._check_scale("update")
        if new_scale is not None:
            value = float(new_scale) if isinstance(new_scale, float) else float(new_scale.item())
            self._scale._data[...] = value
        else:
            infs = [st["found_inf"] for st in self._states.values() if st["found_inf"] is not None]
            if not infs:
                raise AssertionError("No inf checks were recorded prior to update.")
            if sum(infs):
                self._scale._data[...] = self._scale._data * self._backoff_factor
                self._growth_tracker = 0
            else:
                self._growth_tracker += 1
                if self._growth_tracker == self._growth_interval:
                    self._scale._data[...] = self._scale._data * self._growth_factor
                    self._growth_tracker = 0
        self._scale._vc[0] += 1
        self._states = {}

    def get_scale(self) -> float:
        if not self._enabled:
            return 1.0
        return self._init_scale if self._scale is None else float(self._scale._data)

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
        if not self._enabled:
            return {}
        return {"scale": self.get_scale(), "growth_factor": self._growth_factor,
                "backoff_factor": self._backoff_factor, "growth_interval": self._growth_interval,
                "_growth_tracker": self._growth_tracker}

    def load_state_dict(self, state_dict: dict) -> None:
        if not self._enabled:
            return
        if not state_dict:
            raise RuntimeError("The source state dict is empty, possibly because it was saved from a disabled "
                               "instance of GradScaler.")
        self._init_scale = state_dict["scale"]
        if self._scale is not None:
            self._scale._data[...] = state_dict["scale"]
        self._growth_factor = state_dict["growth_factor"]
        self._backoff_factor = state_dict["backoff_factor"]
        self._growth_interval = state_dict["growth_interval"]
        self._growth_tracker = state_dict["_growth_tracker"]


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
