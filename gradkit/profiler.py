"""``torch.profiler``: time labelled regions of a program.

``record_function`` marks a region; inside ``profile`` each region's wall-clock time is recorded, and
``key_averages().table()`` summarizes them. (gradkit does not trace individual operators.)"""
from __future__ import annotations

import enum
import functools
import os
import time
from collections.abc import Callable, Iterable
from typing import Any

__all__ = ["profile", "record_function", "ProfilerActivity", "ProfilerAction", "schedule", "tensorboard_trace_handler",
           "supported_activities", "kineto_available"]

_ACTIVE: list = []


class ProfilerActivity(enum.Enum):
    """What a profiler records."""

    CPU = 0
    CUDA = 1
    XPU = 2
    MTIA = 3
    PrivateUse1 = 4


class ProfilerAction(enum.Enum):
    """What a ``schedule`` asks the profiler to do at a step."""

    NONE = 0
    WARMUP = 1
    RECORD = 2
    RECORD_AND_SAVE = 3


def supported_activities() -> set:
    return {ProfilerActivity.CPU}


def kineto_available() -> bool:
    return False


def schedule(*, wait: int, warmup: int, active: int, repeat: int = 0, skip_first: int = 0,
             skip_first_wait: int = 0) -> Callable[[int], ProfilerAction]:
    """Map a step number to an action: skip ``skip_first``, then cycles of wait / warmup / active steps."""
    if wait < 0 or warmup < 0 or active <= 0 or repeat < 0 or skip_first < 0:
        raise AssertionError("Invalid profiler schedule arguments")

    def fn(step: int) -> ProfilerAction:
        if step < skip_first:
            return ProfilerAction.NONE
        step -= skip_first
        cycle = wait + warmup + active
        if repeat > 0 and step // cycle >= repeat:
            return ProfilerAction.NONE
        pos = step % cycle
        if pos < wait:
            return ProfilerAction.NONE
        if pos < wait + warmup:
            return ProfilerAction.WARMUP
        return ProfilerAction.RECORD if pos < cycle - 1 else ProfilerAction.RECORD_AND_SAVE
    return fn


class FunctionEventAvg:
    """Aggregated timings of every event with one name."""

    def __init__(self, key: str) -> None:
        self.key = key
        self.count = 0
        self.cpu_time_total = 0.0

    @property
    def cpu_time(self) -> float:
        return self.cpu_time_total / self.count if self.count else 0.0

    def __repr__(self) -> str:
        return f"<FunctionEventAvg key={self.key} cpu_time={self.cpu_time:.3f}us count={self.count}>"


class EventList(list):
    """Recorded events (or their averages), printable as a table."""

    def table(self, sort_by: str | None = None, row_limit: int = 100, max_src_column_width: int = 75,
              max_name_column_width: int = 55, max_shapes_column_width: int = 80, header: str | None = None,
              top_level_events_only: bool = False) -> str:
        rows = list(self)
        if sort_by:
            key = sort_by.replace("self_", "").replace("cuda", "cpu").replace("device", "cpu")
            rows.sort(key=lambda e: getattr(e, key, 0.0), reverse=True)
        rows = rows[:row_limit] if row_limit and row_limit > 0 else rows
        width = max([len("Name")] + [len(e.key) for e in rows])
        line = "-" * (width + 40)
        out = [line, f"{'Name':<{width}}  {'CPU total':>14}  {'CPU avg':>12}  {'# Calls':>8}", line]
        for e in rows:
            out.append(f"{e.key:<{width}}  {e.cpu_time_total:>12.3f}us  {e.cpu_time:>10.3f}us  {e.count:>8}")
        out.append(line)
        total = sum(e.cpu_time_total for e in self)
        out.append(f"Self CPU time total: {total / 1000:.3f}ms")
        return ("" if header is None else header + "\n") + "\n".join(out) + "\n"

    def key_averages(self, group_by_input_shape: bool = False, group_by_stack_n: int = 0) -> EventList:
        return _averages(self)


