"""``fit``: a compact training loop with history, metrics, callbacks and quiet-or-pretty progress output."""
from __future__ import annotations

import csv
import io
import math
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, Any

import numpy as np

from .metrics import Metric, get_metric

__all__ = ["fit", "evaluate", "History", "FitState", "iter_batches"]


class History:
    """What happened during :func:`fit`: one record per optimizer step and one per epoch.

    ``history["loss"]`` gives the per-epoch values of a key; ``history.steps`` the per-step records
    (``step``, ``epoch``, ``loss``, ``lr``)."""

    def __init__(self) -> None:
        self.steps: list[dict[str, float]] = []
        self.epochs: list[dict[str, float]] = []
        self.stopped_early: str | None = None

    def __getitem__(self, key: str) -> list[float]:
        if self.epochs and key not in self.epochs[0] and not any(key in e for e in self.epochs):
            raise KeyError(f"{key!r} not recorded; keys: {', '.join(self.keys())}")
        return [e.get(key, math.nan) for e in self.epochs]

    def __len__(self) -> int:
        return len(self.epochs)

    def keys(self) -> list[str]:
        seen: dict[str, None] = {}
        for e in self.epochs:
            seen.update(dict.fromkeys(e))
        return list(seen)

    @property
    def step_losses(self) -> list[float]:
        return [s["loss"] for s in self.steps]

    @property
    def final(self) -> dict[str, float]:
        return dict(self.epochs[-1]) if self.epochs else {}

    def best(self, monitor: str | None = None, mode: str = "auto") -> dict[str, float]:
        """The epoch record with the best ``monitor`` value (``val_loss`` when recorded, else ``loss``)."""
        if not self.epochs:
            raise ValueError("history is empty")
        monitor = monitor or ("val_loss" if "val_loss" in self.epochs[0] else "loss")
        sign = _mode_sign(monitor, mode)
        vals = [(sign * e[monitor], i) for i, e in enumerate(self.epochs)
                if monitor in e and math.isfinite(e[monitor])]
        if not vals:
            return dict(self.epochs[-1])
        return dict(self.epochs[min(vals)[1]])

    def to_csv(self, path: str | None = None, level: str = "epoch") -> str:
        """The epoch (or ``level="step"``) records as CSV text; written atomically to ``path`` when given."""
        rows = self.epochs if level == "epoch" else self.steps
        keys: dict[str, None] = {}
        for r in rows:
            keys.update(dict.fromkeys(r))
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=list(keys), lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({k: _fmt_num(v) for k, v in r.items()})
        text = buf.getvalue()
        if path is not None:
            from ._io import write_text
            write_text(path, text)
        return text

    def plot(self, path: str | None = None, keys: Sequence[str] | None = None, *, log: bool | None = None):
        """Plots loss (and metrics) per epoch with matplotlib; saves a PNG to ``path`` when given."""
        from .report import plot_history
        return plot_history(self, path, keys=keys, log=log)

    def __repr__(self) -> str:
        last = ", ".join(f"{k}={_fmt_num(v)}" for k, v in self.final.items() if k != "epoch")
        return f"History(epochs={len(self.epochs)}, steps={len(self.steps)}{', ' + last if last else ''})"


def _fmt_num(v: Any) -> Any:
    if isinstance(v, float):
        return f"{v:.6g}"
    return v


def _mode_sign(monitor: str, mode: str) -> int:
    if mode == "min":
        return 1
    if mode == "max":
        return -1
    if mode != "auto":
        raise ValueError(f"mode must be 'min', 'max' or 'auto', got {mode!r}")
    name = monitor.removeprefix("val_")
    if name in ("accuracy", "acc", "r2") or name.startswith("top"):
        return -1
    return 1


class FitState:
    """The running training session handed to callbacks."""

    def __init__(self, model: Any, loss_fn: Any, optimizer: Any, history: History, epochs: int) -> None:
        self.model = model
        self.loss_fn = loss_fn
        self.optimizer = optimizer
        self.history = history
        self.epochs = epochs
        self.epoch = 0
        self.step = 0
        self.stop_training = False
        self.stop_reason: str | None = None

    def stop(self, reason: str) -> None:
        self.stop_training = True
        self.stop_reason = reason


