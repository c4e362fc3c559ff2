"""gradkit tensors to and from the safetensors format, mirroring ``safetensors.torch``.

The bytes are produced and parsed by the ``safetensors`` package's NumPy layer, so files written here
load with ``safetensors.torch.load_file`` and the other way round. ``save_file`` writes atomically.
"""
from __future__ import annotations

import contextlib
import os
import tempfile
from collections import defaultdict
from typing import Any, Self

import numpy as np

__all__ = ["load", "load_file", "safe_open", "save", "save_file"]

_NP = {
    "F64": np.float64, "F32": np.float32, "F16": np.float16, "I64": np.int64, "I32": np.int32,
    "I16": np.int16, "I8": np.int8, "U8": np.uint8, "BOOL": np.bool_,
}


def _st():
    try:
        import safetensors
        import safetensors.numpy
    except ImportError as e:  # pragma: no cover - the package is a dependency of this module only
        raise ImportError("gradkit.utils.safetensors needs the 'safetensors' package "
                          "(pip install safetensors)") from e
    return safetensors


def _tensor_cls():
    from gradkit._tensor import Tensor
    return Tensor


def _root(a: np.ndarray) -> np.ndarray:
    while isinstance(a.base, np.ndarray):
        a = a.base
    return a


def _addr(a: np.ndarray) -> int:
    return a.__array_interface__["data"][0]


def _check(tensors: dict[str, Any]) -> dict[str, np.ndarray]:
    """The arrays to write; errors as ``safetensors.torch`` raises them."""
    if not isinstance(tensors, dict):
        raise ValueError(f"Expected a dict of [str, torch.Tensor] but received {type(tensors)}")  # noqa: TRY004
    Tensor = _tensor_cls()
    arrays: dict[str, np.ndarray] = {}
    groups: dict[int, list[str]] = defaultdict(list)
    for k, v in tensors.items():
        if not isinstance(v, Tensor):
            raise ValueError(f"Key `{k}` is invalid, expected torch.Tensor but received {type(v)}")  # noqa: TRY004
        a = v._data
        if a.size and a.nbytes:
            groups[id(_root(a))].append(k)
        arrays[k] = a
    failing = []
    for names in groups.values():
        if len(names) < 2:
            continue
        areas = sorted((_addr(arrays[n]), _addr(arrays[n]) + _extent(arrays[n]), n) for n in names)
        current = {areas[0][2]}
        stop = areas[0][1]
        for start, end, name in areas[1:]:
            if start < stop:
                current.add(name)
            else:
                if len(current) > 1:
                    failing.append(current)
                current = {name}
            stop = end
        if len(current) > 1:
            failing.append(current)
    if failing:
        raise RuntimeError(
            f"Some tensors share memory, this will lead to duplicate memory on disk and potential "
            f"differences when loading them again: {failing}. Save a copy (.clone()) of each shared tensor.")
    for k, a in arrays.items():
        if not a.flags.c_contiguous:
            raise ValueError(
                f"You are trying to save a non contiguous tensor: `{k}` which is not allowed. Call "
                f"`.contiguous()` on it before saving.")
        if a.dtype.byteorder == ">" or (a.dtype.byteorder == "=" and not np.little_endian):
            arrays[k] = a.astype(a.dtype.newbyteorder("<"))
    return arrays


def _extent(a: np.ndarray) -> int:
    return (int(np.sum((np.asarray(a.shape) - 1) * np.asarray(a.strides))) if a.ndim else 0) + a.itemsize


def _check_metadata(metadata) -> None:
    if metadata is None:
        return
    if not isinstance(metadata, dict) or not all(isinstance(k, str) and isinstance(v, str)
                                                  for k, v in metadata.items()):
        raise TypeError(f"metadata must be a dict of str to str, got {metadata!r}")


def save(tensors: dict[str, Any], metadata: dict[str, str] | None = None) -> bytes:
    """The safetensors bytes holding ``tensors`` (a dict of contiguous tensors) and text ``metadata``."""
    arrays = _check(tensors)
    _check_metadata(metadata)
    return _st().numpy.save(arrays, metadata=metadata)


def save_file(tensors: dict[str, Any], filename: str | os.PathLike, metadata: dict[str, str] | None = None
              ) -> None:
    """Write ``tensors`` to ``filename`` in the safetensors format. The file is written to a temporary
    name in the same directory, flushed to disk and renamed, so it is never seen half written."""
    arrays = _check(tensors)
    _check_metadata(metadata)
    st = _st()
    path = os.fsdecode(os.fspath(filename))
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix="." + os.path.basename(path) + ".", suffix=".tmp", dir=directory)
    try:
        os.close(fd)
        st.numpy.save_file(arrays, tmp, metadata=metadata)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        try:
            mode = os.stat(path).st_mode & 0o7777
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    with contextlib.suppress(OSError):
        dfd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)


def _np_dtype(name: str, key: str) -> np.dtype:
    dt = _NP.get(name)
    if dt is None:
        raise TypeError(f"tensor `{key}` has safetensors dtype {name}, which gradkit cannot hold "
                        f"(supported: {', '.join(_NP)})")
    return np.dtype(dt)


def _wrap(arr: np.ndarray):
    from gradkit._tensor import _wrap as wrap
    if not arr.flags.writeable:
        arr = arr.copy()
    return wrap(arr)


def load(data: bytes) -> dict[str, Any]:
    """The tensors held in safetensors ``data`` (bytes), as a dict of gradkit tensors."""
    st = _st()
    out: dict[str, Any] = {}
    for k, v in st.deserialize(bytes(data)):
        dt = _np_dtype(v["dtype"], k)
        arr = np.frombuffer(bytearray(v["data"]), dtype=dt.newbyteorder("<")).astype(dt, copy=False)
        out[k] = _wrap(arr.reshape(v["shape"]))
    return out


def load_file(filename: str | os.PathLike, device: str | int = "cpu") -> dict[str, Any]:
    """The tensors of the safetensors file ``filename``, as a dict of gradkit tensors (on the CPU)."""
    with safe_open(filename, framework="pt", device=device) as f:
        return {k: f.get_tensor(k) for k in f.keys()}  # noqa: SIM118


class safe_open:
    """Lazily read tensors out of a safetensors file: ``keys()``, ``metadata()``, ``get_tensor(name)``.
    Use it as a context manager, as with ``safetensors.safe_open``."""

    def __init__(self, filename: str | os.PathLike, framework: str = "pt", device: str | int = "cpu") -> None:
        if str(device) not in ("cpu", "cpu:0"):
            raise RuntimeError(f"gradkit runs on the CPU only; cannot load tensors to device {device!r}")
        self._f = _st().safe_open(os.fspath(filename), framework="numpy")
        self._inner = None

    def __enter__(self) -> Self:
        self._inner = self._f.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        self._f.__exit__(*exc)
        self._inner = None

    def _h(self):
        return self._inner if self._inner is not None else self._f

    def keys(self) -> list[str]:
        return list(self._h().keys())

    def metadata(self) -> dict[str, str] | None:
        return self._h().metadata()

    def get_tensor(self, name: str):
        h = self._h()
        _np_dtype(h.get_slice(name).get_dtype(), name)
        return _wrap(np.asarray(h.get_tensor(name)))
