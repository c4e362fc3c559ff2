"""``torch.autograd.anomaly_mode``: switch autograd's anomaly detection on for a region."""
from __future__ import annotations

import functools
import warnings

__all__ = ["detect_anomaly", "set_detect_anomaly"]

# [enabled, check_nan]; the backward engine reads it to check every node's results for NaN
_STATE = [False, True]


def _set(enabled: bool, check_nan: bool) -> None:
    _STATE[:] = [bool(enabled), bool(check_nan)]


class detect_anomaly:
    """Context manager / decorator that turns anomaly detection on: a backward function returning NaN raises."""

    def __init__(self, check_nan: bool = True) -> None:
        self.prev = _STATE[0]
        self.check_nan = check_nan
        self.prev_check_nan = _STATE[1]
        warnings.warn("Anomaly Detection has been enabled. This mode will increase the runtime and should only "
                      "be enabled for debugging.", stacklevel=2)

    def __enter__(self) -> None:
        self.prev, self.prev_check_nan = _STATE[0], _STATE[1]
        _set(True, self.check_nan)

    def __exit__(self, *args) -> None:
        _set(self.prev, self.prev_check_nan)

    def __call__(self, fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            with self.__class__(self.check_nan):
                return fn(*args, **kwargs)
        return wrapper


class set_detect_anomaly:
    """Set anomaly detection on or off (immediately); as a context manager, restores the old setting on exit."""

    def __init__(self, mode: bool, check_nan: bool = True) -> None:
        self.prev, self.prev_check_nan = _STATE[0], _STATE[1]
        _set(mode, check_nan)

    def __enter__(self) -> None:
        pass

    def __exit__(self, *args) -> None:
        _set(self.prev, self.prev_check_nan)
