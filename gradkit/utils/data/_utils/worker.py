"""DataLoader workers, simulated in the calling process.

gradkit starts no worker processes. A DataLoader with ``num_workers > 0`` instead keeps one
:class:`_SimWorker` per worker: its own copy of the dataset, its own random state (``random``,
NumPy's global generator and gradkit's default generator, seeded as torch seeds a worker from the
iterator's base seed), its own fetcher, and its queue of tasks. While a worker fetches a batch its
state is swapped in and :func:`get_worker_info` describes it, so datasets that shard by worker or draw
random numbers see what they would see in a torch worker, and the main process's random stream is
left alone, as it is in torch.
"""
from __future__ import annotations

import copy
import random
from collections import deque
from dataclasses import dataclass
from typing import Any

import numpy as np

__all__ = ["WorkerInfo", "get_worker_info"]

_worker_info = None


@dataclass(frozen=True, slots=True)
class WorkerInfo:
    """What a DataLoader worker knows about itself: ``id``, ``num_workers``, ``seed``, its ``dataset`` copy."""

    id: int
    num_workers: int
    seed: int
    dataset: Any
    rng: Any = None
    worker_method: str | None = "multiprocessing"


def get_worker_info() -> WorkerInfo | None:
    """Information about the DataLoader worker running the current code, or ``None`` outside workers."""
    return _worker_info


_MASK32 = 0xFFFFFFFF


def _generate_state(base_seed: int, worker_id: int) -> list[int]:
    """The four 32-bit words torch seeds a worker's NumPy generator with (NumPy's SeedSequence mixing)."""
    entropy = [worker_id, base_seed & _MASK32, base_seed >> 32, 0]
    mult = [0x43B0D7E5]

    def hashmix(value: int) -> int:
        value = (value ^ mult[0]) & _MASK32
        mult[0] = (mult[0] * 0x931E8875) & _MASK32
        value = (value * mult[0]) & _MASK32
        return (value ^ (value >> 16)) & _MASK32

    def mix(x: int, y: int) -> int:
        r = ((0xCA01F9DD * x) & _MASK32) - ((0x4973F715 * y) & _MASK32)
        r &= _MASK32
        return (r ^ (r >> 16)) & _MASK32

    pool = [hashmix(e) for e in entropy]
    for src in range(4):
        for dst in range(4):
            if src != dst:
                pool[dst] = mix(pool[dst], hashmix(pool[src]))
    const = 0x8B51F9DD
    state = []
    for word in pool:
        word = (word ^ const) & _MASK32
        const = (const * 0x58F38DED) & _MASK32
        word = (word * const) & _MASK32
        state.append((word ^ (word >> 16)) & _MASK32)
    return state


_GEN_SLOTS = ("_bg", "_seed", "_fresh_next", "_next_double", "_next_float")
STOP = object()


class _SimWorker:
    """One simulated worker: dataset copy, random state, fetcher and task queue."""

    def __init__(self, worker_id: int, num_workers: int, base_seed: int, dataset, make_fetcher, init_fn) -> None:
        try:
            dataset = copy.copy(dataset)
        except Exception:  # noqa: BLE001
            pass
        seed = base_seed + worker_id
        self.id = worker_id
        self.info = WorkerInfo(id=worker_id, num_workers=num_workers, seed=seed, dataset=dataset)
        self.dataset = dataset
        self.make_fetcher = make_fetcher
        self.queue: deque = deque()
        self.state = None
        self.ended = False
        with self:
            random.seed(seed)
            from ....random import default_generator
            default_generator.manual_seed(seed)
            np.random.seed(_generate_state(base_seed, worker_id))
            if init_fn is not None:
                init_fn(worker_id)
            self.fetcher = make_fetcher(dataset)

    def __enter__(self) -> _SimWorker:
        global _worker_info
        from ....random import default_generator as g
        self._main = (tuple(getattr(g, a) for a in _GEN_SLOTS), random.getstate(), np.random.get_state(),
                      _worker_info)
        if self.state is None:
            g._bg = np.random.MT19937(0)
        else:
            gen, py, npst = self.state
            for a, v in zip(_GEN_SLOTS, gen):
                setattr(g, a, v)
            random.setstate(py)
            np.random.set_state(npst)
        _worker_info = self.info
        return self

    def __exit__(self, *exc: object) -> bool:
        global _worker_info
        from ....random import default_generator as g
        self.state = (tuple(getattr(g, a) for a in _GEN_SLOTS), random.getstate(), np.random.get_state())
        gen, py, npst, _worker_info = self._main
        for a, v in zip(_GEN_SLOTS, gen):
            setattr(g, a, v)
        random.setstate(py)
        np.random.set_state(npst)
        return False

    def run_next(self) -> Any:
        """Fetch the batch of the oldest queued task; :data:`STOP` when an iterable dataset is exhausted."""
        _, index = self.queue.popleft()
        if self.ended:
            return STOP
        with self:
            try:
                return self.fetcher.fetch(index)
            except StopIteration:
                if not self.iterable:
                    raise
                self.ended = True
                return STOP

    @property
    def iterable(self) -> bool:
        return hasattr(self.fetcher, "dataset_iter")

    def resume(self) -> None:
        """Start a new epoch (persistent workers): finish leftover tasks, then make a fresh fetcher."""
        while self.queue:
            self.run_next()
        self.ended = False
        with self:
            self.fetcher = self.make_fetcher(self.dataset)
