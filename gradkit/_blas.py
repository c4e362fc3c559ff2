"""Thread control for NumPy's BLAS, behind ``torch.set_num_threads`` / ``get_num_threads``.

Like torch's intra-op pool, products too small to gain from splitting run on one thread: OpenBLAS
would split anything above about 2.6e5 multiply-adds, and on a training step of a small model the
wake-up of its worker threads and their spinning afterwards cost more than they save (W3 of the
benchmarks: 275 µs per step with two threads against 243 µs with one, and several times slower when
other processes compete for the cores). :func:`threads_for` is called before each product.

Where NumPy's OpenBLAS cannot be found (another build, another OS) the setting is only recorded.
"""
from __future__ import annotations

import os

import numpy as np

__all__ = ["set_num_threads", "get_num_threads", "threads_for"]

# Products of fewer multiply-adds than this run on one thread.
SMALL_PRODUCT = 1 << 22

_SETTERS = ("scipy_openblas_set_num_threads64_", "scipy_openblas_set_num_threads", "openblas_set_num_threads64_",
            "openblas_set_num_threads")
_GETTERS = ("scipy_openblas_get_num_threads64_", "scipy_openblas_get_num_threads", "openblas_get_num_threads64_",
            "openblas_get_num_threads")


def _libraries() -> list[str]:
    import glob
    found = glob.glob(os.path.join(os.path.dirname(np.__file__) + ".libs", "*openblas*"))
    try:
        with open("/proc/self/maps", encoding="ascii", errors="replace") as f:
            found += sorted({line.split()[-1] for line in f if "openblas" in line and line.rstrip().endswith(".so")
                             or "openblas" in line and ".so." in line})
    except OSError:
        pass
    return found


def _find():
    import ctypes
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


_LIB: list = []
# The thread count OpenBLAS is set to by threads_for: 1, 2 for "the configured count", 0 not yet managed.
_MODE = [0]


def _lib():
    """``[setter, getter, configured count]``: OpenBLAS's thread-count functions (None where not found), looked
    up on first use, and the count ``set_num_threads`` last asked for."""
    if not _LIB:
        _LIB.extend(_find())
        _LIB.append(_LIB[1]() if _LIB[1] is not None else (os.cpu_count() or 1))
    return _LIB


def get_num_threads() -> int:
    """The number of threads large products use."""
    return _lib()[2]


def set_num_threads(n: int) -> None:
    """Use up to ``n`` threads for large products."""
    if not isinstance(n, int) or isinstance(n, bool) or n <= 0:
        raise RuntimeError("set_num_threads expects a positive integer")
    lib = _lib()
    lib[2] = n
    if lib[0] is not None and _MODE[0] != 1:
        lib[0](n)


def _switch(mode: int) -> None:
    lib = _lib()
    if lib[0] is not None:
        lib[0](1 if mode == 1 else lib[2])
    _MODE[0] = mode


def threads_for(work: int) -> None:
    """Set BLAS threads for a product of ``work`` multiply-adds: one when it is small, else the configured count."""
    if work < SMALL_PRODUCT:
        if _MODE[0] != 1:
            _switch(1)
    elif _MODE[0] != 2:
        _switch(2)
