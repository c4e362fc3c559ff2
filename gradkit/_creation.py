"""Tensor creation: from data, filled, ranges, identity."""
from __future__ import annotations

import builtins
import math
import warnings

import numpy as np

from . import _dtype as D
from . import _layout as _L
from ._tensor import Size, Tensor, _size_arg, _size_kw, _wrap, check_device

__all__ = ["tensor", "as_tensor", "asarray", "from_numpy", "zeros", "ones", "full", "empty", "zeros_like",
           "ones_like", "full_like", "empty_like", "arange", "range", "linspace", "logspace", "eye",
           "scalar_tensor", "empty_strided", "frombuffer", "tril_indices", "triu_indices", "meshgrid",
           "cartesian_prod", "complex", "polar", "heaviside", "vander"]


def _flatten_check(data, dim=0, shape=None, root=None):
    """Validate a nested sequence's shape like torch (ragged → ValueError), against the first-element chain."""
    if not isinstance(data, (list, tuple)) or not data:
        return
    if shape is None:
        shape, x = [], data
        while isinstance(x, (list, tuple)):
            shape.append(len(x))
            if not x:
                break
            x = x[0]
        root = data
    first_seq = dim + 1 < len(shape)
    for x in data:
        is_seq = isinstance(x, (list, tuple))
        if is_seq != first_seq and not isinstance(x, Tensor):
            if first_seq:
                raise TypeError("not a sequence")
            if _has_float(root):
                raise TypeError(f"must be real number, not {type(x).__name__}")
            raise TypeError(f"'{type(x).__name__}' object cannot be interpreted as an integer")
        if is_seq:
            if len(x) != shape[dim + 1]:
                raise ValueError(f"expected sequence of length {shape[dim + 1]} at dim {dim + 1} (got {len(x)})")
            _flatten_check(x, dim + 1, shape, root)


def _has_float(data) -> bool:
    if isinstance(data, (list, tuple)):
        return any(_has_float(x) for x in data)
    return isinstance(data, (float, np.floating)) or isinstance(data, Tensor) and data._data.dtype.kind == "f"


def _convert(x):
    if isinstance(x, Tensor):
        if x._data.size != 1:
            raise ValueError("only one element tensors can be converted to Python scalars")
        return x._data.reshape(())
    if isinstance(x, (list, tuple)):
        return [_convert(v) for v in x]
    return x


