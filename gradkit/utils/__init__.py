"""Utilities: hook handles, data loading (``gradkit.utils.data``) and safetensors files.

``data`` and ``safetensors`` are imported on first access."""
from __future__ import annotations

import importlib
from typing import Any

from . import hooks

__all__ = ["checkpoint", "data", "hooks", "safetensors"]


def __getattr__(name: str) -> Any:
    if name in ("checkpoint", "data", "safetensors"):
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
