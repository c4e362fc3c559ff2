"""``save``/``load`` in PyTorch's own checkpoint format, without torch.

A file is the zip archive ``torch.save`` writes: ``<name>/data.pkl`` holds the pickled object
structure, in which every tensor is a call to ``torch._utils._rebuild_tensor_v2`` over a storage
named by a persistent id; ``<name>/data/<key>`` holds each storage's raw bytes (64-byte aligned);
``version``, ``byteorder``, ``.format_version``, ``.storage_alignment`` and
``.data/serialization_id`` complete it. Loading runs a restricted unpickler: only the globals a
checkpoint of tensors, containers, numbers and strings needs are resolved, so a file cannot run code.
"""
from __future__ import annotations

import codecs
import contextlib
import io
import os
import pickle
import secrets
import struct
import sys
import tempfile
import warnings
import zipfile
import zlib
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterator
from typing import IO, Any, BinaryIO

import numpy as np

__all__ = [
    "DEFAULT_PROTOCOL",
    "add_safe_globals",
    "atomic_write",
    "clear_safe_globals",
    "default_restore_location",
    "get_safe_globals",
    "get_unsafe_globals_in_checkpoint",
    "load",
    "safe_globals",
    "save",
]

DEFAULT_PROTOCOL = 2
FileLike = str | os.PathLike | BinaryIO | IO[bytes]

_ALIGN = 64
_FORMAT_VERSION = b"3\n"

# numpy dtype -> (torch storage class name, torch dtype name); v3 dtypes use UntypedStorage.
_TYPED = {
    np.dtype(np.float64): ("DoubleStorage", "float64"),
    np.dtype(np.float32): ("FloatStorage", "float32"),
    np.dtype(np.float16): ("HalfStorage", "float16"),
    np.dtype(np.int64): ("LongStorage", "int64"),
    np.dtype(np.int32): ("IntStorage", "int32"),
    np.dtype(np.int16): ("ShortStorage", "int16"),
    np.dtype(np.int8): ("CharStorage", "int8"),
    np.dtype(np.uint8): ("ByteStorage", "uint8"),
    np.dtype(np.bool_): ("BoolStorage", "bool"),
    np.dtype(np.complex64): ("ComplexFloatStorage", "complex64"),
    np.dtype(np.complex128): ("ComplexDoubleStorage", "complex128"),
}
_UNTYPED_NP = {
    np.dtype(np.uint16): "uint16", np.dtype(np.uint32): "uint32", np.dtype(np.uint64): "uint64",
}
_STORAGE_NP = {name: dt for dt, (name, _) in _TYPED.items()}
_DTYPE_NP = {tname: dt for dt, (_, tname) in _TYPED.items()}
_DTYPE_NP.update({v: k for k, v in _UNTYPED_NP.items()})
# torch dtypes and storages gradkit can name in a file but not hold as arrays.
_NO_NP_DTYPES = (
    "bfloat16", "complex32", "float8_e5m2", "float8_e4m3fn", "float8_e5m2fnuz", "float8_e4m3fnuz",
    "float8_e8m0fnu", "float4_e2m1fn_x2", "bits8", "bits16", "bits1x8", "bits2x4", "bits4x2",
    "qint8", "qint32", "quint8", "quint4x2", "quint2x4", "uint1", "uint2", "uint3", "uint4", "uint5",
    "uint6", "uint7", "int1", "int2", "int3", "int4", "int5", "int6", "int7",
)
_NO_NP_STORAGES = {"BFloat16Storage": 2, "QInt8Storage": 1, "QInt32Storage": 4, "QUInt8Storage": 1,
                   "QUInt4x2Storage": 1, "QUInt2x4Storage": 1}


# --------------------------------------------------------------------------------------------
# atomic file writes
# --------------------------------------------------------------------------------------------
def _umask() -> int:
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except OSError:
        pass
    return 0o022


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike) -> Iterator[BinaryIO]:
    """Open a temporary file beside ``path`` for writing; on success fsync it and rename it over
    ``path``, so that readers see either the old file or the complete new one, never a torn one."""
    path = os.fspath(path)
    if isinstance(path, bytes):
        path = os.fsdecode(path)
    directory = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(directory):
        raise RuntimeError(f"Parent directory {directory} does not exist.")
    if os.path.isdir(path):
        raise IsADirectoryError(f"[Errno 21] Is a directory: '{path}'")
    fd, tmp = tempfile.mkstemp(prefix="." + os.path.basename(path) + ".", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        try:
            mode = os.stat(path).st_mode & 0o7777
        except FileNotFoundError:
            mode = 0o666 & ~_umask()
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    with contextlib.suppress(OSError, AttributeError):
        dfd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)


def _is_path(f) -> bool:
    return isinstance(f, (str, os.PathLike, bytes))


# --------------------------------------------------------------------------------------------
# gradkit types, imported when first needed (this module is imported by gradkit/__init__)
# --------------------------------------------------------------------------------------------
def _gk():
    import gradkit
    return gradkit


def _parameter_class():
    try:
        from gradkit.nn.parameter import Parameter
    except ImportError:
        return None
    return Parameter


def _gk_dtype(name: str):
    from gradkit import _dtype as D
    d = D._BY_NAME.get(name)
    if d is None:
        raise pickle.UnpicklingError(f"gradkit has no dtype torch.{name}")
    return d


# --------------------------------------------------------------------------------------------
# writing
# --------------------------------------------------------------------------------------------
class _TorchName:
    """Stands for a global of torch's (``torch._utils._rebuild_tensor_v2`` …) in a pickle."""

    __slots__ = ("module", "name")

    def __init__(self, module: str, name: str) -> None:
        self.module = module
        self.name = name

    def __call__(self, *args):
        raise RuntimeError(f"{self.module}.{self.name} is a name written into pickles, not a function")

    def __repr__(self) -> str:
        return f"<torch global {self.module}.{self.name}>"


_NAMES: dict[tuple[str, str], _TorchName] = {}


def _torch_name(module: str, name: str) -> _TorchName:
    key = (module, name)
    g = _NAMES.get(key)
    if g is None:
        g = _NAMES[key] = _TorchName(module, name)
    return g


_REBUILD_V2 = _torch_name("torch._utils", "_rebuild_tensor_v2")
_REBUILD_V3 = _torch_name("torch._utils", "_rebuild_tensor_v3")
_REBUILD_PARAM = _torch_name("torch._utils", "_rebuild_parameter")
_TORCH_SIZE = _torch_name("torch", "Size")
_TORCH_DEVICE = _torch_name("torch", "device")
_UNTYPED_STORAGE = _torch_name("torch.storage", "UntypedStorage")


