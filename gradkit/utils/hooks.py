"""Handles returned by ``register_*_hook`` calls."""
from __future__ import annotations

import itertools

__all__ = ["RemovableHandle"]

_ids = itertools.count()


class RemovableHandle:
    """Removes the hook it was returned for when ``remove()`` is called (or on leaving a ``with``)."""

    __slots__ = ("hooks_dict_ref", "id", "__weakref__")

    def __init__(self, hooks_dict: dict, *, extra_dict=None) -> None:
        self.hooks_dict_ref = hooks_dict
        self.id = next(_ids)

    def remove(self) -> None:
        self.hooks_dict_ref.pop(self.id, None)

    def __enter__(self) -> RemovableHandle:
        return self

    def __exit__(self, *exc) -> None:
        self.remove()
