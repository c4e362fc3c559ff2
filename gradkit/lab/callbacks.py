"""Callbacks for :func:`gradkit.lab.fit`: early stopping, checkpoints, NaN guard, CSV log, LR monitor."""
from __future__ import annotations

import copy
import math
import os
from pathlib import Path
from typing import Any

from .fit import FitState, _mode_sign

__all__ = ["Callback", "EarlyStopping", "ModelCheckpoint", "TerminateOnNaN", "CSVLogger", "LRMonitor"]


class Callback:
    """Base class: override any of the hook points; each receives the running :class:`FitState`."""

    def on_fit_start(self, state: FitState) -> None:
        pass

    def on_fit_end(self, state: FitState) -> None:
        pass

    def on_epoch_start(self, state: FitState) -> None:
        pass

    def on_epoch_end(self, state: FitState, logs: dict[str, float]) -> None:
        pass

    def on_batch_start(self, state: FitState) -> None:
        pass

    def on_batch_end(self, state: FitState, logs: dict[str, float]) -> None:
        pass


class _Monitor:
    def __init__(self, monitor: str, mode: str, min_delta: float) -> None:
        self.monitor = monitor
        self.mode = mode
        self.min_delta = abs(min_delta)
        self.best: float | None = None
        self.sign = 1

    def start(self) -> None:
        self.sign = _mode_sign(self.monitor, self.mode)
        self.best = None

    def value(self, logs: dict[str, float]) -> float | None:
        if self.monitor not in logs:
            raise KeyError(f"{type(self).__name__}: {self.monitor!r} is not logged; logged keys: "
                           f"{', '.join(logs)}")
        return logs[self.monitor]

    def improved(self, v: float) -> bool:
        if not math.isfinite(v):
            return False
        if self.best is None:
            return True
        return self.sign * (self.best - v) > self.min_delta


class EarlyStopping(Callback, _Monitor):
    """Stops training when ``monitor`` has not improved by more than ``min_delta`` for ``patience`` epochs;
    with ``restore_best_weights`` the model gets the best epoch's weights back."""

    def __init__(self, monitor: str = "val_loss", patience: int = 5, min_delta: float = 0.0, mode: str = "auto",
                 restore_best_weights: bool = False) -> None:
        _Monitor.__init__(self, monitor, mode, min_delta)
        self.patience = int(patience)
        self.restore_best_weights = restore_best_weights
        self.wait = 0
        self.best_epoch = 0
        self.stopped_epoch = 0
        self._best_state: dict | None = None

    def on_fit_start(self, state: FitState) -> None:
        self.start()
        self.wait = 0
        self.best_epoch = 0
        self.stopped_epoch = 0
        self._best_state = None

    def on_epoch_end(self, state: FitState, logs: dict[str, float]) -> None:
        v = self.value(logs)
        if self.improved(v):
            self.best = v
            self.best_epoch = state.epoch
            self.wait = 0
            if self.restore_best_weights:
                self._best_state = copy.deepcopy(state.model.state_dict())
            return
        self.wait += 1
        if self.wait >= self.patience:
            self.stopped_epoch = state.epoch
            state.stop(f"early stopping: {self.monitor} did not improve for {self.patience} epochs "
                       f"(best {self.best:.6g} at epoch {self.best_epoch})")

    def on_fit_end(self, state: FitState) -> None:
        if self.restore_best_weights and self._best_state is not None:
            state.model.load_state_dict(self._best_state)


class ModelCheckpoint(Callback, _Monitor):
    """Saves the model's state_dict atomically: the best epoch by ``monitor`` (``save="best"``), the last
    (``"last"``) or both (``path`` then gets ``-best``/``-last`` before its extension). The format follows
    the extension: ``.safetensors`` or anything else for ``gradkit.save`` (``.pt``)."""

    def __init__(self, path: str | os.PathLike, monitor: str = "val_loss", mode: str = "auto",
                 save: str = "best", min_delta: float = 0.0) -> None:
        _Monitor.__init__(self, monitor, mode, min_delta)
        if save not in ("best", "last", "both"):
            raise ValueError(f"save must be 'best', 'last' or 'both', got {save!r}")
        self.path = Path(path)
        self.save = save
        self.best_epoch = 0
        self.saved: list[str] = []

    def _target(self, which: str) -> Path:
        if self.save != "both":
            return self.path
        return self.path.with_name(f"{self.path.stem}-{which}{self.path.suffix}")

    def _write(self, model: Any, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        sd = model.state_dict()
        if path.suffix == ".safetensors":
            from gradkit.utils.safetensors import save as st_bytes

            from ._io import write_bytes
            write_bytes(path, st_bytes({k: v.detach().contiguous() for k, v in sd.items()}))
        else:
            import gradkit

            from ._io import atomic_open
            with atomic_open(path, "wb") as f:
                gradkit.save(sd, f)
        self.saved.append(str(path))

    def on_fit_start(self, state: FitState) -> None:
        self.start()
        self.best_epoch = 0

    def on_epoch_end(self, state: FitState, logs: dict[str, float]) -> None:
        if self.save in ("best", "both"):
            v = self.value(logs)
            if self.improved(v):
                self.best = v
                self.best_epoch = state.epoch
                self._write(state.model, self._target("best"))
        if self.save in ("last", "both"):
            self._write(state.model, self._target("last"))


class TerminateOnNaN(Callback):
    """Stops training at the first step whose loss is NaN or infinite."""

    def __init__(self) -> None:
        self.step: int | None = None

    def on_batch_end(self, state: FitState, logs: dict[str, float]) -> None:
        if not math.isfinite(logs["loss"]):
            self.step = state.step
            state.stop(f"loss became {logs['loss']} at step {state.step} (epoch {state.epoch})")


class CSVLogger(Callback):
    """Rewrites ``path`` atomically after every epoch with all epoch records so far."""

    def __init__(self, path: str | os.PathLike) -> None:
        self.path = Path(path)

    def on_epoch_end(self, state: FitState, logs: dict[str, float]) -> None:
        state.history.to_csv(str(self.path))


class LRMonitor(Callback):
    """Adds the learning rate of every parameter group to the epoch logs (``lr_0``, ``lr_1``, ...) and keeps
    the per-step rates in ``self.lrs``."""

    def __init__(self) -> None:
        self.lrs: list[list[float]] = []

    def on_batch_end(self, state: FitState, logs: dict[str, float]) -> None:
        self.lrs.append([float(g["lr"]) for g in state.optimizer.param_groups])

    def on_epoch_end(self, state: FitState, logs: dict[str, float]) -> None:
        for i, g in enumerate(state.optimizer.param_groups):
            logs[f"lr_{i}"] = float(g["lr"])