def _storage_np(data) -> np.ndarray:
    """The memory of a storage seen as the default dtype (typed) or int64 (untyped), shared like torch does."""
    if not hasattr(data, "_elems"):
        b = data._bytes()
        return b[: b.size // 8 * 8].view(np.int64)
    want = D.get_default_dtype()
    if data.dtype != want:
        from ._tensor import _TYPE_NAMES
        names = [_TYPE_NAMES.get(d.np.name, "torch.Tensor")[6:-6] for d in (want, data.dtype)]
        raise RuntimeError(f"Expected a Storage of type {names[0]} or an UntypedStorage, but got {names[1]}")
    return data._elems()


def _infer_np(data) -> np.ndarray:
    """An ndarray from Python data, dtype chosen by torch's rules."""
    if isinstance(data, np.ndarray):
        D.to_dtype(data.dtype)
        return data
    if isinstance(data, (bool, np.bool_)):
        return np.asarray(data, np.bool_)
    if isinstance(data, np.integer):
        return np.asarray(data)
    if isinstance(data, int) and not isinstance(data, bool):
        if not -(1 << 63) <= data < (1 << 63):
            raise ValueError("Overflow when unpacking long long")
        return np.asarray(data, np.int64)
    if isinstance(data, (float, np.floating)):
        return np.asarray(data, data.dtype if isinstance(data, np.floating) else D._default[0].np)
    if isinstance(data, (list, tuple)):
        _flatten_check(data)
        conv = _convert(data)
        try:
            arr = np.array(conv)
        except ValueError as e:
            raise ValueError(str(e)) from None
        if arr.dtype == object or arr.dtype == np.uint64:
            leaf = _odd_leaf(data)
            if not isinstance(leaf, (int, float, np.number, np.bool_)):
                raise RuntimeError(f"Could not infer dtype of {type(leaf).__name__}")
            if _leaf_dtype(data) is D.int64:
                raise ValueError("Overflow when unpacking long long")
            if arr.dtype == object:
                arr = np.array(conv, dtype=np.float64)
        if arr.dtype.kind in "US":
            name = "str" if arr.dtype.kind == "U" else "bytes"
            if isinstance(_first(data), (str, bytes)):
                raise ValueError(f"too many dimensions '{name}'")
            raise TypeError(f"new(): invalid data type '{name}'")
        if arr.dtype.kind in "fiub":
            return arr.astype(_leaf_dtype(data).np, copy=False)
        return arr
    if isinstance(data, builtins.range):
        return np.arange(data.start, data.stop, data.step, dtype=np.int64)
    if isinstance(data, builtins.complex):
        raise TypeError("complex tensors are not supported by gradkit")
    if hasattr(data, "__array__"):
        return np.asarray(data)
    if isinstance(data, (str, bytes)):
        raise TypeError(f"new(): invalid data type '{type(data).__name__}'")
    if type(data).__name__ in ("TypedStorage", "UntypedStorage") and hasattr(data, "_arr"):
        return _storage_np(data)
    raise RuntimeError(f"Could not infer dtype of {type(data).__name__}")


def _odd_leaf(data):
    """The first leaf of nested ``data`` that is not a number, bool, array or tensor."""
    stack = [data]
    while stack:
        x = stack.pop()
        if isinstance(x, (list, tuple)):
            stack.extend(reversed(x))
        elif not isinstance(x, (int, float, np.number, np.bool_, np.ndarray, Tensor)):
            return x
    return _first(data)


def _first(data):
    while isinstance(data, (list, tuple)) and data:
        data = data[0]
    return data


def _leaf_dtype(data) -> D.dtype:
    """torch's inferred dtype for nested ``data``: Python bool/int/float count as bool/int64/default float,
    NumPy scalars, arrays and tensors as their own dtype; all are combined with ``promote_types``."""
    kinds = set()
    stack = [data]
    while stack:
        x = stack.pop()
        t = type(x)
        if t is list or t is tuple:
            stack.extend(x)
        elif t is float or t is int or t is bool:
            kinds.add(t)
        elif isinstance(x, (Tensor, np.ndarray, np.generic)):
            kinds.add(x.dtype if isinstance(x, Tensor) else D.to_dtype(x.dtype))
        elif isinstance(x, (list, tuple)):
            stack.extend(x)
        else:
            kinds.add(float if isinstance(x, float) else int if isinstance(x, int) else float)
    py = {bool: D.bool, int: D.int64, float: D._default[0]}
    out = None
    for k in kinds:
        k = py.get(k, k)
        out = k if out is None else D.promote_types(out, k)
    return D._default[0] if out is None else out


def tensor(data, dtype=None, device=None, requires_grad: bool = False, pin_memory: bool = False) -> Tensor:
    """A new tensor (always a copy) from a number, nested sequence, array or tensor."""
    check_device(device)
    if isinstance(data, Tensor):
        warnings.warn("To copy construct from a tensor, it is recommended to use sourceTensor.detach().clone() or "
                      "sourceTensor.detach().clone().requires_grad_(True), rather than torch.tensor(sourceTensor).",
                      UserWarning, stacklevel=2)
        arr = data._data.copy()
    elif dtype is not None and isinstance(data, (list, tuple, int, float, bool)):
        _flatten_check(data)
        try:
            arr = np.array(_convert(data), dtype=D.np_of(D.as_dtype(dtype)))
        except (ValueError, TypeError):
            arr = _infer_np(data)
    else:
        arr = _infer_np(data)
        arr = np.array(arr, copy=True) if arr is data else arr
    if dtype is not None:
        arr = arr.astype(D.np_of(D.as_dtype(dtype)), copy=False)
    t = _wrap(arr)
    if requires_grad:
        _require_grad(t)
    return t


def as_tensor(data, dtype=None, device=None) -> Tensor:
    """Share memory with ``data`` where possible (tensors, arrays), else copy."""
    check_device(device)
    if isinstance(data, Tensor):
        return data if dtype is None else data.to(dtype)
    if isinstance(data, np.ndarray):
        t = from_numpy(data)
        return t if dtype is None else t.to(dtype)
    return tensor(data, dtype=dtype)


def asarray(obj, *, dtype=None, device=None, copy=None, requires_grad: bool = False) -> Tensor:
    t = as_tensor(obj, dtype=dtype) if not copy else tensor(obj, dtype=dtype)
    if requires_grad:
        _require_grad(t)
    return t


def from_numpy(ndarray: np.ndarray) -> Tensor:
    """A tensor sharing ``ndarray``'s memory."""
    if not isinstance(ndarray, np.ndarray):
        raise TypeError(f"expected np.ndarray (got {type(ndarray).__name__})")
    D.to_dtype(ndarray.dtype)
    if not ndarray.dtype.isnative:
        raise ValueError("given numpy array has byte order different from the native byte order. Conversion "
                         "between byte orders is currently not supported.")
    return _wrap(ndarray)


def _require_grad(t: Tensor) -> None:
    if t._data.dtype.kind not in "fc":
        raise RuntimeError("Only Tensors of floating point and complex dtype can require gradients")
    t.requires_grad_(True)


def _make(arr, requires_grad):
    t = _wrap(arr)
    if requires_grad:
        _require_grad(t)
    return t


def _np_dtype(dtype, default=None):
    if dtype is None:
        return (default or D._default[0]).np
    return D.np_of(D.as_dtype(dtype))


@_size_kw
def zeros(*size, out=None, dtype=None, layout=None, device=None, requires_grad=False, pin_memory=False,
          memory_format=None) -> Tensor:
    """A tensor of zeros of the given size."""
    check_device(device)
    try:
        shape = _size_arg(size, "zeros")
    except RuntimeError:
        raise RuntimeError("zeros: Dimension size must be non-negative.") from None
    return _make(np.zeros(shape, _np_dtype(dtype)), requires_grad)


@_size_kw
def ones(*size, out=None, dtype=None, layout=None, device=None, requires_grad=False, pin_memory=False,
         memory_format=None) -> Tensor:
    """A tensor of ones of the given size."""
    check_device(device)
    return _make(np.ones(_size_arg(size, "ones"), _np_dtype(dtype)), requires_grad)


@_size_kw
def empty(*size, out=None, dtype=None, layout=None, device=None, requires_grad=False, pin_memory=False,
          memory_format=None) -> Tensor:
    """An uninitialised tensor (gradkit fills it with zeros)."""
    check_device(device)
    return _make(np.zeros(_size_arg(size), _np_dtype(dtype)), requires_grad)


def empty_strided(size, stride, *, dtype=None, device=None, requires_grad=False, **kw) -> Tensor:
    """An uninitialised tensor of ``size`` laid out with the given element ``stride``."""
    t = empty(size, dtype=dtype, requires_grad=requires_grad)
    st = tuple(int(s) for s in stride)
    if len(st) != t.dim():
        raise RuntimeError(f"dimensionality of sizes ({t.dim()}) must match dimensionality of strides ({len(st)})")
    if t.stride() != st:
        t._data = _L.empty_strided_np(t._data.shape, st, t._data.dtype)
    return t


def _fill_dtype(v):
    if isinstance(v, Tensor):
        return v.dtype
    return D.default_for_cat(D.scalar_cat(v))


def full(size, fill_value, *, out=None, dtype=None, layout=None, device=None, requires_grad=False,
         pin_memory=False) -> Tensor:
    """A tensor of the given size filled with ``fill_value`` (dtype inferred from it)."""
    check_device(device)
    if not isinstance(size, (tuple, list, Size)):
        raise TypeError(f"full(): argument 'size' (position 1) must be tuple of ints, not {type(size).__name__}")
    if fill_value is None:
        raise TypeError("full(): argument 'fill_value' (position 2) must be Number, not NoneType")
    dt = _np_dtype(dtype, _fill_dtype(fill_value))
    v = fill_value._data if isinstance(fill_value, Tensor) else fill_value
    return _make(np.full(_size_arg((size,) if not isinstance(size, (tuple, list, Size)) else size, "full"), v, dt),
                 requires_grad)


def _like(input, dtype, fn, requires_grad, memory_format, *a):
    """``fn(shape, ...)`` for a contiguous ``input``; otherwise filled in the layout torch's ``empty_like`` keeps."""
    dt = input._data.dtype if dtype is None else D.np_of(D.as_dtype(dtype))
    x = input._data
    if x.ndim < 2 or (x.flags.c_contiguous and memory_format in (None, _L.preserve_format)) \
            or memory_format is _L.contiguous_format:
        return _make(fn(x.shape, *a, dtype=dt), requires_grad)
    out = _L.empty_like_np(x, dt, memory_format)
    out[...] = fn((), *a, dtype=dt)
    return _make(out, requires_grad)


def zeros_like(input, *, dtype=None, layout=None, device=None, requires_grad=False, memory_format=None) -> Tensor:
    """Zeros shaped (and, by default, laid out in memory) like ``input``."""
    return _like(input, dtype, np.zeros, requires_grad, memory_format)


def ones_like(input, *, dtype=None, layout=None, device=None, requires_grad=False, memory_format=None) -> Tensor:
    """Ones shaped (and, by default, laid out in memory) like ``input``."""
    return _like(input, dtype, np.ones, requires_grad, memory_format)


def empty_like(input, *, dtype=None, layout=None, device=None, requires_grad=False, memory_format=None) -> Tensor:
    """An uninitialised tensor shaped (and, by default, laid out in memory) like ``input``."""
    return _like(input, dtype, np.zeros, requires_grad, memory_format)


def full_like(input, fill_value, *, dtype=None, layout=None, device=None, requires_grad=False,
              memory_format=None) -> Tensor:
    """``fill_value`` everywhere, shaped (and, by default, laid out in memory) like ``input``."""
    if isinstance(fill_value, Tensor):
        fill_value = fill_value.item()
    return _like(input, dtype, np.full, requires_grad, memory_format, fill_value)


def _num(x):
    if isinstance(x, Tensor):
        return x.item()
    if isinstance(x, np.generic):
        return x.item()
    return x


def arange(start=0, end=None, step=1, *, out=None, dtype=None, layout=None, device=None,
           requires_grad=False) -> Tensor:
    """Values from ``start`` to ``end`` (exclusive) spaced by ``step``."""
    check_device(device)
    if end is None:
        start, end = 0, start
    start, end, step = _num(start), _num(end), _num(step)
    if step == 0:
        raise RuntimeError("step must be nonzero")
    if (step > 0 and start > end) or (step < 0 and start < end):
        raise RuntimeError("upper bound and lower bound inconsistent with step sign")
    is_float = any(isinstance(v, float) for v in (start, end, step))
    dt = _np_dtype(dtype, D._default[0] if is_float else D.int64)
    n = max(int(math.ceil((end - start) / step)), 0)
    if np.dtype(dt).kind in "iu" and not is_float:
        arr = (start + step * np.arange(n, dtype=np.int64)).astype(dt)
    else:
        arr = (start + step * np.arange(n, dtype=np.float64)).astype(dt)
    return _make(arr, requires_grad)


def range(start=0, end=None, step=1, *, dtype=None, device=None, requires_grad=False) -> Tensor:  # noqa: A001
    """Deprecated: like ``arange`` but including ``end``; float by default."""
    warnings.warn("torch.range is deprecated and will be removed in a future release because its behavior is "
                  "inconsistent with Python's range builtin. Instead, use torch.arange, which produces values in "
                  "[start, end).", UserWarning, stacklevel=2)
    if end is None:
        start, end = 0, start
    n = int(math.floor((end - start) / step)) + 1
    dt = _np_dtype(dtype)
    return _make((start + step * np.arange(n, dtype=np.float64)).astype(dt), requires_grad)


def linspace(start, end, steps, *, out=None, dtype=None, layout=None, device=None, requires_grad=False) -> Tensor:
    """``steps`` evenly spaced values from ``start`` to ``end`` inclusive (torch's two-sided formula)."""
    check_device(device)
    start, end = _num(start), _num(end)
    if not isinstance(steps, (int, np.integer)) or isinstance(steps, bool):
        raise TypeError(f"linspace(): argument 'steps' must be int, not {type(steps).__name__}")
    if steps < 0:
        raise RuntimeError("number of steps must be non-negative")
    dt = np.dtype(_np_dtype(dtype))
    if steps == 0:
        return _make(np.zeros(0, dt), requires_grad)
    if steps == 1:
        return _make(np.full(1, start, dt), requires_grad)
    idx = np.arange(steps)
    half = steps // 2
    if dt == np.float16:
        # half arithmetic: every product and sum is rounded back to float16.
        f, h = np.float32, np.float16
        s, e = h(start), h(end)
        step = f(h(f(h(f(e) - f(s))) / f(steps - 1)))
        lo = f(s) + (step * idx[:half].astype(f)).astype(h).astype(f)
        hi = f(e) - (step * (steps - idx[half:] - 1).astype(f)).astype(h).astype(f)
    elif dt.kind == "f":
        # torch computes start + step * i (and end - step * (steps - 1 - i) for the upper half) with a fused
        # multiply-add in the output dtype; extended precision reproduces that rounding.
        s, e = dt.type(start), dt.type(end)
        step = np.longdouble((e - s) / dt.type(steps - 1))
        lo = np.longdouble(s) + step * idx[:half].astype(np.longdouble)
        hi = np.longdouble(e) - step * (steps - idx[half:] - 1).astype(np.longdouble)
    else:
        start, end = int(start), int(end)
        step = (float(end) - float(start)) / (steps - 1)
        lo = start + step * idx[:half]
        hi = end - step * (steps - idx[half:] - 1)
    arr = np.concatenate([lo, hi]).astype(dt)
    return _make(arr, requires_grad)


def logspace(start, end, steps, base=10.0, *, out=None, dtype=None, layout=None, device=None,
             requires_grad=False) -> Tensor:
    """``base ** linspace(start, end, steps)``."""
    dt = np.dtype(_np_dtype(dtype))
    exps = linspace(start, end, steps, dtype=D.float64)._data
    return _make(np.power(float(base), exps).astype(dt), requires_grad)


def eye(n, m=None, *, out=None, dtype=None, layout=None, device=None, requires_grad=False) -> Tensor:
    """A 2-D tensor with ones on the diagonal."""
    check_device(device)
    if n < 0:
        raise RuntimeError(f"n must be greater or equal to 0, got {n}")
    return _make(np.eye(n, n if m is None else m, dtype=_np_dtype(dtype)), requires_grad)


def scalar_tensor(s, *, dtype=None, device=None, requires_grad=False) -> Tensor:
    return _make(np.asarray(s, _np_dtype(dtype)), requires_grad)


def frombuffer(buffer, *, dtype, count=-1, offset=0, requires_grad=False) -> Tensor:
    return _make(np.frombuffer(buffer, D.np_of(D.as_dtype(dtype)), count, offset), requires_grad)


def tril_indices(row, col, offset=0, *, dtype=None, device=None) -> Tensor:
    r, c = np.tril_indices(row, offset, col)
    return _wrap(np.stack([r, c]).astype(_np_dtype(dtype, D.int64)))


def triu_indices(row, col, offset=0, *, dtype=None, device=None) -> Tensor:
    r, c = np.triu_indices(row, offset, col)
    return _wrap(np.stack([r, c]).astype(_np_dtype(dtype, D.int64)))


def meshgrid(*tensors, indexing: str | None = None):
    """Coordinate grids from 1-D tensors (``indexing='ij'`` or ``'xy'``)."""
    if len(tensors) == 1 and isinstance(tensors[0], (list, tuple)):
        tensors = tuple(tensors[0])
    if indexing is None:
        warnings.warn("torch.meshgrid: in an upcoming release, it will be required to pass the indexing argument.",
                      UserWarning, stacklevel=2)
        indexing = "ij"
    if not tensors:
        raise RuntimeError("meshgrid expects a non-empty TensorList")
    for t in tensors:
        if t.dtype is not tensors[0].dtype:
            raise RuntimeError("meshgrid expects all tensors to have the same dtype")
    shape = [t.numel() for t in tensors]
    if indexing == "xy" and len(shape) >= 2:
        shape[0], shape[1] = shape[1], shape[0]
    out = []
    for i, t in enumerate(tensors):
        view = [1] * len(tensors)
        k = i
        if indexing == "xy" and len(tensors) >= 2 and i < 2:
            k = 1 - i
        view[k] = -1
        out.append(t.reshape(view).expand(shape))
    return tuple(out)


def cartesian_prod(*tensors):
    from .autograd.ops import stack
    grids = meshgrid(*tensors, indexing="ij")
    if len(tensors) == 1:
        return tensors[0]
    return stack([g.reshape(-1) for g in grids], 1)


def complex(real, imag):  # noqa: A001
    raise TypeError("complex tensors are not supported by gradkit")


def polar(abs, angle):  # noqa: A002
    raise TypeError("complex tensors are not supported by gradkit")


def heaviside(input, values):
    from .autograd.ops import where
    z = input._data
    return where(_wrap(z == 0), values.expand(input.shape) if values.ndim else values.expand(input.shape),
                 _wrap((z > 0).astype(z.dtype)))


def vander(x, N=None, increasing=False):  # noqa: N803
    """Vandermonde matrix whose columns are powers of ``x`` (decreasing unless ``increasing``)."""
    a = x._data
    return _wrap(np.vander(a, N, increasing).astype(a.dtype if a.dtype.kind == "f" else np.int64, copy=False))

