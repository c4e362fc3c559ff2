"""``torch.testing``: ``assert_close`` (with PyTorch's default per-dtype tolerances and mismatch reports) and
``make_tensor``."""
from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from . import _dtype as D
from ._tensor import Tensor, _wrap

__all__ = ["assert_close", "assert_allclose", "make_tensor"]

_PRECISIONS = {"float16": (0.001, 1e-5), "bfloat16": (0.016, 1e-5), "float32": (1.3e-6, 1e-5),
               "float64": (1e-7, 1e-7)}


def _fail(msg: str, cls: type = AssertionError, where: str = "") -> None:
    if where:
        msg = f"{msg}\n\nThe failure occurred for item {where}"
    raise cls(msg)


def _unravel(flat: int, shape: tuple) -> tuple:
    if not shape:
        return ()
    return tuple(int(i) for i in np.unravel_index(flat, shape))


def _compare_tensors(actual: Tensor, expected: Tensor, rtol, atol, equal_nan: bool, check_device: bool,
                     check_dtype: bool, where: str) -> None:
    if actual.shape != expected.shape:
        _fail(f"The values for attribute 'shape' do not match: {actual.shape} != {expected.shape}.", where=where)
    if check_device and actual.device != expected.device:
        _fail(f"The values for attribute 'device' do not match: {actual.device} != {expected.device}.", where=where)
    if check_dtype and actual.dtype != expected.dtype:
        _fail(f"The values for attribute 'dtype' do not match: {actual.dtype} != {expected.dtype}.", where=where)
    if (rtol is None) ^ (atol is None):
        _fail("Both 'rtol' and 'atol' must be either specified or omitted.", ValueError)
    if rtol is None:
        r1, a1 = _PRECISIONS.get(actual.dtype.name, (0.0, 0.0))
        r2, a2 = _PRECISIONS.get(expected.dtype.name, (0.0, 0.0))
        rtol, atol = max(r1, r2), max(a1, a2)
    common = np.promote_types(actual._data.dtype, expected._data.dtype)
    a = actual._data.astype(common)
    e = expected._data.astype(common)
    if common.kind == "b":
        matches = a == e
    elif common.kind in "iu":
        matches = np.abs(a.astype(np.float64) - e.astype(np.float64)) <= atol + rtol * np.abs(e.astype(np.float64))
    else:
        with np.errstate(all="ignore"):
            matches = (a == e) | (np.abs(a - e) <= atol + rtol * np.abs(e))
            if equal_nan:
                matches |= np.isnan(a) & np.isnan(e)
    if bool(np.all(matches)):
        return
    n = matches.size
    bad = n - int(matches.sum())
    equality = rtol == 0 and atol == 0
    af, ef, mf = a.reshape(-1), e.reshape(-1), matches.reshape(-1)
    if common.kind in "iub":
        af, ef = af.astype(np.int64), ef.astype(np.int64)
        abs_diff = np.abs(af - ef)
        abs_diff[mf] = 0
        with np.errstate(all="ignore"):
            rel_diff = (abs_diff.astype(D.get_default_dtype().np) / np.abs(ef).astype(D.get_default_dtype().np))
    else:
        with np.errstate(all="ignore"):
            abs_diff = np.abs(af - ef)
            abs_diff[mf] = 0
            rel_diff = abs_diff / np.abs(ef)
    rel_diff[mf] = 0
    ia = int(np.nanargmax(abs_diff)) if not np.isnan(abs_diff).any() else int(np.argmax(np.isnan(abs_diff)))
    ir = int(np.nanargmax(rel_diff)) if not np.isnan(rel_diff).any() else int(np.argmax(np.isnan(rel_diff)))
    msg = f"Tensor-likes are not {'equal' if equality else 'close'}!\n\n"
    msg += f"Mismatched elements: {bad} / {n} ({bad / n:.1%})\n"
    for kind, diff, idx, tol in (("absolute", abs_diff[ia].item(), ia, atol),
                                 ("relative", rel_diff[ir].item(), ir, rtol)):
        msg += f"Greatest {kind} difference: {diff} at index {_unravel(idx, a.shape)}"
        msg += "\n" if equality else f" (up to {tol} allowed)\n"
    _fail(msg.strip(), where=where)


def _compare_numbers(actual, expected, rtol, atol, equal_nan: bool, where: str) -> None:
    if rtol is None:
        rtol, atol = (1.3e-6, 1e-5) if isinstance(actual, float) or isinstance(expected, float) else (0.0, 0.0)
    if isinstance(actual, bool) or isinstance(expected, bool):
        if actual != expected:
            _fail(f"Booleans mismatch: {actual} is not {expected}", where=where)
        return
    if actual == expected or (equal_nan and math.isnan(actual) and math.isnan(expected)):
        return
    diff = abs(actual - expected)
    if diff <= atol + rtol * abs(expected):
        return
    equality = rtol == 0 and atol == 0
    msg = f"Scalars are not {'equal' if equality else 'close'}!\n\n"
    msg += f"Expected {expected} but got {actual}.\n"
    rel = diff / abs(expected) if expected != 0 else math.inf
    msg += f"Absolute difference: {diff}" + ("" if equality else f" (up to {atol} allowed)") + "\n"
    msg += f"Relative difference: {rel}" + ("" if equality else f" (up to {rtol} allowed)")
    _fail(msg, where=where)


