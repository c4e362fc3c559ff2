"""Thread control for NumPy's BLAS, behind ``torch.set_num_threads`` / ``get_num_threads``.

Where NumPy's OpenBLAS cannot be found (another build, another OS) the setting is only recorded.
"""
from __future__ import annotations

import ctypes
import glob
import os

import numpy as np

__all__ = ["set_num_threads", "get_num_threads"]

_SETTERS = ("scipy_openblas_set_num_threads64_", "scipy_openblas_set_num_threads", "openblas_set_num_threads64_",
            "openblas_set_num_threads")
_GETTERS = ("scipy_openblas_get_num_threads64_", "scipy_openblas_get_num_threads", "openblas_get_num_threads64_",
            "openblas_get_num_threads")


def _libraries() -> list[str]:
    found = glob.glob(os.path.join(os.path.dirname(np.__file__) + ".libs", "*openblas*"))
    try:
        with open("/proc/self/maps", encoding="ascii", errors="replace") as f:
            found += sorted({line.split()[-1] for line in f if "openblas" in line and line.rstrip().endswith(".so")
                             or "openblas" in line and ".so." in line})
    except OSError:
        pass
    return found


def _find():
    for path in _libraries():
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        for s, g in zip(_SETTERS, _GETTERS):
            setter, getter = getattr(lib, s, None), getattr(lib, g, None)
            if setter is not None and getter is not None:
                setter.argtypes = [ctypes.c_int]
                setter.restype = None
                getter.restype = ctypes.c_int
                return setter, getter
    return None, None


_set, _get = _find()
_MAX = [_get() if _get is not None else (os.cpu_count() or 1)]


def get_num_threads() -> int:
    """The number of threads large products use."""
    return _MAX[0]


def set_num_threads(n: int) -> None:
    """Use up to ``n`` threads for large products."""
    if not isinstance(n, int) or isinstance(n, bool) or n <= 0:
        raise RuntimeError("set_num_threads expects a positive integer")
    _MAX[0] = n
    if _set is not None:
        _set(n)