class _StorageRef:
    """A storage being written: the NumPy array whose memory it is."""

    __slots__ = ("key", "pid", "root")

    def __init__(self, key: str, root: np.ndarray, pid: tuple) -> None:
        self.key = key
        self.root = root
        self.pid = pid


class _ParamData:
    """The plain tensor inside a Parameter, as ``Parameter.__reduce_ex__`` hands it to torch."""

    __slots__ = ("arr",)

    def __init__(self, arr: np.ndarray) -> None:
        self.arr = arr


def _contiguous_strides(shape) -> tuple:
    st = []
    acc = 1
    for s in reversed(shape):
        st.append(acc)
        acc *= max(int(s), 1)
    return tuple(reversed(st))


def _addr(a: np.ndarray) -> int:
    return a.__array_interface__["data"][0]


class _StorageTable:
    """Assigns storage keys the way torch does (``'0'``, ``'1'`` … in order of first use) and keeps
    views of one NumPy buffer on one storage."""

    def __init__(self) -> None:
        self.by_root: dict[int, _StorageRef] = {}
        self.refs: list[_StorageRef] = []

    def _new(self, root: np.ndarray) -> _StorageRef:
        key = str(len(self.refs))
        dt = root.dtype
        if dt in _TYPED:
            pid = ("storage", _torch_name("torch", _TYPED[dt][0]), key, "cpu", int(root.size))
        else:
            pid = ("storage", _UNTYPED_STORAGE, key, "cpu", int(root.nbytes))
        ref = _StorageRef(key, root, pid)
        self.refs.append(ref)
        return ref

    def locate(self, arr: np.ndarray) -> tuple[_StorageRef, int, tuple, tuple]:
        """(storage, offset, size, stride) of ``arr``, sharing the storage of its base buffer."""
        dt = arr.dtype
        if dt not in _TYPED and dt not in _UNTYPED_NP:
            if dt.newbyteorder("=") in _TYPED or dt.newbyteorder("=") in _UNTYPED_NP:
                arr = arr.astype(dt.newbyteorder("="))
                dt = arr.dtype
            else:
                raise TypeError(f"cannot save an array of NumPy dtype {dt} in torch's format")
        size = tuple(int(s) for s in arr.shape)
        it = dt.itemsize
        root = arr
        a = arr
        while isinstance(a.base, np.ndarray):
            a = a.base
            if a.dtype == dt and _dense(a):
                root = a
        if arr.size > 0 and root.dtype == dt and _dense(root) \
                and all(s >= 0 and s % it == 0 for s in arr.strides):
            off = _addr(arr) - _addr(root)
            if 0 <= off < root.nbytes and off % it == 0:
                ref = self.by_root.get(id(root))
                if ref is None:
                    ref = self.by_root[id(root)] = self._new(root)
                if arr.flags.c_contiguous:
                    stride = _contiguous_strides(size)
                else:
                    stride = tuple(s // it if n > 1 or s > 0 else c for s, n, c in
                                   zip(arr.strides, size, _contiguous_strides(size)))
                return ref, off // it, size, stride
        flat = np.ascontiguousarray(arr).reshape(-1)
        ref = self._new(flat)
        return ref, 0, size, _contiguous_strides(size)


def _dense(a: np.ndarray) -> bool:
    """Whether ``a`` covers one gap-free block of memory (C or F order, or any axis order)."""
    if a.flags.c_contiguous or a.flags.f_contiguous:
        return True
    return a.transpose(sorted(range(a.ndim), key=lambda i: -a.strides[i])).flags.c_contiguous


class _Pickler(pickle._Pickler):  # type: ignore[name-defined]
    """Pure-Python pickler that writes gradkit objects under torch's global names."""

    def __init__(self, file, protocol: int, table: _StorageTable) -> None:
        super().__init__(file, protocol)
        self._table = table
        gk = _gk()
        from gradkit import _dtype as D
        self._tensor_cls = gk.Tensor
        self._param_cls = _parameter_class()
        self._dtype_cls = D.dtype
        self._size_cls = gk.Size
        self._device_cls = gk.device

    def persistent_id(self, obj):
        if type(obj) is _StorageRef:
            return obj.pid
        return None

    def _write_global(self, g: _TorchName) -> None:
        self.write(pickle.GLOBAL + g.module.encode("utf-8") + b"\n" + g.name.encode("utf-8") + b"\n")
        self.memoize(g)

    def _save_tensor(self, obj, arr: np.ndarray, requires_grad: bool) -> None:
        ref, offset, size, stride = self._table.locate(arr)
        hooks: OrderedDict = OrderedDict()
        if ref.root.dtype in _TYPED:
            args = (ref, offset, size, stride, bool(requires_grad), hooks)
            self.save_reduce(_REBUILD_V2, args, obj=obj)
        else:
            dtype_name = _UNTYPED_NP[ref.root.dtype]
            args = (ref, offset, size, stride, bool(requires_grad), hooks, _torch_name("torch", dtype_name))
            self.save_reduce(_REBUILD_V3, args, obj=obj)

    def save(self, obj, save_persistent_id=True):
        t = type(obj)
        if t is _TorchName:
            x = self.memo.get(id(obj))
            if x is not None:
                self.write(self.get(x[0]))
            else:
                self._write_global(obj)
            return
        if t is _ParamData:
            self._save_tensor(obj, obj.arr, False)
            return
        if t is self._dtype_cls or t is self._size_cls or t is self._device_cls or \
                isinstance(obj, self._tensor_cls):
            x = self.memo.get(id(obj))
            if x is not None:
                self.write(self.get(x[0]))
                return
            if t is self._dtype_cls:
                self.save(_torch_name("torch", obj.name))
                self.memoize(obj)
            elif t is self._size_cls:
                self.save_reduce(_TORCH_SIZE, (tuple(int(s) for s in obj),), obj=obj)
            elif t is self._device_cls:
                self.save_reduce(_TORCH_DEVICE, (str(obj),), obj=obj)
            elif self._param_cls is not None and isinstance(obj, self._param_cls):
                if t is not self._param_cls and getattr(obj, "__dict__", None):
                    warnings.warn(f"saving {t.__name__} as a plain Parameter; its attributes are not saved",
                                  stacklevel=4)
                self.save_reduce(_REBUILD_PARAM, (_ParamData(obj._data), bool(obj.requires_grad),
                                                  OrderedDict()), obj=obj)
            else:
                self._save_tensor(obj, obj._data, obj.requires_grad)
            return
        super().save(obj, save_persistent_id)


def _archive_name(f) -> str:
    if _is_path(f):
        base = os.path.basename(os.fsdecode(os.fspath(f)))
        stem = os.path.splitext(base)[0]
        return stem or "archive"
    return "archive"


