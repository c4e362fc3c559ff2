"""Random number generators: a Mersenne Twister (mt19937) with torch's seeding and state layout."""
from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator

import numpy as np

from . import _tensor as T
from ._dtype import TorchNamed

__all__ = [
    "Generator",
    "default_generator",
    "fork_rng",
    "get_rng_state",
    "initial_seed",
    "manual_seed",
    "seed",
    "set_rng_state",
]

_N = 624
_DEFAULT_SEED = 67280421310721
_STATE_SIZE = 5056
_STATE_DTYPE = np.dtype({
    "names": ["seed", "left", "seeded", "next", "state", "normal_x", "normal_y", "normal_rho",
              "normal_is_valid", "next_float", "next_float_valid"],
    "formats": ["<u8", "<i4", "<i4", "<u8", ("<u8", (_N,)), "<f8", "<f8", "<f8", "<i4", "<f4", "u1"],
    "offsets": [0, 8, 12, 16, 24, 5016, 5024, 5032, 5040, 5048, 5052],
    "itemsize": _STATE_SIZE,
})


def _init_genrand(s: int) -> np.ndarray:
    key = [0] * _N
    x = s & 0xFFFFFFFF
    key[0] = x
    for j in range(1, _N):
        x = (1812433253 * (x ^ (x >> 30)) + j) & 0xFFFFFFFF
        key[j] = x
    return np.array(key, dtype=np.uint32)


def _nondeterministic_seed() -> int:
    return int.from_bytes(os.urandom(8), "little") & 0x1FFFFFFFFFFFFF


def _unpack_seed(s) -> int:
    if isinstance(s, T.Tensor):
        s = s.item()
    s = int(s)
    if s >= 1 << 64 or s < -(1 << 63):
        raise ValueError("Overflow when unpacking long long")
    return s & 0xFFFFFFFFFFFFFFFF


