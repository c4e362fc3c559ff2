"""Tensor printing that reproduces ``torch._tensor_str`` character for character."""

from __future__ import annotations

import contextlib
import math
from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np

__all__ = [
    "PRINT_OPTS",
    "get_printoptions",
    "printoptions",
    "set_printoptions",
    "suffixes_for",
    "tensor_repr",
]

_FLOAT_NAMES = frozenset({"float64", "float32", "float16", "bfloat16"})
_INT_NAMES = frozenset({"int64", "int32", "int16", "int8", "uint8"})


class _PrintOptions:
    __slots__ = ("precision", "threshold", "edgeitems", "linewidth", "sci_mode")

    def __init__(self) -> None:
        self.precision: int = 4
        self.threshold: float = 1000
        self.edgeitems: int = 3
        self.linewidth: int = 80
        self.sci_mode: bool | None = None


PRINT_OPTS = _PrintOptions()


def set_printoptions(
    precision: int | None = None,
    threshold: float | None = None,
    edgeitems: int | None = None,
    linewidth: int | None = None,
    profile: str | None = None,
    sci_mode: bool | None = None,
) -> None:
    """Set how tensors print.

    precision: digits after the decimal point (default 4); threshold: element count above which the
    output is summarised (default 1000); edgeitems: items kept at each end of a summarised dimension
    (default 3); linewidth: characters per line before wrapping (default 80); profile: ``"default"``,
    ``"short"`` or ``"full"`` presets, overridden by the other arguments; sci_mode: force (True) or
    forbid (False) scientific notation, or choose automatically (None, the default).
    """
    if profile is not None:
        if profile == "default":
            PRINT_OPTS.precision, PRINT_OPTS.threshold = 4, 1000
            PRINT_OPTS.edgeitems, PRINT_OPTS.linewidth = 3, 80
        elif profile == "short":
            PRINT_OPTS.precision, PRINT_OPTS.threshold = 2, 1000
            PRINT_OPTS.edgeitems, PRINT_OPTS.linewidth = 2, 80
        elif profile == "full":
            PRINT_OPTS.precision, PRINT_OPTS.threshold = 4, math.inf
            PRINT_OPTS.edgeitems, PRINT_OPTS.linewidth = 3, 80
    if precision is not None:
        PRINT_OPTS.precision = precision
    if threshold is not None:
        PRINT_OPTS.threshold = threshold
    if edgeitems is not None:
        PRINT_OPTS.edgeitems = edgeitems
    if linewidth is not None:
        PRINT_OPTS.linewidth = linewidth
    PRINT_OPTS.sci_mode = sci_mode


def get_printoptions() -> dict[str, Any]:
    """Return the current print options as a dict accepted by ``set_printoptions(**opts)``."""
    return {k: getattr(PRINT_OPTS, k) for k in _PrintOptions.__slots__}


@contextlib.contextmanager
def printoptions(**kwargs: Any) -> Iterator[None]:
    """Context manager that applies ``set_printoptions(**kwargs)`` and restores the old options on exit."""
    old = get_printoptions()
    set_printoptions(**kwargs)
    try:
        yield
    finally:
        set_printoptions(**old)


def suffixes_for(requires_grad: bool, grad_fn_name: str | None) -> list[str]:
    """Autograd suffixes torch appends: ``grad_fn=<Name>`` for non-leaves, else ``requires_grad=True``."""
    if grad_fn_name is not None:
        return [f"grad_fn=<{grad_fn_name}>"]
    if requires_grad:
        return ["requires_grad=True"]
    return []


class _Formatter:
    """Chooses one width and notation for every element shown, like torch's ``_Formatter``."""

    __slots__ = ("floating", "int_mode", "precision", "sci_mode", "width")

    def __init__(self, values: np.ndarray, floating: bool) -> None:
        self.floating = floating
        self.int_mode = True
        self.sci_mode = False
        self.width = 1
        self.precision = PRINT_OPTS.precision
        if values.size == 0:
            return
        if not floating:
            if values.dtype == np.bool_:
                self.width = 5 if not values.all() else 4
            else:
                self.width = max(1, len(str(int(values.max()))), len(str(int(values.min()))))
            return
        flat = values.reshape(-1)
        nz = flat[np.isfinite(flat) & (flat != 0)]
        if nz.size == 0:
            return
        a = np.abs(nz)
        amin = float(a.min())
        amax = float(a.max())
        self.int_mode = bool(np.all(nz == np.ceil(nz)))
        if PRINT_OPTS.sci_mode is None:
            with np.errstate(over="ignore"):
                ratio = np.float64(amax) / np.float64(amin)
            self.sci_mode = bool(ratio > 1000.0 or amax > 1.0e8 or amin < 1.0e-4)
        else:
            self.sci_mode = PRINT_OPTS.sci_mode
        p = self.precision
        vmax = float(nz.max())
        vmin = float(nz.min())
        if self.sci_mode:
            self.width = max(self.width, *(len(f"{v:.{p}e}") for v in nz.tolist()))
        elif self.int_mode:
            self.width = max(self.width, *(len(f"{v:.0f}") + 1 for v in (vmax, vmin)))
        else:
            self.width = max(self.width, *(len(f"{v:.{p}f}") for v in (vmax, vmin)))

    def format_all(self, values: np.ndarray) -> list[str]:
        """Formatted, right-aligned strings for ``values`` in C order."""
        w = self.width
        if not self.floating:
            return [s.rjust(w) for s in map(str, values.reshape(-1).tolist())]
        flat = values.reshape(-1)
        items = flat.tolist()
        p = self.precision
        if self.sci_mode:
            return list(map(f"{{:{w}.{p}e}}".format, items))
        if self.int_mode:
            out = list(map("{:.0f}.".format, items))
            for i in np.flatnonzero(~np.isfinite(flat)).tolist():
                out[i] = out[i][:-1]
            return [s.rjust(w) for s in out]
        return list(map(f"{{:{w}.{p}f}}".format, items))