class _ZipWriter:
    """Writes records under ``<name>/`` with each record's data aligned to 64 bytes."""

    def __init__(self, fileobj, name: str) -> None:
        self.zf = zipfile.ZipFile(fileobj, mode="w", compression=zipfile.ZIP_STORED, allowZip64=True)
        self.prefix = name + "/"

    def write(self, name: str, data) -> None:
        full = self.prefix + name
        zi = zipfile.ZipInfo(full, date_time=(1980, 1, 1, 0, 0, 0))
        zi.compress_type = zipfile.ZIP_STORED
        zi.external_attr = 0o644 << 16
        view = memoryview(data).cast("B") if not isinstance(data, bytes) else data
        size = len(view)
        zip64 = size * 1.05 > zipfile.ZIP64_LIMIT
        start = self.zf.start_dir + 30 + len(full.encode("utf-8")) + 4 + (20 if zip64 else 0)
        pad = (-start) % _ALIGN
        zi.extra = struct.pack("<HH", 0x4246, pad) + b"Z" * pad
        with self.zf.open(zi, mode="w", force_zip64=zip64) as dest:
            step = 1 << 26
            for i in range(0, size, step):
                dest.write(view[i:i + step])

    def close(self) -> None:
        self.zf.close()


def _write_archive(obj, fileobj, name: str, protocol: int, byteorder: bool) -> None:
    table = _StorageTable()
    buf = io.BytesIO()
    _Pickler(buf, protocol, table).dump(obj)
    w = _ZipWriter(fileobj, name)
    try:
        w.write("data.pkl", buf.getvalue())
        w.write(".format_version", b"1")
        w.write(".storage_alignment", str(_ALIGN).encode())
        if byteorder:
            w.write("byteorder", sys.byteorder.encode())
        for ref in table.refs:
            root = ref.root
            if root.flags.c_contiguous:
                flat = root.reshape(-1)
            else:
                flat = root.ravel(order="K")
            w.write(f"data/{ref.key}", flat.view(np.uint8) if flat.size else b"")
        w.write("version", _FORMAT_VERSION)
        w.write(".data/serialization_id", str(secrets.randbits(128)).zfill(40).encode())
    finally:
        w.close()


def save(obj: object, f: FileLike, pickle_module: Any = pickle, pickle_protocol: int = DEFAULT_PROTOCOL,
         _use_new_zipfile_serialization: bool = True, _disable_byteorder_record: bool = False) -> None:
    """Save ``obj`` (tensors, state_dicts, containers, numbers …) to ``f`` in PyTorch's file format.

    ``f`` is a path or a writable binary file object. Writing to a path is atomic: the data goes to
    a temporary file in the same directory, is flushed to disk, then renamed over ``f``. The zip-based format
    is written even when ``_use_new_zipfile_serialization=False`` asks for the pre-1.6 one: every torch
    release since 1.6 reads it, and ``load`` reads it back the same."""
    if pickle_module is not pickle:
        raise NotImplementedError("gradkit.save supports only the standard pickle module")
    if not isinstance(pickle_protocol, int) or not 2 <= pickle_protocol <= pickle.HIGHEST_PROTOCOL:
        raise ValueError(f"pickle_protocol must be an int in [2, {pickle.HIGHEST_PROTOCOL}], got {pickle_protocol!r}")
    if _is_path(f):
        with atomic_write(f) as fh:
            _write_archive(obj, fh, _archive_name(f), pickle_protocol, not _disable_byteorder_record)
        return
    if not hasattr(f, "write"):
        raise AttributeError(f"expected 'f' to be string, path, or a file-like object with a 'write' "
                             f"attribute, got {type(f).__name__}")
    _write_archive(obj, f, "archive", pickle_protocol, not _disable_byteorder_record)
    with contextlib.suppress(AttributeError, io.UnsupportedOperation):
        f.flush()


# --------------------------------------------------------------------------------------------
# reading: storages and rebuild functions
# --------------------------------------------------------------------------------------------
class _StorageType:
    """What ``torch.FloatStorage`` and friends resolve to: the element type of a storage."""

    __slots__ = ("name", "np")

    def __init__(self, name: str, np_dtype) -> None:
        self.name = name
        self.np = np_dtype

    def __repr__(self) -> str:
        return f"StorageType({self.name})"


_UNTYPED = _StorageType("UntypedStorage", np.dtype(np.uint8))


class Storage:
    """A loaded storage: a flat NumPy array (``data``) and where it was saved from."""

    __slots__ = ("data", "kind", "location")

    def __init__(self, data: np.ndarray, location: str, kind: str) -> None:
        self.data = data
        self.location = location
        self.kind = kind

    @property
    def device(self):
        return _gk().device("cpu")

    @property
    def dtype(self):
        return _gk_dtype(_TYPED[self.data.dtype][1]) if self.data.dtype in _TYPED else None

    def nbytes(self) -> int:
        return int(self.data.nbytes)

    def size(self) -> int:
        return int(self.data.size)

    def __len__(self) -> int:
        return int(self.data.size)

    def cpu(self) -> Storage:
        return self

    def __repr__(self) -> str:
        return f"<{self.kind} of {self.data.size} elements on {self.location}>"


def default_restore_location(storage: Storage, location: str) -> Storage:
    """Place ``storage`` where ``location`` says; gradkit has only the CPU."""
    loc = str(location)
    if loc == "cpu" or loc.startswith("cpu:"):
        return storage
    if loc.startswith("cuda"):
        raise RuntimeError(
            "Attempting to deserialize object on a CUDA device but torch.cuda.is_available() is False. "
            "If you are running on a CPU-only machine, please use torch.load with "
            "map_location=torch.device('cpu') to map your storages to the CPU.")
    raise RuntimeError(f"don't know how to restore data location of storage on '{loc}'; gradkit runs on "
                       "the CPU only: pass map_location='cpu'")


def _restore_fn(map_location) -> Callable[[Storage, str], Storage]:
    if map_location is None:
        return default_restore_location
    if isinstance(map_location, dict):
        return lambda s, loc: default_restore_location(s, str(map_location.get(loc, loc)))
    if isinstance(map_location, (str, bytes)):
        target = map_location.decode() if isinstance(map_location, bytes) else map_location
        return lambda s, loc: default_restore_location(s, target)
    if isinstance(map_location, _gk().device):
        return lambda s, loc: default_restore_location(s, str(map_location))
    if callable(map_location):
        def restore(s: Storage, loc: str) -> Storage:
            r = map_location(s, loc)
            if r is None:
                return default_restore_location(s, loc)
            if not isinstance(r, Storage):
                raise TypeError(f"map_location returned {type(r).__name__}; expected the storage it was given")
            return r
        return restore
    raise TypeError(f"map_location should be None, a string, a torch.device, a dict or a callable, "
                    f"got {type(map_location).__name__}")