def _is_pair(data: Any) -> bool:
    return isinstance(data, (tuple, list)) and len(data) == 2 and all(hasattr(t, "shape") for t in data)


def iter_batches(data: Any, batch_size: int | None = None, shuffle: bool = True) -> Iterator[tuple[Any, Any]]:
    """Yields ``(x, y)`` batches from a DataLoader, a Dataset or an ``(x, y)`` pair of tensors.

    With ``batch_size=None`` a pair or Dataset gives one batch holding everything (full-batch training)."""
    import gradkit

    if _is_pair(data):
        x, y = data
        n = int(x.shape[0])
        if int(y.shape[0]) != n:
            raise ValueError(f"x and y have different numbers of rows: {tuple(x.shape)} vs {tuple(y.shape)}")
        if batch_size is None or batch_size >= n:
            yield x, y
            return
        idx = gradkit.randperm(n) if shuffle else gradkit.arange(n)
        for i in range(0, n, batch_size):
            j = idx[i:i + batch_size]
            yield x[j], y[j]
        return
    if hasattr(data, "__getitem__") and hasattr(data, "__len__") and not hasattr(data, "batch_sampler"):
        from gradkit.utils.data import DataLoader
        data = DataLoader(data, batch_size=batch_size or len(data), shuffle=shuffle)
    if not isinstance(data, Iterable):
        raise TypeError(f"train/val must be a DataLoader, a Dataset or an (x, y) pair of tensors, got "
                        f"{type(data).__name__}")
    for batch in data:
        if isinstance(batch, (tuple, list)) and len(batch) >= 2:
            yield batch[0], batch[1]
        else:
            raise TypeError(f"expected batches of (input, target), got {type(batch).__name__}")


def _np(t: Any) -> np.ndarray:
    return np.asarray(t._data) if hasattr(t, "_data") else np.asarray(t.detach().numpy())


def evaluate(model: Any, loss_fn: Any, data: Any, *, batch_size: int | None = None,
             metrics: Sequence[Any] = ()) -> dict[str, float]:
    """Mean loss (and metrics) of ``model`` on ``data`` without gradients, in eval mode."""
    import gradkit

    mets = [get_metric(m) for m in metrics]
    was_training = getattr(model, "training", False)
    model.eval()
    total, n = 0.0, 0
    outs, tgts = [], []
    try:
        with gradkit.no_grad():
            for xb, yb in iter_batches(data, batch_size, shuffle=False):
                out = model(xb)
                b = int(xb.shape[0])
                total += float(loss_fn(out, yb).item()) * b
                n += b
                if mets:
                    outs.append(_np(out))
                    tgts.append(_np(yb))
    finally:
        model.train(was_training)
    res = {"loss": total / max(n, 1)}
    if mets:
        o, t = np.concatenate(outs), np.concatenate(tgts)
        res.update({m.name: m(o, t) for m in mets})
    return res