class Generator(metaclass=TorchNamed):
    """A CPU pseudo-random number generator (mt19937) whose draws match torch's bit for bit."""

    _torch_module = "torch._C"

    __slots__ = ("__weakref__", "_device", "_fresh_next", "_mt", "_next_double", "_next_float", "_seed")

    def __init__(self, device="cpu") -> None:
        T.check_device(device)
        self._device = T.device("cpu")
        self._mt = None
        self._set_seed(_DEFAULT_SEED)

    @property
    def _bg(self):
        """The mt19937 engine, built on first use so that ``import gradkit`` does not load ``numpy.random``."""
        if self._mt is None:
            from numpy.random import MT19937
            self._mt = MT19937(0)
            self._seed_engine(self._seed)
        return self._mt

    @_bg.setter
    def _bg(self, engine) -> None:
        self._mt = engine

    def _seed_engine(self, s: int) -> None:
        try:
            self._mt._legacy_seeding(s & 0xFFFFFFFF)
        except AttributeError:
            self._mt.state = {"bit_generator": "MT19937", "state": {"key": _init_genrand(s), "pos": _N}}

    @property
    def device(self) -> T.device:
        return self._device

    def _set_seed(self, s: int) -> None:
        self._seed = s
        self._next_double = None
        self._next_float = None
        self._fresh_next = 0
        if self._mt is not None:
            self._seed_engine(s)

    def manual_seed(self, seed) -> Generator:
        """Seed the generator with an integer (negative values wrap to 64-bit unsigned); returns self."""
        if isinstance(seed, bool) or not hasattr(seed, "__index__") or isinstance(seed, T.Tensor):
            raise RuntimeError(f"manual_seed expected a long, but got {type(seed).__name__}")
        self._set_seed(_unpack_seed(seed))
        return self

    def seed(self) -> int:
        """Seed from a non-deterministic source and return the seed used."""
        s = _nondeterministic_seed()
        self._set_seed(s)
        return s

    def initial_seed(self) -> int:
        """The seed the generator was last seeded with."""
        return self._seed

    def get_state(self) -> T.Tensor:
        """The generator state as a 5056-byte uint8 tensor laid out like torch's CPU generator state."""
        st = self._bg.state["state"]
        pos = int(st["pos"])
        rec = np.zeros((), dtype=_STATE_DTYPE)
        rec["seed"] = self._seed
        rec["left"] = _N + 1 - pos
        rec["seeded"] = 1
        rec["next"] = self._fresh_next if self._fresh_next is not None else pos
        rec["state"] = st["key"].astype(np.uint64)
        if self._next_double is not None:
            rec["normal_is_valid"] = 1
            rec["normal_y"] = self._next_double
        if self._next_float is not None:
            rec["next_float_valid"] = 1
            rec["next_float"] = self._next_float
        return T._wrap(np.frombuffer(rec.tobytes(), dtype=np.uint8).copy())

    def set_state(self, new_state: T.Tensor) -> Generator:
        """Restore a state produced by ``get_state`` (or by torch's ``get_rng_state``)."""
        arr = new_state._data if isinstance(new_state, T.Tensor) else np.asarray(new_state)
        if not isinstance(new_state, T.Tensor) or arr.dtype != np.uint8:
            raise TypeError(f"expected a torch.ByteTensor, but got {type(new_state).__name__}"
                            + (f" of dtype {arr.dtype}" if isinstance(new_state, T.Tensor) else ""))
        if arr.size != _STATE_SIZE:
            raise RuntimeError(f"Expected a CPUGeneratorImplState of size {_STATE_SIZE} but found the input "
                               f"RNG state size to be {arr.size}")
        rec = np.frombuffer(np.ascontiguousarray(arr).reshape(-1).tobytes(), dtype=_STATE_DTYPE)[0]
        left = int(rec["left"])
        nxt = int(rec["next"]) & 0xFFFFFFFF
        if not (int(rec["seeded"]) and 0 < left <= _N and nxt <= _N):
            raise RuntimeError("Invalid mt19937 state")
        key = (rec["state"] & 0xFFFFFFFF).astype(np.uint32)
        self._bg.state = {"bit_generator": "MT19937", "state": {"key": key, "pos": _N + 1 - left}}
        self._fresh_next = nxt if nxt != _N + 1 - left else None
        self._seed = int(rec["seed"])
        self._next_double = float(rec["normal_y"]) if int(rec["normal_is_valid"]) else None
        self._next_float = np.float32(rec["next_float"]) if int(rec["next_float_valid"]) else None
        return self

    def __getstate__(self):
        return {"state": self.get_state()._data.tobytes()}

    def __setstate__(self, d) -> None:
        self._device = T.device("cpu")
        self._mt = None
        self._seed = 0
        self.set_state(T._wrap(np.frombuffer(d["state"], dtype=np.uint8).copy()))

    def __repr__(self) -> str:
        return f"<gradkit.Generator object at {id(self):#x}>"

    # -- raw draws ------------------------------------------------------------------------
    def _u32(self, n: int) -> np.ndarray:
        """``n`` consecutive 32-bit outputs of the engine, as uint64."""
        self._fresh_next = None
        return self._bg.random_raw(n)

    def _u64(self, n: int) -> np.ndarray:
        """``n`` 64-bit draws, each built from two 32-bit outputs (first one high)."""
        w = self._bg.random_raw(2 * n)
        self._fresh_next = None
        return (w[0::2] << np.uint64(32)) | w[1::2]


default_generator = Generator()
default_generator._set_seed(_nondeterministic_seed())


def manual_seed(seed) -> Generator:
    """Seed the default CPU generator; returns it."""
    return default_generator.manual_seed(_unpack_seed(seed))


def seed() -> int:
    """Seed the default generator from a non-deterministic source and return the seed."""
    return default_generator.seed()


def initial_seed() -> int:
    """The initial seed of the default generator."""
    return default_generator.initial_seed()


def get_rng_state() -> T.Tensor:
    """The default generator's state as a uint8 tensor."""
    return default_generator.get_state()


def set_rng_state(new_state: T.Tensor) -> None:
    """Restore the default generator's state from a uint8 tensor."""
    default_generator.set_state(new_state)


@contextlib.contextmanager
def fork_rng(devices=None, enabled: bool = True, _caller: str = "fork_rng", _devices_kw: str = "devices",
             device_type: str = "cuda") -> Iterator[None]:
    """Save the CPU RNG state on entry and restore it on exit."""
    if not enabled:
        yield
        return
    state = default_generator.get_state()
    try:
        yield
    finally:
        default_generator.set_state(state)