def _check_ints(name: str, values) -> tuple:
    out = []
    for v in values:
        if type(v) is not int:
            raise pickle.UnpicklingError(f"tensor {name} must be ints, got {type(v).__name__}")
        out.append(v)
    return tuple(out)


def _view(storage: Storage, offset, size, stride, np_dtype=None) -> np.ndarray:
    if not isinstance(storage, Storage):
        raise pickle.UnpicklingError(f"expected a storage to rebuild a tensor, got {type(storage).__name__}")
    data = storage.data
    if np_dtype is not None and np_dtype != data.dtype:
        if data.nbytes % np_dtype.itemsize:
            raise RuntimeError(f"storage of {data.nbytes} bytes cannot hold elements of {np_dtype}")
        data = data.view(np_dtype)
    if type(offset) is not int:
        raise pickle.UnpicklingError(f"storage offset must be an int, got {type(offset).__name__}")
    size = _check_ints("sizes", size)
    stride = _check_ints("strides", stride)
    if len(size) != len(stride):
        raise RuntimeError(f"mismatch in length of strides and shape: sizes {list(size)}, strides {list(stride)}")
    if offset < 0 or any(s < 0 for s in size) or any(s < 0 for s in stride):
        raise RuntimeError(f"negative size, stride or offset: sizes {list(size)}, strides {list(stride)}, "
                           f"storage offset {offset}")
    it = data.dtype.itemsize
    if 0 in size:
        return np.empty(size, dtype=data.dtype)
    need = offset + 1 + sum((n - 1) * s for n, s in zip(size, stride))
    if need > data.size:
        raise RuntimeError(
            f"setStorage: sizes {list(size)}, strides {list(stride)}, storage offset {offset}, and itemsize "
            f"{it} requiring a storage size of {need * it} are out of bounds for storage of size {data.nbytes}")
    return np.ndarray(size, dtype=data.dtype, buffer=data, offset=offset * it,
                      strides=tuple(s * it for s in stride))


def _tensor(arr: np.ndarray, requires_grad):
    from gradkit import _dtype as D
    from gradkit._tensor import _wrap
    if arr.dtype not in D._BY_NP:
        name = _TYPED[arr.dtype][1] if arr.dtype in _TYPED else _UNTYPED_NP.get(arr.dtype, str(arr.dtype))
        raise TypeError(f"gradkit cannot hold tensors of dtype torch.{name}")
    return _wrap(arr, bool(requires_grad))


def _rebuild_tensor(storage, storage_offset, size, stride):
    return _tensor(_view(storage, storage_offset, size, stride), False)


def _rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad, backward_hooks, metadata=None):
    return _tensor(_view(storage, storage_offset, size, stride), requires_grad)


def _rebuild_tensor_v3(storage, storage_offset, size, stride, requires_grad, backward_hooks, dtype,
                       metadata=None):
    np_dtype = getattr(dtype, "np", None)
    if isinstance(dtype, _LoadedDtype):
        np_dtype = dtype.np
    if np_dtype is None:
        raise TypeError(f"gradkit cannot hold tensors of dtype {dtype}")
    return _tensor(_view(storage, storage_offset, size, stride, np.dtype(np_dtype)), requires_grad)


def _rebuild_parameter(data, requires_grad, backward_hooks):
    param = _parameter_class()
    if param is None:
        data.requires_grad = bool(requires_grad)
        return data
    return param(data, bool(requires_grad))


def _rebuild_parameter_with_state(data, requires_grad, backward_hooks, state):
    p = _rebuild_parameter(data, requires_grad, backward_hooks)
    _set_state(p, state)
    return p


def _set_state(obj, state) -> None:
    if not state:
        return
    if isinstance(state, tuple) and len(state) == 2:
        state, slots = state
        _set_state(obj, state)
        _set_state(obj, slots)
        return
    if not isinstance(state, dict):
        raise pickle.UnpicklingError(f"tensor state must be a dict, got {type(state).__name__}")
    for k, v in state.items():
        if not isinstance(k, str) or k.startswith("__") or hasattr(type(obj), k):
            raise pickle.UnpicklingError(f"refusing to set attribute {k!r} on a tensor")
        setattr(obj, k, v)


def _rebuild_from_type_v2(func, new_type, args, state):
    if func not in _REBUILDERS:
        raise pickle.UnpicklingError(f"_rebuild_from_type_v2 may only call tensor rebuild functions, got {func}")
    ret = func(*args)
    gk = _gk()
    param = _parameter_class()
    if param is not None and new_type is param and not isinstance(ret, param):
        ret = param(ret, ret.requires_grad)
    elif new_type is not gk.Tensor and new_type is not param:
        raise pickle.UnpicklingError(f"cannot rebuild a tensor as {new_type}")
    _set_state(ret, state)
    return ret


def _rebuild_device_tensor_from_cpu_tensor(data, dtype, device, requires_grad):
    t = data.to(dtype) if dtype is not None and dtype is not data.dtype else data
    t.requires_grad = bool(requires_grad)
    return t


def _unsupported(what: str) -> Callable:
    def fn(*args, **kwargs):
        raise RuntimeError(f"gradkit cannot load {what}")
    fn.__name__ = "unsupported"
    return fn


_REBUILDERS = (_rebuild_tensor, _rebuild_tensor_v2, _rebuild_tensor_v3, _rebuild_parameter,
               _rebuild_parameter_with_state, _rebuild_device_tensor_from_cpu_tensor)


class _LoadedDtype:
    """A torch dtype named in a file that gradkit has no dtype object for."""

    __slots__ = ("name", "np")

    def __init__(self, name: str, np_dtype) -> None:
        self.name = name
        self.np = np_dtype

    def __repr__(self) -> str:
        return "torch." + self.name


def _make_size(t=()):
    return _gk().Size(tuple(t))


def _make_device(*args):
    return _gk().device(*args)