def _kept_indices(n: int, edge: int) -> np.ndarray | None:
    """Indices torch keeps along a summarised dimension of length n, or None when all are kept."""
    if n > 2 * edge:
        return np.concatenate([np.arange(edge), np.arange(n - edge, n)])
    return None


def _summarized(data: np.ndarray, edge: int) -> np.ndarray:
    if data.ndim == 0:
        return data
    if data.ndim == 1:
        if edge == 0:
            return data
        idx = _kept_indices(data.shape[0], edge)
        return data if idx is None else data[idx]
    if edge == 0:
        return data[tuple(slice(0, 0) for _ in range(data.ndim))]
    out = data
    for axis, n in enumerate(data.shape):
        idx = _kept_indices(n, edge)
        if idx is not None:
            out = np.take(out, idx, axis=axis)
    return out


def _nested_str(
    strs: Sequence[str], shape: tuple[int, ...], cut: tuple[bool, ...], indent: int, width: int
) -> str:
    """Bracketed text for an array of element strings (flat, C order) of the shown shape.

    ``cut[d]`` says that dimension d was summarised, so ``...`` goes in its middle.
    """
    edge = PRINT_OPTS.edgeitems
    ndim = len(shape)
    per_line = max(1, (PRINT_OPTS.linewidth - (indent + ndim - 1)) // (width + 2))
    row_sep = ",\n" + " " * (indent + ndim)

    def vector(start: int, n: int, is_cut: bool) -> str:
        row = list(strs[start : start + n])
        if is_cut:
            row = [*row[:edge], " ...", *row[edge:]]
        lines = [", ".join(row[i : i + per_line]) for i in range(0, len(row), per_line)]
        return "[" + row_sep.join(lines) + "]"

    def block(d: int, start: int, ind: int) -> str:
        if d == ndim - 1:
            return vector(start, shape[d], cut[d])
        step = math.prod(shape[d + 1 :])
        parts = [block(d + 1, start + i * step, ind + 1) for i in range(shape[d])]
        if cut[d]:
            parts = [*parts[:edge], "...", *parts[edge:]]
        return "[" + ("," + "\n" * (ndim - d - 1) + " " * (ind + 1)).join(parts) + "]"

    return block(0, 0, indent)


def _body(data: np.ndarray, floating: bool, indent: int) -> str:
    summarize = data.size > PRINT_OPTS.threshold
    edge = PRINT_OPTS.edgeitems
    if data.ndim == 0:
        fmt = _Formatter(data, floating)
        return fmt.format_all(data)[0]
    if summarize and not edge:
        return "[...]"
    fmt = _Formatter(_summarized(data, edge) if summarize else data, floating)
    if summarize:
        shown = _summarized(data, edge)
        cut = tuple(n > 2 * edge for n in data.shape)
    else:
        shown = data
        cut = (False,) * data.ndim
    return _nested_str(fmt.format_all(shown), shown.shape, cut, indent, fmt.width)


def _add_suffixes(text: str, suffixes: Sequence[str], indent: int) -> str:
    parts = [text]
    last_len = len(text) - text.rfind("\n") + 1
    for suffix in suffixes:
        if last_len + len(suffix) + 2 > PRINT_OPTS.linewidth:
            parts.append(",\n" + " " * indent + suffix)
            last_len = indent + len(suffix)
        else:
            parts.append(", " + suffix)
            last_len += len(suffix) + 2
    parts.append(")")
    return "".join(parts)


def _as_print_array(data: Any, dtype_name: str) -> np.ndarray:
    arr = np.asarray(data)
    if dtype_name in _FLOAT_NAMES:
        return arr.astype(np.float64, copy=False)
    if dtype_name == "bool":
        return arr.astype(np.bool_, copy=False)
    if dtype_name in _INT_NAMES:
        return arr if arr.dtype.kind in "iu" else arr.astype(np.int64)
    raise ValueError(f"tensor_repr: unsupported dtype name {dtype_name!r}")


def tensor_repr(
    data: np.ndarray,
    dtype_name: str,
    *,
    suffixes: Sequence[str] = (),
    default_float: str = "float32",
    prefix: str = "tensor(",
) -> str:
    """What torch prints for ``repr``/``str`` of a CPU tensor holding ``data`` with dtype ``dtype_name``.

    ``suffixes`` (e.g. from :func:`suffixes_for`) follow the size/dtype suffixes torch adds itself.
    """
    arr = _as_print_array(data, dtype_name)
    floating = dtype_name in _FLOAT_NAMES
    indent = len(prefix)
    extra: list[str] = []
    if arr.size == 0:
        if arr.ndim != 1:
            extra.append(f"size={tuple(arr.shape)}")
        if dtype_name != default_float:
            extra.append(f"dtype=torch.{dtype_name}")
        body = "[]"
    else:
        if not PRINT_OPTS.edgeitems:
            extra.append(f"size={tuple(arr.shape)}")
        if dtype_name not in (default_float, "int64", "bool"):
            extra.append(f"dtype=torch.{dtype_name}")
        body = _body(arr, floating, indent)
    extra.extend(suffixes)
    return _add_suffixes(prefix + body, extra, indent)
