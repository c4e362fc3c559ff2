"""``torch.accelerator``: the current accelerator; gradkit runs on the CPU only, so there is none."""
from __future__ import annotations

__all__ = ["is_available", "current_accelerator", "device_count", "current_device_index", "set_device_index",
           "synchronize", "current_stream"]


def is_available() -> bool:
    """No accelerator: False."""
    return False


def current_accelerator(check_available: bool = False):
    """None: there is no accelerator."""
    return None


def device_count() -> int:
    return 0


def current_device_index() -> int:
    raise RuntimeError("Cannot access accelerator device when none is available.")


current_device_idx = current_device_index


def set_device_index(device) -> None:
    raise RuntimeError("Cannot access accelerator device when none is available.")


set_device_idx = set_device_index


def synchronize(device=None) -> None:
    raise RuntimeError("Cannot access accelerator device when none is available.")


def current_stream(device=None):
    raise RuntimeError("Cannot access accelerator device when none is available.")