def _allowed_globals() -> dict[str, Any]:
    gk = _gk()
    from gradkit import _dtype as D
    rc: dict[str, Any] = {
        "collections.OrderedDict": OrderedDict,
        "collections.Counter": Counter,
        "torch.Size": _make_size,
        "torch.Tensor": gk.Tensor,
        "torch.device": _make_device,
        "_codecs.encode": codecs.encode,
        "builtins.bytearray": bytearray,
        "builtins.set": set,
        "builtins.complex": complex,
        "torch._utils._rebuild_tensor": _rebuild_tensor,
        "torch._utils._rebuild_tensor_v2": _rebuild_tensor_v2,
        "torch._utils._rebuild_tensor_v3": _rebuild_tensor_v3,
        "torch._utils._rebuild_parameter": _rebuild_parameter,
        "torch._utils._rebuild_parameter_with_state": _rebuild_parameter_with_state,
        "torch._utils._rebuild_device_tensor_from_cpu_tensor": _rebuild_device_tensor_from_cpu_tensor,
        "torch._tensor._rebuild_from_type_v2": _rebuild_from_type_v2,
        "torch._utils._rebuild_qtensor": _unsupported("quantized tensors"),
        "torch._utils._rebuild_sparse_tensor": _unsupported("sparse tensors"),
        "torch._utils._rebuild_nested_tensor": _unsupported("nested tensors"),
        "torch._utils._rebuild_meta_tensor_no_storage": _unsupported("meta tensors"),
        "torch._utils._rebuild_wrapper_subclass": _unsupported("tensor subclasses"),
        "torch._utils._rebuild_device_tensor_from_numpy": _unsupported("tensors rebuilt from NumPy arrays"),
        "torch.serialization._get_layout": _unsupported("sparse layouts"),
    }
    param = _parameter_class()
    if param is not None:
        rc["torch.nn.parameter.Parameter"] = param
    for name, dt in _DTYPE_NP.items():
        d = D._BY_NAME.get(name)
        rc["torch." + name] = d if d is not None else _LoadedDtype(name, dt)
    for name in _NO_NP_DTYPES:
        d = D._BY_NAME.get(name)
        rc["torch." + name] = d if d is not None else _LoadedDtype(name, None)
    for dt, (sname, _) in _TYPED.items():
        rc["torch." + sname] = _StorageType(sname, dt)
    for sname in _NO_NP_STORAGES:
        rc["torch." + sname] = _StorageType(sname, None)
    rc["torch.storage.UntypedStorage"] = _UNTYPED
    rc["torch.UntypedStorage"] = _UNTYPED
    return rc


_blocked_modules = ("sys", "os", "posix", "nt", "subprocess", "builtins.eval", "builtins.exec")
_user_safe: dict[str, Any] = {}


def _qualname(obj) -> str:
    return f"{obj.__module__}.{obj.__qualname__}"


def add_safe_globals(safe_globals: list) -> None:
    """Allow ``load(weights_only=True)`` to resolve these classes/functions (or ``(obj, "mod.name")``)."""
    for g in safe_globals:
        if isinstance(g, tuple):
            if len(g) != 2 or not isinstance(g[1], str):
                raise ValueError(f"Expected tuple of (global, 'module.name'), got {g!r}")
            _user_safe[g[1]] = g[0]
        else:
            _user_safe[_qualname(g)] = g


def get_safe_globals() -> list:
    """The globals added with :func:`add_safe_globals`."""
    return list(_user_safe.values())


def clear_safe_globals() -> None:
    """Forget every global added with :func:`add_safe_globals`."""
    _user_safe.clear()


class safe_globals:
    """Context manager allowing extra globals in ``load(weights_only=True)`` inside its block."""

    def __init__(self, safe_globals: list) -> None:
        self.safe_globals = safe_globals
        self._saved: dict[str, Any] = {}

    def __enter__(self) -> None:
        self._saved = dict(_user_safe)
        add_safe_globals(self.safe_globals)

    def __exit__(self, *exc) -> None:
        _user_safe.clear()
        _user_safe.update(self._saved)


# --------------------------------------------------------------------------------------------
# the restricted unpickler
# --------------------------------------------------------------------------------------------
def _fix_name(module: str, name: str) -> tuple[str, str]:
    import _compat_pickle
    if (module, name) in _compat_pickle.NAME_MAPPING:
        return _compat_pickle.NAME_MAPPING[(module, name)]
    return _compat_pickle.IMPORT_MAPPING.get(module, module), name


def _display(full: str) -> str:
    if full.startswith("builtins."):
        return full[len("builtins."):]
    return full


class _Mark:
    __slots__ = ()


