"""gradkit's training lab: ``fit`` with callbacks and metrics, ``lr_find``, ``compare`` and the ``doctor``."""
from __future__ import annotations

from . import callbacks, metrics
from .callbacks import Callback, CSVLogger, EarlyStopping, LRMonitor, ModelCheckpoint, TerminateOnNaN
from .compare import CompareResult, compare
from .doctor import Diagnosis, Finding, diagnose, watch
from .fit import FitState, History, evaluate, fit
from .lr_find import LRFinderResult, lr_find

__all__ = ["fit", "evaluate", "History", "FitState", "Callback", "EarlyStopping", "ModelCheckpoint",
           "TerminateOnNaN", "CSVLogger", "LRMonitor", "metrics", "callbacks", "lr_find", "LRFinderResult",
           "compare", "CompareResult", "diagnose", "Diagnosis", "Finding", "watch"]