def _compare(actual, expected, rtol, atol, equal_nan, check_device, check_dtype, where: str) -> None:
    if isinstance(actual, Tensor) or isinstance(expected, Tensor):
        if not (isinstance(actual, Tensor) and isinstance(expected, Tensor)):
            raise TypeError(f"No comparison pair was able to handle inputs of type {type(actual)} and "
                            f"{type(expected)}.")
        _compare_tensors(actual, expected, rtol, atol, equal_nan, check_device, check_dtype, where)
        return
    if isinstance(actual, np.ndarray) and isinstance(expected, np.ndarray):
        _compare_tensors(_wrap(actual), _wrap(expected), rtol, atol, equal_nan, check_device, check_dtype, where)
        return
    if isinstance(actual, (int, float, bool)) and isinstance(expected, (int, float, bool)):
        if check_dtype and type(actual) is not type(expected):
            _fail(f"The values for attribute 'dtype' do not match: {type(actual)} != {type(expected)}.",
                  where=where)
        _compare_numbers(actual, expected, rtol, atol, equal_nan, where)
        return
    if isinstance(actual, Mapping) and isinstance(expected, Mapping):
        if set(actual) != set(expected):
            _fail(f"The keys of the mappings do not match:\nMissing keys in the actual mapping: "
                  f"{sorted(set(expected) - set(actual))}\nExtra keys in the actual mapping: "
                  f"{sorted(set(actual) - set(expected))}", where=where)
        for k in expected:
            _compare(actual[k], expected[k], rtol, atol, equal_nan, check_device, check_dtype, f"{where}[{k!r}]")
        return
    if isinstance(actual, Sequence) and isinstance(expected, Sequence) and not isinstance(actual, str):
        if len(actual) != len(expected):
            _fail(f"The length of the sequences mismatch: {len(actual)} != {len(expected)}", where=where)
        for i, (x, y) in enumerate(zip(actual, expected)):
            _compare(x, y, rtol, atol, equal_nan, check_device, check_dtype, f"{where}[{i}]")
        return
    if actual != expected:
        raise TypeError(f"No comparison pair was able to handle inputs of type {type(actual)} and {type(expected)}.")


def assert_close(actual: Any, expected: Any, *, allow_subclasses: bool = True, rtol: float | None = None,
                 atol: float | None = None, equal_nan: bool = False, check_device: bool = True,
                 check_dtype: bool = True, check_layout: bool = True, check_stride: bool = False,
                 msg: str | None = None) -> None:
    """Raises ``AssertionError`` unless ``actual`` and ``expected`` have the same shape/dtype/device and values
    within ``atol + rtol * |expected|`` (defaults chosen from the dtype; exact for integers and bools).
    Sequences and mappings are compared item by item."""
    if (rtol is None) ^ (atol is None):
        raise ValueError(f"Both 'rtol' and 'atol' must be either specified or omitted, "
                         f"but got no {'rtol' if rtol is None else 'atol'}.")
    try:
        _compare(actual, expected, rtol, atol, equal_nan, check_device, check_dtype, "")
    except AssertionError as e:
        if msg is None:
            raise
        raise AssertionError(msg(str(e)) if callable(msg) else msg) from None


def assert_allclose(actual: Any, expected: Any, rtol: float | None = None, atol: float | None = None,
                    equal_nan: bool = True, msg: str = "") -> None:
    """Deprecated spelling of :func:`assert_close` that ignores dtypes and compares NaNs as equal."""
    if not isinstance(actual, Tensor):
        actual = _wrap(np.asarray(actual))
    if not isinstance(expected, Tensor):
        expected = _wrap(np.asarray(expected, dtype=actual._data.dtype))
    assert_close(actual, expected, rtol=rtol, atol=atol, equal_nan=equal_nan, check_dtype=False,
                 msg=msg or None)


def make_tensor(*shape, dtype: D.dtype, device: Any = None, low: float | None = None, high: float | None = None,
                requires_grad: bool = False, noncontiguous: bool = False, exclude_zero: bool = False,
                memory_format: Any = None) -> Tensor:
    """A random tensor of ``shape`` and ``dtype``: floats uniform in [low, high) (default [-9, 9)), integers
    from [low, high), bools fair coin flips."""
    from . import _random_ops
    if len(shape) == 1 and isinstance(shape[0], (tuple, list)):
        shape = tuple(shape[0])
    dtype = D.as_dtype(dtype)
    if dtype is D.bool:
        out = _random_ops.randint(0, 2, shape).to(D.bool)
    elif dtype.is_floating_point:
        lo = -9.0 if low is None else float(low)
        hi = 9.0 if high is None else float(high)
        out = _random_ops.rand(*shape, dtype=dtype) * (hi - lo) + lo
    else:
        lo = -9 if low is None else int(math.ceil(low))
        hi = 10 if high is None else int(math.ceil(high))
        if dtype is D.uint8:
            lo = max(lo, 0)
        out = _random_ops.randint(lo, hi, shape, dtype=dtype)
    if exclude_zero:
        out = out.masked_fill(out == 0, 1 if not dtype.is_floating_point else 1e-6 if high is None else hi / 2)
    if requires_grad:
        out.requires_grad_(True)
    return out
