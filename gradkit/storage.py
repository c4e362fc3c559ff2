"""``torch.storage``: the flat memory behind tensors. A storage here is a view of the NumPy array that owns a
tensor's memory, so ``data_ptr``/``nbytes`` answer whether tensors share memory and how much they hold."""
from __future__ import annotations

import numpy as np

from . import _dtype as D
from ._tensor import Tensor, _wrap

__all__ = ["UntypedStorage", "TypedStorage"]


def _root(a: np.ndarray) -> np.ndarray:
    while isinstance(a.base, np.ndarray):
        a = a.base
    return a


def _mem_flat(a: np.ndarray) -> np.ndarray | None:
    """A 1-d view of a dense array's memory in address order (None when it has gaps or overlaps)."""
    if a.flags.c_contiguous:
        return a.reshape(-1)
    b = a.transpose(sorted(range(a.ndim), key=lambda i: -a.strides[i]))
    return b.reshape(-1) if b.flags.c_contiguous else None


class UntypedStorage:
    """Raw bytes: ``UntypedStorage(n)`` allocates ``n`` zero bytes; ``Tensor.untyped_storage()`` views a tensor's."""

    __slots__ = ("_arr",)

    def __init__(self, size: int = 0, *, device=None) -> None:
        self._arr = np.zeros(int(size), np.uint8)

    @classmethod
    def _of(cls, t: Tensor) -> UntypedStorage:
        s = cls.__new__(cls)
        s._arr = _root(t._data)
        return s

    def _bytes(self) -> np.ndarray:
        a = self._arr
        flat = _mem_flat(a)
        return flat.view(np.uint8) if flat is not None else np.frombuffer(a.tobytes(), np.uint8)

    def nbytes(self) -> int:
        """Size in bytes."""
        return int(self._arr.nbytes)

    size = nbytes
    __len__ = nbytes

    def data_ptr(self) -> int:
        """Address of the first byte."""
        return self._arr.__array_interface__["data"][0]

    def element_size(self) -> int:
        return 1

    @property
    def device(self):
        from ._tensor import device
        return device("cpu")

    @property
    def is_cuda(self) -> bool:
        return False

    def is_shared(self) -> bool:
        from ._tensor import _in_shared_memory
        return _in_shared_memory(self._arr)

    def is_pinned(self, device="cuda") -> bool:
        return False

    def tolist(self) -> list:
        return self._bytes().tolist()

    def __getitem__(self, i):
        if isinstance(i, slice):
            s = UntypedStorage.__new__(UntypedStorage)
            s._arr = self._bytes()[i]
            return s
        return int(self._bytes()[i])

    def __setitem__(self, i, value) -> None:
        if _mem_flat(self._arr) is None:
            raise RuntimeError("cannot assign into a non-contiguous storage")
        self._bytes()[i] = value

    def fill_(self, value) -> UntypedStorage:
        """Set every byte to ``value``."""
        self[:] = value
        return self

    def __iter__(self):
        return iter(self.tolist())

    def cpu(self) -> UntypedStorage:
        return self

    def clone(self) -> UntypedStorage:
        s = UntypedStorage.__new__(UntypedStorage)
        s._arr = self._bytes().copy()
        return s

    def untyped(self) -> UntypedStorage:
        return self

    def __repr__(self) -> str:
        body = "\n".join(f" {b}" for b in self.tolist())
        return f"{body}\n[torch.storage.UntypedStorage(device=cpu) of size {self.nbytes()}]"


class TypedStorage:
    """A storage seen as elements of one dtype (what ``Tensor.storage()`` returns)."""

    __slots__ = ("_arr", "dtype")

    def __init__(self, *args, dtype=None, device=None) -> None:
        dt = D.as_dtype(dtype) if dtype is not None else D.get_default_dtype()
        self.dtype = dt
        if len(args) == 1 and isinstance(args[0], int):
            self._arr = np.zeros(args[0], dt.np)
        elif len(args) == 1:
            self._arr = np.asarray(args[0], dt.np).reshape(-1)
        else:
            self._arr = np.zeros(0, dt.np)

    @classmethod
    def _of(cls, t: Tensor) -> TypedStorage:
        import warnings
        warnings.warn("TypedStorage is deprecated. It will be removed in the future and UntypedStorage will be "
                      "the only storage class. This should only matter to you if you are using storages directly.  "
                      "To access UntypedStorage directly, use tensor.untyped_storage() instead of tensor.storage()",
                      UserWarning, stacklevel=3)
        s = cls.__new__(cls)
        s._arr = _root(t._data)
        s.dtype = t.dtype
        return s

    def _elems(self) -> np.ndarray:
        a = self._arr
        flat = _mem_flat(a)
        if flat is None:
            return np.frombuffer(a.tobytes(), self.dtype.np)
        return flat if a.dtype == self.dtype.np else flat.view(np.uint8).view(self.dtype.np)

    def size(self) -> int:
        """Number of elements."""
        return int(self._arr.nbytes // self.dtype.itemsize)

    __len__ = size

    def nbytes(self) -> int:
        return int(self._arr.nbytes)

    def element_size(self) -> int:
        return self.dtype.itemsize

    def data_ptr(self) -> int:
        return self._arr.__array_interface__["data"][0]

    @property
    def device(self):
        from ._tensor import device
        return device("cpu")

    def is_shared(self) -> bool:
        from ._tensor import _in_shared_memory
        return _in_shared_memory(self._arr)

    def tolist(self) -> list:
        return self._elems().tolist()

    def __getitem__(self, i):
        return self._elems()[i].item()

    def __setitem__(self, i, value) -> None:
        if _mem_flat(self._arr) is None:
            raise RuntimeError("cannot assign into a non-contiguous storage")
        self._elems()[i] = value._data if isinstance(value, Tensor) else value

    def fill_(self, value) -> TypedStorage:
        """Set every element to ``value``."""
        self[:] = value
        return self

    def __iter__(self):
        return iter(self.tolist())

    def untyped(self) -> UntypedStorage:
        s = UntypedStorage.__new__(UntypedStorage)
        s._arr = self._arr
        return s

    _untyped_storage = property(untyped)

    def cpu(self) -> TypedStorage:
        return self

    def type(self) -> str:
        from ._tensor import _TYPE_NAMES
        return _TYPE_NAMES.get(self.dtype.np.name, "torch.Tensor").replace("Tensor", "Storage")

    def __repr__(self) -> str:
        body = "\n".join(f" {v}" for v in self.tolist())
        return f"{body}\n[torch.storage.TypedStorage(dtype={self.dtype}, device=cpu) of size {self.size()}]"

    def _tensor(self) -> Tensor:
        return _wrap(self._elems())
