"""``torch.cuda`` on a machine without CUDA: gradkit runs on the CPU only.

Queries answer as CPU-only PyTorch does (``is_available()`` is False, ``device_count()`` is 0, memory counters are
0); seeding is a no-op; anything that needs a GPU raises the ``AssertionError`` PyTorch raises without CUDA."""
from __future__ import annotations

import contextlib
from typing import Any

from . import amp

__all__ = ["is_available", "device_count", "is_initialized", "init", "current_device", "set_device",
           "get_device_name", "get_device_capability", "get_device_properties", "synchronize", "empty_cache",
           "manual_seed", "manual_seed_all", "seed", "seed_all", "initial_seed", "get_rng_state", "set_rng_state",
           "get_rng_state_all", "set_rng_state_all", "memory_allocated", "max_memory_allocated", "memory_reserved",
           "max_memory_reserved", "memory_cached", "max_memory_cached", "reset_peak_memory_stats",
           "reset_max_memory_allocated", "is_bf16_supported", "device", "device_of", "stream", "current_stream",
           "default_stream", "amp", "ipc_collect", "mem_get_info", "memory_stats", "memory_summary",
           "OutOfMemoryError"]

_NO_CUDA = "Torch not compiled with CUDA enabled"


class OutOfMemoryError(RuntimeError):
    """Raised by PyTorch when the GPU runs out of memory (never by gradkit)."""


def _lazy_init() -> None:
    raise AssertionError(_NO_CUDA)


def is_available() -> bool:
    """Whether a CUDA GPU can be used: never in gradkit."""
    return False


def device_count() -> int:
    """The number of CUDA GPUs: 0."""
    return 0


def is_initialized() -> bool:
    return False


def init() -> None:
    _lazy_init()


def current_device() -> int:
    _lazy_init()
    return 0


def set_device(device: Any) -> None:
    _lazy_init()


def get_device_name(device: Any = None) -> str:
    _lazy_init()
    return ""


def get_device_capability(device: Any = None) -> tuple[int, int]:
    _lazy_init()
    return (0, 0)


def get_device_properties(device: Any = None) -> Any:
    _lazy_init()


def synchronize(device: Any = None) -> None:
    _lazy_init()


def current_stream(device: Any = None) -> Any:
    _lazy_init()


def default_stream(device: Any = None) -> Any:
    _lazy_init()


def get_rng_state(device: Any = "cuda") -> Any:
    _lazy_init()


def set_rng_state(new_state: Any, device: Any = "cuda") -> None:
    _lazy_init()


def initial_seed() -> int:
    _lazy_init()
    return 0


def get_rng_state_all() -> list:
    return []


def set_rng_state_all(new_states: Any) -> None:
    pass


def manual_seed(seed: int) -> None:
    """Seeds the CUDA generators, of which there are none: does nothing."""


def manual_seed_all(seed: int) -> None:
    """Seeds every CUDA generator, of which there are none: does nothing."""


def seed() -> None:
    pass


def seed_all() -> None:
    pass


def empty_cache() -> None:
    """Releases cached GPU memory: there is none."""


def ipc_collect() -> None:
    pass


def memory_allocated(device: Any = None) -> int:
    return 0


def max_memory_allocated(device: Any = None) -> int:
    return 0


def memory_reserved(device: Any = None) -> int:
    return 0


def max_memory_reserved(device: Any = None) -> int:
    return 0


memory_cached = memory_reserved
max_memory_cached = max_memory_reserved


def reset_peak_memory_stats(device: Any = None) -> None:
    pass


def reset_max_memory_allocated(device: Any = None) -> None:
    pass


def memory_stats(device: Any = None) -> dict:
    return {}


def memory_summary(device: Any = None, abbreviated: bool = False) -> str:
    return ""


def mem_get_info(device: Any = None) -> tuple[int, int]:
    _lazy_init()
    return (0, 0)


def is_bf16_supported(including_emulation: bool = True) -> bool:
    return False


class device:
    """Context manager that selects a CUDA device; with no CUDA it only records the index."""

    def __init__(self, device: Any) -> None:
        self.idx = -1 if device is None else getattr(device, "index", device)

    def __enter__(self) -> None:
        if self.idx not in (-1, None):
            _lazy_init()

    def __exit__(self, *exc: object) -> bool:
        return False


class device_of(device):
    """Like :class:`device`, for the device of a tensor (always the CPU here)."""

    def __init__(self, obj: Any) -> None:
        super().__init__(-1)


def stream(stream: Any) -> contextlib.AbstractContextManager:
    return contextlib.nullcontext()
