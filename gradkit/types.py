"""``torch.types``: type aliases used in annotations."""
from __future__ import annotations

import os
from typing import IO, Any

from ._tensor import Size, Tensor, device

__all__ = ["Number", "Device", "FileLike", "Size", "Tensor", "IntLikeType", "FloatLikeType", "BoolLikeType",
           "Storage", "Any"]

Number = int | float | bool
Device = device | str | int | None
FileLike = str | os.PathLike | IO[bytes]
IntLikeType = int
FloatLikeType = float
BoolLikeType = bool
Storage = Any
