"""``torch.cpu``: the CPU device module (always available, one device, synchronous)."""
from __future__ import annotations

from contextlib import AbstractContextManager

from . import amp

__all__ = ["is_available", "device_count", "current_device", "set_device", "synchronize", "is_initialized",
           "current_stream", "stream", "Stream", "Event", "StreamContext", "amp"]


def is_available() -> bool:
    """The CPU is always available."""
    return True


def is_initialized() -> bool:
    return True


def device_count() -> int:
    """One CPU device."""
    return 1


def current_device() -> str:
    """``'cpu'``."""
    return "cpu"


def set_device(device) -> None:
    """Nothing to select on the CPU."""


def synchronize(device=None) -> None:
    """CPU work is synchronous: returns at once."""


class Stream:
    """The CPU has a single (synchronous) stream."""

    def __init__(self, priority: int = -1) -> None:
        self.priority = priority

    def wait_stream(self, stream) -> None:
        pass

    def synchronize(self) -> None:
        pass

    def query(self) -> bool:
        return True

    def record_event(self, event=None):
        return event if event is not None else Event()


class Event:
    """A marker on the CPU stream; completes immediately."""

    def query(self) -> bool:
        return True

    def record(self, stream=None) -> None:
        pass

    def synchronize(self) -> None:
        pass

    def wait(self, stream=None) -> None:
        pass


_default = Stream()


def current_stream(device=None) -> Stream:
    return _default


class StreamContext(AbstractContextManager):
    """Context manager selecting a stream (no effect on the CPU)."""

    def __init__(self, stream) -> None:
        self.stream = stream

    def __enter__(self):
        return self.stream

    def __exit__(self, *args) -> None:
        pass


def stream(stream) -> StreamContext:
    return StreamContext(stream)