class _WeightsUnpickler:
    """Interprets a pickle opcode by opcode; resolves globals from an allow-list only, calls only
    allowed functions, and builds/extends only plain containers. Nothing else can run."""

    def __init__(self, data: bytes, persistent_load: Callable, encoding: str = "utf-8") -> None:
        self.data = memoryview(data)
        self.pos = 0
        self.persistent_load = persistent_load
        self.encoding = encoding
        self.allowed = _allowed_globals()
        self.allowed.update(_user_safe)
        self.allowed_ids = {id(v) for v in self.allowed.values()}
        self.user_types = {id(v) for v in _user_safe.values() if isinstance(v, type)}
        self.param_cls = _parameter_class()

    # -- reading helpers
    def _read(self, n: int) -> memoryview:
        p = self.pos
        end = p + n
        if n < 0 or end > len(self.data):
            raise pickle.UnpicklingError("pickle data was truncated")
        self.pos = end
        return self.data[p:end]

    def _readline(self) -> bytes:
        data = self.data
        p = self.pos
        end = bytes(data[p:p + 4096]).find(b"\n")
        if end < 0:
            raise pickle.UnpicklingError("pickle exhausted before end of line")
        self.pos = p + end + 1
        return bytes(data[p:p + end])

    def _pop_mark(self) -> list:
        items = self.stack
        if not self.metastack:
            raise pickle.UnpicklingError("could not find MARK")
        self.stack = self.metastack.pop()
        return items

    def _global(self, module: str, name: str):
        module, name = _fix_name(module, name)
        full = f"{module}.{name}"
        if module.split(".")[0] in ("sys", "os", "posix", "nt", "subprocess"):
            raise pickle.UnpicklingError(
                f"Trying to load unsupported GLOBAL {full} whose module {module} is blocked.")
        if full in self.allowed:
            return self.allowed[full]
        shown = _display(full)
        if shown.startswith("gradkit."):
            shown = "torch." + shown[len("gradkit."):]
        raise pickle.UnpicklingError(
            f"Unsupported global: GLOBAL {shown} was not an allowed global by default. Please use "
            f"`torch.serialization.add_safe_globals([{shown}])` or the `torch.serialization.safe_globals([{shown}])` "
            "context manager to allowlist this global if you trust this class/function.")

    def _check_set_target(self, op: str) -> None:
        if type(self.stack[-1]) not in (dict, OrderedDict, Counter):
            raise pickle.UnpicklingError(
                f"Can only {op} for dict, collections.OrderedDict, collections.Counter, but got "
                f"{type(self.stack[-1])}")

    def load(self):
        self.stack: list = []
        self.metastack: list = []
        self.memo: dict = {}
        data = self.data
        n = len(data)
        read = self._read
        while True:
            if self.pos >= n:
                raise EOFError("Ran out of input")
            op = data[self.pos]
            self.pos += 1
            stack = self.stack
            if op == 0x80:  # PROTO
                proto = read(1)[0]
                if proto > 5:
                    raise ValueError(f"unsupported pickle protocol: {proto}")
            elif op == 0x95:  # FRAME
                read(8)
            elif op == 0x2E:  # STOP
                if not stack:
                    raise pickle.UnpicklingError("unpickling stack underflow")
                return stack.pop()
            elif op == 0x28:  # MARK
                self.metastack.append(stack)
                self.stack = []
            elif op == 0x63:  # GLOBAL
                module = self._readline().decode("utf-8")
                name = self._readline().decode("utf-8")
                stack.append(self._global(module, name))
            elif op == 0x93:  # STACK_GLOBAL
                name = stack.pop()
                module = stack.pop()
                if type(name) is not str or type(module) is not str:
                    raise pickle.UnpicklingError("STACK_GLOBAL requires str")
                stack.append(self._global(module, name))
            elif op == 0x52:  # REDUCE
                args = stack.pop()
                func = stack[-1]
                if id(func) not in self.allowed_ids or not callable(func) or type(args) is not tuple:
                    raise pickle.UnpicklingError(f"Trying to call reduce for unrecognized function {func!r}")
                stack[-1] = func(*args)
            elif op in (0x81, 0x92):  # NEWOBJ, NEWOBJ_EX
                kwargs = stack.pop() if op == 0x92 else {}
                args = stack.pop()
                cls = stack.pop()
                if type(args) is not tuple or type(kwargs) is not dict:
                    raise pickle.UnpicklingError("NEWOBJ arguments must be a tuple and a dict")
                if self.param_cls is not None and cls is self.param_cls:
                    stack.append(cls(*args, **kwargs))
                elif isinstance(cls, type) and id(cls) in self.allowed_ids:
                    stack.append(cls.__new__(cls, *args, **kwargs))
                else:
                    raise pickle.UnpicklingError(
                        f"Can only create new object for nn.Parameter or classes allowlisted via "
                        f"add_safe_globals but got {cls!r}")
            elif op == 0x62:  # BUILD
                state = stack.pop()
                inst = stack[-1]
                t = type(inst)
                if t is OrderedDict or t is Counter:
                    if state is not None:
                        if type(state) is not dict:
                            raise pickle.UnpicklingError("OrderedDict state must be a dict")
                        inst.__dict__.update(state)
                elif id(t) in self.user_types:
                    if hasattr(inst, "__setstate__"):
                        inst.__setstate__(state)
                    else:
                        slots = None
                        if isinstance(state, tuple) and len(state) == 2:
                            state, slots = state
                        if state:
                            inst.__dict__.update(state)
                        if slots:
                            for k, v in slots.items():
                                setattr(inst, k, v)
                elif isinstance(inst, _gk().Tensor):
                    _set_state(inst, state)
                else:
                    raise pickle.UnpicklingError(
                        f"Can only build Tensor, Parameter, OrderedDict or types allowlisted via "
                        f"add_safe_globals, but got {t}")
            elif op == 0x61:  # APPEND
                item = stack.pop()
                if type(stack[-1]) is not list:
                    raise pickle.UnpicklingError(f"Can only append to lists, but got {type(stack[-1])}")
                stack[-1].append(item)
            elif op == 0x65:  # APPENDS
                items = self._pop_mark()
                if type(self.stack[-1]) is not list:
                    raise pickle.UnpicklingError(f"Can only extend lists, but got {type(self.stack[-1])}")
                self.stack[-1].extend(items)
            elif op == 0x73:  # SETITEM
                v = stack.pop()
                k = stack.pop()
                self._check_set_target("SETITEM")
                stack[-1][k] = v
            elif op == 0x75:  # SETITEMS
                items = self._pop_mark()
                self._check_set_target("SETITEMS")
                target = self.stack[-1]
                for i in range(0, len(items) - 1, 2):
                    target[items[i]] = items[i + 1]
            elif op == 0x90:  # ADDITEMS
                items = self._pop_mark()
                if type(self.stack[-1]) is not set:
                    raise pickle.UnpicklingError(f"Can only add items to sets, but got {type(self.stack[-1])}")
                self.stack[-1].update(items)
            elif op == 0x91:  # FROZENSET
                items = self._pop_mark()
                self.stack.append(frozenset(items))
            elif op == 0x74:  # TUPLE
                items = self._pop_mark()
                self.stack.append(tuple(items))
            elif op == 0x6C:  # LIST
                items = self._pop_mark()
                self.stack.append(items)
            elif op == 0x64:  # DICT
                items = self._pop_mark()
                self.stack.append({items[i]: items[i + 1] for i in range(0, len(items) - 1, 2)})
            elif op == 0x85:  # TUPLE1
                stack[-1] = (stack[-1],)
            elif op == 0x86:  # TUPLE2
                stack[-2:] = [(stack[-2], stack[-1])]
            elif op == 0x87:  # TUPLE3
                stack[-3:] = [(stack[-3], stack[-2], stack[-1])]
            elif op == 0x4E:  # NONE
                stack.append(None)
            elif op == 0x88:  # NEWTRUE
                stack.append(True)
            elif op == 0x89:  # NEWFALSE
                stack.append(False)
            elif op == 0x29:  # EMPTY_TUPLE
                stack.append(())
            elif op == 0x5D:  # EMPTY_LIST
                stack.append([])
            elif op == 0x7D:  # EMPTY_DICT
                stack.append({})
            elif op == 0x8F:  # EMPTY_SET
                stack.append(set())
            elif op == 0x4A:  # BININT
                stack.append(struct.unpack("<i", read(4))[0])
            elif op == 0x4B:  # BININT1
                stack.append(read(1)[0])
            elif op == 0x4D:  # BININT2
                stack.append(struct.unpack("<H", read(2))[0])
            elif op == 0x8A:  # LONG1
                k = read(1)[0]
                stack.append(int.from_bytes(read(k), "little", signed=True))
            elif op == 0x8B:  # LONG4
                k = struct.unpack("<i", read(4))[0]
                if k < 0:
                    raise pickle.UnpicklingError("LONG pickle has negative byte count")
                stack.append(int.from_bytes(read(k), "little", signed=True))
            elif op == 0x47:  # BINFLOAT
                stack.append(struct.unpack(">d", read(8))[0])
            elif op == 0x49:  # INT (protocol 0, also bools)
                line = self._readline()
                stack.append(False if line == b"00" else True if line == b"01" else int(line))
            elif op == 0x4C:  # LONG (protocol 0)
                stack.append(int(self._readline().rstrip(b"L")))
            elif op == 0x46:  # FLOAT (protocol 0)
                stack.append(float(self._readline()))
            elif op == 0x58:  # BINUNICODE
                k = struct.unpack("<I", read(4))[0]
                stack.append(str(read(k), "utf-8", "surrogatepass"))
            elif op == 0x8C:  # SHORT_BINUNICODE
                k = read(1)[0]
                stack.append(str(read(k), "utf-8", "surrogatepass"))
            elif op == 0x8D:  # BINUNICODE8
                k = struct.unpack("<Q", read(8))[0]
                stack.append(str(read(k), "utf-8", "surrogatepass"))
            elif op in (0x55, 0x54):  # SHORT_BINSTRING, BINSTRING (Python 2 str)
                k = read(1)[0] if op == 0x55 else struct.unpack("<i", read(4))[0]
                raw = bytes(read(k))
                stack.append(raw if self.encoding == "bytes" else raw.decode(self.encoding))
            elif op in (0x43, 0x42, 0x8E):  # SHORT_BINBYTES, BINBYTES, BINBYTES8
                k = read(1)[0] if op == 0x43 else struct.unpack("<I" if op == 0x42 else "<Q",
                                                                 read(4 if op == 0x42 else 8))[0]
                stack.append(bytes(read(k)))
            elif op == 0x96:  # BYTEARRAY8
                k = struct.unpack("<Q", read(8))[0]
                stack.append(bytearray(read(k)))
            elif op == 0x51:  # BINPERSID
                pid = stack.pop()
                if type(pid) is not tuple or not pid or pid[0] not in ("storage", b"storage"):
                    raise pickle.UnpicklingError(f"Only persistent_load of storage is allowed, but got {pid!r}")
                stack.append(self.persistent_load(pid))
            elif op in (0x68, 0x6A):  # BINGET, LONG_BINGET
                idx = read(1)[0] if op == 0x68 else struct.unpack("<I", read(4))[0]
                if idx not in self.memo:
                    raise pickle.UnpicklingError(f"Memo value not found at index {idx}")
                stack.append(self.memo[idx])
            elif op in (0x71, 0x72):  # BINPUT, LONG_BINPUT
                idx = read(1)[0] if op == 0x71 else struct.unpack("<I", read(4))[0]
                self.memo[idx] = stack[-1]
            elif op == 0x94:  # MEMOIZE
                self.memo[len(self.memo)] = stack[-1]
            elif op == 0x30:  # POP
                if stack:
                    stack.pop()
                else:
                    self._pop_mark()
            elif op == 0x31:  # POP_MARK
                self._pop_mark()
            elif op == 0x32:  # DUP
                stack.append(stack[-1])
            else:
                raise pickle.UnpicklingError(f"Unsupported operand {op} ({bytes([op])!r}) in a weights-only load")


