"""Worker information. gradkit loads data in the calling process, so there is never a worker."""
from __future__ import annotations

__all__ = ["WorkerInfo", "get_worker_info"]


class WorkerInfo:
    """What a DataLoader worker knows about itself (id, num_workers, seed, dataset)."""

    def __init__(self, **kwargs) -> None:
        for k, v in kwargs.items():
            setattr(self, k, v)

    def __repr__(self) -> str:
        items = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())
        return f"WorkerInfo({items})"


def get_worker_info() -> WorkerInfo | None:
    """Information about the current DataLoader worker process, or ``None`` in the main process
    (always the case in gradkit, which loads data in the calling process)."""
    return None
