"""dtype objects, their NumPy counterparts, and torch's type-promotion rules."""
from __future__ import annotations

import builtins

import numpy as np

__all__ = [
    "dtype", "float32", "float64", "float16", "bfloat16", "int64", "int32", "int16", "int8",
    "uint8", "bool", "get_default_dtype", "set_default_dtype", "promote_types", "to_dtype",
    "finfo", "iinfo",
]

BOOL, INT, FLOAT = 0, 1, 2


class TorchNamed(type):
    """Metaclass whose classes print under torch's names: ``<class 'torch.Tensor'>``, not gradkit's module."""

    def __repr__(cls) -> str:
        mod = cls.__dict__.get("_torch_module") or cls.__module__
        if mod in ("gradkit._tensor", "gradkit._dtype"):
            return f"<class 'torch.{cls.__qualname__}'>"
        if mod.startswith("gradkit."):
            mod = "torch." + mod[len("gradkit."):]
        return f"<class '{mod}.{cls.__qualname__}'>"


class dtype(metaclass=TorchNamed):
    """A tensor element type (``torch.float32`` …), mapped onto a NumPy dtype."""

    __slots__ = ("name", "np", "is_floating_point", "is_complex", "is_signed", "itemsize", "cat")

    def __init__(self, name: str, np_dtype, cat: int) -> None:
        self.name = name
        self.np = np.dtype(np_dtype) if np_dtype is not None else None
        self.cat = cat
        self.is_floating_point = cat == FLOAT
        self.is_complex = False
        self.is_signed = name not in ("uint8", "bool")
        self.itemsize = self.np.itemsize if self.np is not None else 2

    def __repr__(self) -> str:
        return "torch." + self.name

    def __reduce__(self):
        return (_by_name, (self.name,))

    def to_real(self) -> dtype:
        return self

    def to_complex(self) -> dtype:
        raise TypeError("complex dtypes are not supported by gradkit")


float32 = dtype("float32", np.float32, FLOAT)
float64 = dtype("float64", np.float64, FLOAT)
float16 = dtype("float16", np.float16, FLOAT)
bfloat16 = dtype("bfloat16", None, FLOAT)
int64 = dtype("int64", np.int64, INT)
int32 = dtype("int32", np.int32, INT)
int16 = dtype("int16", np.int16, INT)
int8 = dtype("int8", np.int8, INT)
uint8 = dtype("uint8", np.uint8, INT)
bool = dtype("bool", np.bool_, BOOL)  # noqa: A001

ALL = (float32, float64, float16, bfloat16, int64, int32, int16, int8, uint8, bool)
_BY_NP = {d.np: d for d in ALL if d.np is not None}
_BY_NAME = {d.name: d for d in ALL}
_BY_NAME.update(float=float32, double=float64, half=float16, long=int64, int=int32, short=int16)


def _by_name(name: str) -> dtype:
    return _BY_NAME[name]


_default = [float32]


def get_default_dtype() -> dtype:
    """The dtype given to floating-point tensors created from Python numbers (float32 at start)."""
    return _default[0]


def set_default_dtype(d: dtype) -> None:
    """Set the default floating-point dtype (float32 or float64)."""
    if not isinstance(d, dtype):
        raise TypeError("invalid dtype object: only floating-point types are supported as the default type")
    if not d.is_floating_point or d.np is None:
        raise TypeError("only floating-point types are supported as the default type")
    _default[0] = d


def to_dtype(np_dtype) -> dtype:
    """The gradkit dtype of a NumPy dtype (or of anything ``np.dtype`` accepts)."""
    try:
        return _BY_NP[np_dtype]
    except (KeyError, TypeError):
        pass
    nd = np.dtype(np_dtype)
    if nd in _BY_NP:
        return _BY_NP[nd]
    if nd.kind in "iu" and nd.itemsize == 8:
        return int64
    raise TypeError(f"can't convert np.ndarray of type numpy.{nd.type.__name__}. The only supported types are: "
                    "float64, float32, float16, complex64, complex128, int64, int32, int16, int8, uint64, uint32, "
                    "uint16, uint8, and bool.")


def as_dtype(d) -> dtype:
    """Accept a gradkit dtype, a NumPy dtype, a Python type or a name."""
    if isinstance(d, dtype):
        return d
    if d is builtins.float:
        return float64
    if d is builtins.int:
        return int64
    if d is builtins.bool:
        return bool
    if isinstance(d, str):
        name = d[6:] if d.startswith("torch.") else d
        if name in _BY_NAME:
            return _BY_NAME[name]
    return to_dtype(d)


def np_of(d: dtype) -> np.dtype:
    if d.np is None:
        raise TypeError(f"{d} is not supported by gradkit (NumPy has no such type)")
    return d.np


def promote_types(a: dtype, b: dtype) -> dtype:
    """The smallest dtype to which both ``a`` and ``b`` can be converted, as torch defines it."""
    if a is b:
        return a
    if a.cat != b.cat:
        return a if a.cat > b.cat else b
    if a is bfloat16 or b is bfloat16:
        other = b if a is bfloat16 else a
        return float32 if other is float16 else (bfloat16 if other.itemsize <= 2 else other)
    return _BY_NP[np.promote_types(a.np, b.np)]


def scalar_cat(x) -> int:
    t = type(x)
    if t is builtins.bool or t is np.bool_:
        return BOOL
    if t is builtins.int or isinstance(x, np.integer):
        return INT
    return FLOAT


def default_for_cat(cat: int) -> dtype:
    return (bool, int64, _default[0])[cat]


class finfo:
    """Machine limits of a floating-point dtype, like ``torch.finfo``."""

    def __init__(self, type: dtype | None = None) -> None:  # noqa: A002
        d = as_dtype(type) if type is not None else _default[0]
        if not d.is_floating_point:
            raise TypeError("torch.finfo() requires a floating point input type. Use torch.iinfo to "
                            "handle 'torch.finfo'")
        fi = np.finfo(np.float32 if d is bfloat16 else d.np)
        self.bits = fi.bits if d is not bfloat16 else 16
        self.eps = builtins.float(fi.eps) if d is not bfloat16 else 0.0078125
        self.max = builtins.float(fi.max) if d is not bfloat16 else 3.3895313892515355e+38
        self.min = -self.max
        self.tiny = builtins.float(fi.tiny)
        self.smallest_normal = self.tiny
        self.resolution = 10.0 ** -builtins.int(-np.log10(self.eps))
        self.dtype = d.name

    def __repr__(self) -> str:
        return (f"finfo(resolution={self.resolution}, min={self.min:g}, max={self.max:g}, "
                f"eps={self.eps:g}, smallest_normal={self.tiny:g}, tiny={self.tiny:g}, dtype={self.dtype})")


class iinfo:
    """Machine limits of an integer dtype, like ``torch.iinfo``."""

    def __init__(self, type: dtype) -> None:  # noqa: A002
        d = as_dtype(type)
        if d.is_floating_point:
            raise TypeError("torch.iinfo() requires an integer input type. Use torch.finfo to handle "
                            "'torch.iinfo'")
        ii = np.iinfo(d.np) if d is not bool else np.iinfo(np.uint8)
        self.bits = ii.bits
        self.max = builtins.int(ii.max)
        self.min = builtins.int(ii.min)
        self.dtype = d.name

    def __repr__(self) -> str:
        return f"iinfo(min={self.min:g}, max={self.max:g}, dtype={self.dtype})"

float = float32  # noqa: A001
double = float64
half = float16
long = int64
int = int32  # noqa: A001
short = int16