class _FullUnpickler(pickle.Unpickler):
    """``weights_only=False``: any global (the file is trusted), torch's names mapped to gradkit's."""

    def __init__(self, file, persistent_load: Callable, **kw) -> None:
        super().__init__(file, **kw)
        self._pl = persistent_load
        self._mapped = _allowed_globals()

    def persistent_load(self, pid):
        return self._pl(pid)

    def find_class(self, module: str, name: str):
        full = f"{module}.{name}"
        if full in self._mapped:
            return self._mapped[full]
        if full in _user_safe:
            return _user_safe[full]
        if module == "torch" or module.startswith("torch."):
            import importlib
            try:
                mod = importlib.import_module("gradkit" + module[5:])
                obj = mod
                for part in name.split("."):
                    obj = getattr(obj, part)
                return obj
            except (ImportError, AttributeError) as e:
                raise pickle.UnpicklingError(f"gradkit has no counterpart of {full}") from e
        return super().find_class(module, name)


# --------------------------------------------------------------------------------------------
# reading: the archive
# --------------------------------------------------------------------------------------------
def _data_offset(fileobj, info: zipfile.ZipInfo) -> int:
    fileobj.seek(info.header_offset)
    header = fileobj.read(30)
    if len(header) != 30 or header[:4] != b"PK\x03\x04":
        raise RuntimeError(f"corrupt zip archive: bad local header for {info.filename}")
    name_len, extra_len = struct.unpack("<HH", header[26:30])
    return info.header_offset + 30 + name_len + extra_len


class _Archive:
    def __init__(self, fileobj, path: str | None, use_mmap: bool) -> None:
        self.fileobj = fileobj
        self.zf = zipfile.ZipFile(fileobj)
        names = self.zf.namelist()
        if not names:
            raise RuntimeError("PytorchStreamReader failed locating file data.pkl: file not found")
        self.prefix = names[0].split("/", 1)[0] + "/"
        self.infos = {n[len(self.prefix):]: self.zf.getinfo(n) for n in names if n.startswith(self.prefix)}
        self.path = path
        self.mmap = use_mmap

    def has(self, name: str) -> bool:
        return name in self.infos

    def get(self, name: str) -> bytes:
        if name not in self.infos:
            raise RuntimeError(f"PytorchStreamReader failed locating file {name}: file not found")
        return self.zf.read(self.infos[name])

    def storage_array(self, name: str, np_dtype: np.dtype, numel: int) -> np.ndarray:
        """The record ``name`` as a writable flat array of ``numel`` elements (its own base buffer)."""
        nbytes = numel * np_dtype.itemsize
        info = self.infos.get(name)
        if info is None:
            raise RuntimeError(f"PytorchStreamReader failed locating file {name}: file not found")
        if info.file_size != nbytes:
            raise RuntimeError(f"record {name} holds {info.file_size} bytes but its storage needs {nbytes}")
        if nbytes == 0:
            return np.zeros(0, dtype=np_dtype)
        if info.compress_type != zipfile.ZIP_STORED:
            return np.frombuffer(bytearray(self.zf.read(info)), dtype=np_dtype)
        offset = _data_offset(self.fileobj, info)
        if self.mmap:
            return np.memmap(self.path, dtype=np_dtype, mode="c", offset=offset, shape=(numel,))
        buf = bytearray(nbytes)
        self.fileobj.seek(offset)
        got = self.fileobj.readinto(buf) if hasattr(self.fileobj, "readinto") else None
        if got is None:
            self.fileobj.seek(offset)
            chunk = self.fileobj.read(nbytes)
            got = len(chunk)
            buf[:got] = chunk
        if got != nbytes:
            raise RuntimeError(f"file is truncated: record {name} needs {nbytes} bytes, got {got}")
        if zlib.crc32(buf) != info.CRC:
            raise RuntimeError(f"PytorchStreamReader failed reading file {name}: invalid header or archive "
                               "is corrupted (CRC-32 mismatch)")
        return np.frombuffer(buf, dtype=np_dtype)


_UNSAFE_MESSAGE = ("In PyTorch 2.6, we changed the default value of the `weights_only` argument in `torch.load` "
                   "from `False` to `True`. Re-running `torch.load` with `weights_only` set to `False` will likely "
                   "succeed, but it can result in arbitrary code execution. Do it only if you got the file from a "
                   "trusted source.")


