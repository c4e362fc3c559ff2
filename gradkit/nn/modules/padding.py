"""Padding layers: constant/zero, reflection, replication and circular padding in 1-3 dimensions."""
from __future__ import annotations

from ..._tensor import Tensor
from .. import _functional_conv as F
from .module import Module

__all__ = ["CircularPad1d", "CircularPad2d", "CircularPad3d", "ConstantPad1d", "ConstantPad2d", "ConstantPad3d",
           "ReflectionPad1d", "ReflectionPad2d", "ReflectionPad3d", "ReplicationPad1d", "ReplicationPad2d",
           "ReplicationPad3d", "ZeroPad1d", "ZeroPad2d", "ZeroPad3d"]


def _ntuple(x, n: int) -> tuple:
    return tuple(x) if isinstance(x, (list, tuple)) else (x,) * n


def _pad_fn():
    try:
        from .. import functional
        return getattr(functional, "pad", F._pad)
    except ImportError:
        return F._pad


class _PadNd(Module):
    _n = 1
    _mode = "constant"

    def __init__(self, padding) -> None:
        super().__init__()
        self.padding = _ntuple(padding, 2 * self._n)

    def _check_input_dim(self, input: Tensor) -> None:
        pass

    def forward(self, input: Tensor) -> Tensor:
        self._check_input_dim(input)
        return _pad_fn()(input, self.padding, self._mode)

    def extra_repr(self) -> str:
        return f"{self.padding}"


class _CircularPadNd(_PadNd):
    _mode = "circular"

    def _check_input_dim(self, input: Tensor) -> None:
        n = self._n
        if input.dim() != n + 1 and input.dim() != n + 2:
            raise ValueError(f"expected {n + 1}D or {n + 2}D input (got {input.dim()}D input)")


class CircularPad1d(_CircularPadNd):
    """Pad the last dimension by wrapping around."""

    _n = 1


class CircularPad2d(_CircularPadNd):
    """Pad the last two dimensions by wrapping around."""

    _n = 2


class CircularPad3d(_CircularPadNd):
    """Pad the last three dimensions by wrapping around."""

    _n = 3


class _ReflectionPadNd(_PadNd):
    _mode = "reflect"


class ReflectionPad1d(_ReflectionPadNd):
    """Pad the last dimension with its reflection (edge not repeated)."""

    _n = 1


class ReflectionPad2d(_ReflectionPadNd):
    """Pad the last two dimensions with their reflection."""

    _n = 2


class ReflectionPad3d(_ReflectionPadNd):
    """Pad the last three dimensions with their reflection."""

    _n = 3


class _ReplicationPadNd(_PadNd):
    _mode = "replicate"


class ReplicationPad1d(_ReplicationPadNd):
    """Pad the last dimension by repeating its edge values."""

    _n = 1


class ReplicationPad2d(_ReplicationPadNd):
    """Pad the last two dimensions by repeating their edge values."""

    _n = 2


class ReplicationPad3d(_ReplicationPadNd):
    """Pad the last three dimensions by repeating their edge values."""

    _n = 3


class _ConstantPadNd(Module):
    _n = 1

    def __init__(self, padding, value: float) -> None:
        super().__init__()
        self.value = value
        self.padding = _ntuple(padding, 2 * self._n)

    def forward(self, input: Tensor) -> Tensor:
        return _pad_fn()(input, self.padding, "constant", self.value)

    def extra_repr(self) -> str:
        return f"padding={self.padding}, value={self.value}"


class ConstantPad1d(_ConstantPadNd):
    """Pad the last dimension with a constant ``value``."""

    _n = 1


class ConstantPad2d(_ConstantPadNd):
    """Pad the last two dimensions with a constant ``value``."""

    _n = 2


class ConstantPad3d(_ConstantPadNd):
    """Pad the last three dimensions with a constant ``value``."""

    _n = 3


class ZeroPad1d(ConstantPad1d):
    """Pad the last dimension with zeros."""

    def __init__(self, padding) -> None:
        super().__init__(padding, 0.0)

    def extra_repr(self) -> str:
        return f"{self.padding}"


class ZeroPad2d(ConstantPad2d):
    """Pad the last two dimensions with zeros."""

    def __init__(self, padding) -> None:
        super().__init__(padding, 0.0)

    def extra_repr(self) -> str:
        return f"{self.padding}"


class ZeroPad3d(ConstantPad3d):
    """Pad the last three dimensions with zeros."""

    def __init__(self, padding) -> None:
        super().__init__(padding, 0.0)

    def extra_repr(self) -> str:
        return f"{self.padding}"
