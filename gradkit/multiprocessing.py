"""``torch.multiprocessing``: Python's ``multiprocessing`` plus the tensor-sharing strategy switches."""
from __future__ import annotations

import multiprocessing as _mp
from multiprocessing import *  # noqa: F401,F403

__all__ = ["set_sharing_strategy", "get_sharing_strategy", "get_all_sharing_strategies", *_mp.__all__]

_STRATEGY = ["file_descriptor"]


def get_all_sharing_strategies() -> set:
    """The strategies for sharing tensors between processes this platform supports."""
    return {"file_descriptor", "file_system"}


def set_sharing_strategy(new_strategy: str) -> None:
    """Choose how tensors are shared between processes (gradkit copies them either way)."""
    if new_strategy not in get_all_sharing_strategies():
        raise AssertionError(f"invalid sharing strategy {new_strategy!r}, expected one of "
                             f"{get_all_sharing_strategies()}")
    _STRATEGY[0] = new_strategy


def get_sharing_strategy() -> str:
    return _STRATEGY[0]