def _weights_only_message(message: str) -> str:
    """The text torch.load wraps around an error of its weights-only unpickler."""
    docs = ("\n\nCheck the documentation of torch.load to learn more about types accepted by default with "
            "weights_only https://pytorch.org/docs/stable/generated/torch.load.html.")
    if "was not an allowed global by default." in message:
        return ("Weights only load failed. This file can still be loaded, to do so you have two options, "
                "\033[1mdo those steps only if you trust the source of the checkpoint\033[0m. "
                f"\n\t(1) {_UNSAFE_MESSAGE}\n\t(2) Alternatively, to load with `weights_only=True` please check "
                "the recommended steps in the following error message.\n\tWeightsUnpickler error: "
                + message + docs)
    out = f"Weights only load failed. {_UNSAFE_MESSAGE}\n"
    if "is blocked" not in message:
        out += ("Please file an issue with the following so that we can make `weights_only=True` compatible with "
                "your use case: WeightsUnpickler error: ")
    return out + "\n\n" + message + docs


def _load_archive(arch: _Archive, map_location, weights_only: bool, pickle_load_args: dict):
    if not arch.has("data.pkl"):
        if arch.has("constants.pkl"):
            raise RuntimeError("this file is a TorchScript archive (torch.jit.save); gradkit.load reads "
                               "files written by torch.save only")
        raise RuntimeError("PytorchStreamReader failed locating file data.pkl: file not found")
    byteorder = "little"
    if arch.has("byteorder"):
        byteorder = arch.get("byteorder").decode()
        if byteorder not in ("little", "big"):
            raise ValueError("Unknown endianness type: " + byteorder)
    restore = _restore_fn(map_location)
    loaded: dict[str, Storage] = {}

    def persistent_load(pid):
        if len(pid) != 5:
            raise pickle.UnpicklingError(f"malformed storage id {pid!r}")
        _, stype, key, location, numel = pid
        if isinstance(key, bytes):
            key = key.decode("ascii")
        if isinstance(location, bytes):
            location = location.decode("ascii")
        if not isinstance(stype, _StorageType) or type(key) is not str or type(numel) is not int or numel < 0:
            raise pickle.UnpicklingError(f"malformed storage id {pid!r}")
        if stype.np is None:
            raise TypeError(f"gradkit cannot load tensors stored as {stype.name} (no NumPy dtype for it); "
                            "convert them (e.g. .float()) before saving")
        if key in loaded:
            return loaded[key]
        data = arch.storage_array(f"data/{key}", stype.np, numel)
        if byteorder != sys.byteorder and stype.np.itemsize > 1:
            data.byteswap(inplace=True)
        kind = "UntypedStorage" if stype is _UNTYPED else stype.name
        st = restore(Storage(data, str(location), kind), str(location))
        loaded[key] = st
        return st

    pkl = arch.get("data.pkl")
    if weights_only:
        enc = pickle_load_args.get("encoding", "utf-8")
        try:
            return _WeightsUnpickler(pkl, persistent_load, encoding=enc).load()
        except pickle.UnpicklingError as e:
            raise pickle.UnpicklingError(_weights_only_message(str(e))) from None
    pickle_load_args.setdefault("encoding", "utf-8")
    return _FullUnpickler(io.BytesIO(pkl), persistent_load, **pickle_load_args).load()


def load(f: FileLike, map_location: Any = None, pickle_module: Any = None, *, weights_only: bool | None = True,
         mmap: bool | None = None, **pickle_load_args: Any) -> Any:
    """Load an object saved with ``torch.save`` or :func:`save` from a path or a binary file object.

    With ``weights_only=True`` (the default) only tensors, containers, numbers, strings, dtypes and the
    like are rebuilt; any other global in the file raises ``pickle.UnpicklingError`` naming it, so a
    file can never run code. ``map_location`` ('cpu', a device, a dict or a callable) says where
    storages go; gradkit holds them all on the CPU. ``mmap=True`` maps storages from the file."""
    if weights_only is None:
        weights_only = True
    if pickle_module is not None and weights_only:
        raise RuntimeError("Can not safely load weights when explicit pickle_module is specified")
    if mmap and not _is_path(f):
        raise ValueError("f must be a file path in order to use the mmap argument")
    if _is_path(f):
        path = os.fsdecode(os.fspath(f))
        with open(path, "rb") as fh:
            return _load_from(fh, path, map_location, weights_only, bool(mmap), pickle_load_args)
    if not hasattr(f, "read"):
        raise AttributeError(f"expected 'f' to be string, path, or a file-like object with a 'read' "
                             f"attribute, got {type(f).__name__}")
    if not (hasattr(f, "seek") and (not hasattr(f, "seekable") or f.seekable())):
        f = io.BytesIO(f.read())
    return _load_from(f, None, map_location, weights_only, False, pickle_load_args)


def _load_from(fh, path, map_location, weights_only, use_mmap, pickle_load_args):
    start = fh.tell()
    magic = fh.read(4)
    fh.seek(start)
    if not magic:
        raise EOFError("" if weights_only else "Ran out of input")
    if magic[:2] != b"PK":
        if magic[:1] == b"\x80":
            raise RuntimeError("this file uses torch's legacy (pre-1.6, non-zip) format, which gradkit.load "
                               "does not read; re-save it with a current torch.save")
        raise pickle.UnpicklingError(f"invalid load key, {magic[:1]!r}: not a file written by torch.save")
    arch = _Archive(fh, path, use_mmap)
    try:
        return _load_archive(arch, map_location, weights_only, dict(pickle_load_args))
    finally:
        arch.zf.close()


def get_unsafe_globals_in_checkpoint(f: FileLike) -> list[str]:
    """The globals in a checkpoint that ``load(weights_only=True)`` would refuse (nothing is run)."""
    import pickletools
    if _is_path(f):
        with open(os.fspath(f), "rb") as fh:
            data = zipfile.ZipFile(fh).read(_pkl_name(fh))
    else:
        data = zipfile.ZipFile(f).read(_pkl_name(f))
    allowed = _allowed_globals()
    allowed.update(_user_safe)
    found: list[str] = []
    strings: list[str] = []
    for opcode, arg, _ in pickletools.genops(data):
        if opcode.name == "GLOBAL":
            module, name = arg.split(" ", 1)
        elif opcode.name == "STACK_GLOBAL" and len(strings) >= 2:
            module, name = strings[-2], strings[-1]
        else:
            if isinstance(arg, str):
                strings.append(arg)
            continue
        module, name = _fix_name(module, name)
        full = f"{module}.{name}"
        if full not in allowed and full not in found:
            found.append(full)
    return found


def _pkl_name(fh) -> str:
    names = zipfile.ZipFile(fh).namelist()
    prefix = names[0].split("/", 1)[0] if names else "archive"
    return prefix + "/data.pkl"