class _Progress:
    def __init__(self, progress: Any, epochs: int) -> None:
        self.bar = None
        self.stream: IO | None = None
        self.epochs = epochs
        if progress is False or progress is None:
            return
        self.stream = sys.stderr if progress is True else progress
        isatty = getattr(self.stream, "isatty", None)
        if isatty is not None and isatty():
            from tqdm.auto import tqdm
            self.bar = tqdm(total=epochs, file=self.stream, unit="epoch", dynamic_ncols=True, leave=True)

    @staticmethod
    def _fmt(logs: dict[str, float]) -> dict[str, str]:
        out = {}
        for k, v in logs.items():
            if k in ("epoch", "time"):
                continue
            out[k] = f"{v:.3g}" if k == "lr" else f"{v:.4g}"
        return out

    def update(self, logs: dict[str, float]) -> None:
        if self.stream is None:
            return
        parts = self._fmt(logs)
        if self.bar is not None:
            self.bar.set_postfix(parts, refresh=False)
            self.bar.update(1)
        else:
            width = len(str(self.epochs))
            body = "  ".join(f"{k} {v}" for k, v in parts.items())
            self.stream.write(f"epoch {int(logs['epoch']):>{width}}/{self.epochs}  {body}  "
                              f"({logs.get('time', 0.0):.2f}s)\n")
            self.stream.flush()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def fit(model: Any, loss_fn: Any, optimizer: Any, train: Any, *, epochs: int, val: Any = None,
        batch_size: int | None = None, scheduler: Any = None, metrics: Sequence[Any] = (),
        callbacks: Sequence[Any] = (), clip_grad_norm: float | None = None, progress: Any = True,
        shuffle: bool = True, scheduler_interval: str = "epoch") -> History:
    """Trains ``model`` for ``epochs`` epochs and returns a :class:`History`.

    ``train``/``val`` are a DataLoader, a Dataset, or an ``(x, y)`` pair of tensors (``batch_size=None``:
    one full batch per epoch). ``scheduler`` steps once per epoch (``scheduler_interval="step"``: per batch;
    ``ReduceLROnPlateau`` gets the validation loss, or the training loss without ``val``). Progress: a
    tqdm bar on a terminal, exactly one line per epoch otherwise, nothing with ``progress=False``."""
    import gradkit

    if int(epochs) < 0:
        raise ValueError(f"epochs must be non-negative, got {epochs}")
    mets: list[Metric] = [get_metric(m) for m in metrics]
    history = History()
    state = FitState(model, loss_fn, optimizer, history, int(epochs))
    cbs = list(callbacks)
    plateau = scheduler is not None and type(scheduler).__name__ == "ReduceLROnPlateau"
    bar = _Progress(progress, int(epochs))
    params = [p for g in optimizer.param_groups for p in g["params"]]
    for cb in cbs:
        cb.on_fit_start(state)
    try:
        for epoch in range(1, int(epochs) + 1):
            state.epoch = epoch
            t0 = time.perf_counter()
            model.train()
            for cb in cbs:
                cb.on_epoch_start(state)
            total, n = 0.0, 0
            outs, tgts = [], []
            for xb, yb in iter_batches(train, batch_size, shuffle):
                for cb in cbs:
                    cb.on_batch_start(state)
                optimizer.zero_grad()
                out = model(xb)
                loss = loss_fn(out, yb)
                loss.backward()
                if clip_grad_norm is not None:
                    gradkit.nn.utils.clip_grad_norm_(params, clip_grad_norm)
                optimizer.step()
                if scheduler is not None and scheduler_interval == "step" and not plateau:
                    scheduler.step()
                state.step += 1
                lv = float(loss.item())
                b = int(xb.shape[0])
                total += lv * b
                n += b
                step_log = {"step": state.step, "epoch": epoch, "loss": lv,
                            "lr": float(optimizer.param_groups[0]["lr"])}
                history.steps.append(step_log)
                if mets:
                    outs.append(_np(out.detach()))
                    tgts.append(_np(yb))
                for cb in cbs:
                    cb.on_batch_end(state, step_log)
                if state.stop_training:
                    break
            logs: dict[str, float] = {"epoch": epoch, "loss": total / max(n, 1)}
            if mets and outs:
                o, t = np.concatenate(outs), np.concatenate(tgts)
                logs.update({m.name: m(o, t) for m in mets})
            if val is not None:
                v = evaluate(model, loss_fn, val, batch_size=batch_size, metrics=mets)
                logs.update({f"val_{k}": x for k, x in v.items()})
            logs["lr"] = float(optimizer.param_groups[0]["lr"])
            if scheduler is not None:
                if plateau:
                    scheduler.step(logs.get("val_loss", logs["loss"]))
                elif scheduler_interval == "epoch":
                    scheduler.step()
            logs["time"] = time.perf_counter() - t0
            history.epochs.append(logs)
            for cb in cbs:
                cb.on_epoch_end(state, logs)
            bar.update(logs)
            if state.stop_training:
                history.stopped_early = state.stop_reason or "stopped by a callback"
                break
    finally:
        bar.close()
    for cb in cbs:
        cb.on_fit_end(state)
    return history