class FunctionEvent:
    """One timed region."""

    def __init__(self, name: str, start_us: float, end_us: float) -> None:
        self.name = self.key = name
        self.time_range = (start_us, end_us)
        self.count = 1

    @property
    def cpu_time_total(self) -> float:
        return self.time_range[1] - self.time_range[0]

    cpu_time = cpu_time_total

    def __repr__(self) -> str:
        return f"<FunctionEvent name={self.name} cpu_time_total={self.cpu_time_total:.3f}us>"


def _averages(events: Iterable) -> EventList:
    agg: dict = {}
    for e in events:
        a = agg.setdefault(e.key, FunctionEventAvg(e.key))
        a.count += getattr(e, "count", 1)
        a.cpu_time_total += e.cpu_time_total
    return EventList(agg.values())


class record_function:
    """Label a region (context manager or decorator); its time is recorded while a ``profile`` is active."""

    def __init__(self, name: str, args: str | None = None) -> None:
        self.name = name
        self.args = args
        self._t0 = 0.0

    def __enter__(self) -> record_function:
        self._t0 = time.perf_counter()
        return self

    def __exit__(self, *exc: Any) -> None:
        t1 = time.perf_counter()
        for p in _ACTIVE:
            p._add(self.name, self._t0, t1)

    def __call__(self, fn: Callable) -> Callable:
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            with record_function(self.name, self.args):
                return fn(*args, **kwargs)
        return wrapper


class profile:
    """Context manager collecting ``record_function`` timings (``activities`` other than CPU are ignored)."""

    def __init__(self, *, activities: Iterable | None = None, schedule: Callable | None = None,
                 on_trace_ready: Callable | None = None, record_shapes: bool = False, profile_memory: bool = False,
                 with_stack: bool = False, with_flops: bool = False, with_modules: bool = False,
                 experimental_config: Any = None, execution_trace_observer: Any = None, acc_events: bool = False,
                 use_cuda: bool | None = None, **kwargs: Any) -> None:
        self.activities = set(activities) if activities is not None else supported_activities()
        self.schedule = schedule
        self.on_trace_ready = on_trace_ready
        self.record_shapes = record_shapes
        self.profile_memory = profile_memory
        self.step_num = 0
        self._events: list = []
        self._origin = 0.0

    def _recording(self) -> bool:
        return self.schedule is None or self.schedule(self.step_num) in (ProfilerAction.RECORD,
                                                                         ProfilerAction.RECORD_AND_SAVE)

    def _add(self, name: str, t0: float, t1: float) -> None:
        if self._recording():
            self._events.append(FunctionEvent(name, (t0 - self._origin) * 1e6, (t1 - self._origin) * 1e6))

    def start(self) -> None:
        self._origin = time.perf_counter()
        _ACTIVE.append(self)

    def stop(self) -> None:
        if self in _ACTIVE:
            _ACTIVE.remove(self)
        if self.on_trace_ready is not None and self.schedule is None:
            self.on_trace_ready(self)

    def __enter__(self) -> profile:
        self.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    def step(self) -> None:
        """Mark the end of a training step (advances the ``schedule``)."""
        if self.schedule is not None and self.schedule(self.step_num) == ProfilerAction.RECORD_AND_SAVE and \
                self.on_trace_ready is not None:
            self.on_trace_ready(self)
        self.step_num += 1

    def events(self) -> EventList:
        return EventList(self._events)

    def key_averages(self, group_by_input_shape: bool = False, group_by_stack_n: int = 0) -> EventList:
        return _averages(self._events)

    def export_chrome_trace(self, path: str) -> None:
        """Write the recorded regions in Chrome's trace-event JSON format."""
        events = [{"name": e.name, "ph": "X", "ts": e.time_range[0], "dur": e.cpu_time_total, "pid": os.getpid(),
                   "tid": 0, "cat": "user_annotation"} for e in self._events]
        tmp = path + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            import json
            json.dump({"traceEvents": events}, f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)


def tensorboard_trace_handler(dir_name: str, worker_name: str | None = None, use_gzip: bool = False) -> Callable:
    """An ``on_trace_ready`` callback writing each trace as a JSON file in ``dir_name``."""
    def handler(prof: profile) -> None:
        os.makedirs(dir_name, exist_ok=True)
        name = f"{worker_name or os.getpid()}.{int(time.time() * 1000)}.pt.trace.json"
        prof.export_chrome_trace(os.path.join(dir_name, name))
    return handler
