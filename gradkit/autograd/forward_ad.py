"""``torch.autograd.forward_ad``: dual tensors (primal + tangent) inside a ``dual_level``.

gradkit has no forward-mode engine; a dual tensor is a leaf that records the graph, and
:func:`unpack_dual` gets the tangent of a result as a Jacobian-vector product computed with two
reverse passes (so every op on the way must support double backward)."""
from __future__ import annotations

from typing import NamedTuple

from .. import _tensor as _T
from .grad_mode import enable_grad

__all__ = ["dual_level", "enter_dual_level", "exit_dual_level", "make_dual", "unpack_dual",
           "UnpackedDualTensor"]

_LEVEL = [-1]
_DUALS: list = []


class UnpackedDualTensor(NamedTuple):
    """The ``(primal, tangent)`` pair :func:`unpack_dual` returns."""

    primal: _T.Tensor
    tangent: _T.Tensor | None


def enter_dual_level() -> int:
    """Start a new forward-AD level (only one may be active) and return its index."""
    if _LEVEL[0] >= 0:
        raise RuntimeError("Nested forward mode AD is not supported at the moment")
    _LEVEL[0] = 0
    return 0


def exit_dual_level(*, level: int | None = None) -> None:
    """Close the active level; the tangents made in it are dropped."""
    if _LEVEL[0] < 0 or (level is not None and level != _LEVEL[0]):
        raise RuntimeError("Trying to exit a forward AD level that was not the last one that was created. "
                           "This is not supported.")
    _LEVEL[0] = -1
    _DUALS.clear()


class dual_level:
    """Context manager within which dual tensors made by :func:`make_dual` carry tangents."""

    def __enter__(self) -> int:
        return enter_dual_level()

    def __exit__(self, *exc) -> None:
        exit_dual_level()


def make_dual(tensor: _T.Tensor, tangent: _T.Tensor, *, level: int | None = None) -> _T.Tensor:
    """A tensor equal to ``tensor`` whose forward gradient is ``tangent``."""
    if _LEVEL[0] < 0:
        raise RuntimeError("Trying to create a dual Tensor for forward AD but no level exists, make sure to "
                           "enter_dual_level() first.")
    if not (tensor.is_floating_point() and tangent.is_floating_point()):
        raise ValueError(f"Expected primal to be floating point or complex, but got: {tensor.dtype}")
    if tuple(tensor.shape) != tuple(tangent.shape):
        raise RuntimeError(f"Trying to set a forward gradient that has a different size than that of the original "
                           f"Tensor, this is not supported. Tensor is of size {list(tensor.shape)} while the given "
                           f"forward gradient is of size {list(tangent.shape)}.")
    dual = tensor.detach().requires_grad_(True)
    _DUALS.append((dual, tangent, tensor.requires_grad))
    return dual


def _is_dual(t) -> tuple | None:
    for entry in _DUALS:
        if entry[0] is t:
            return entry
    return None


def unpack_dual(tensor: _T.Tensor, *, level: int | None = None) -> UnpackedDualTensor:
    """``(primal, tangent)`` of ``tensor``; ``tangent`` is None outside a level or without dual inputs."""
    if _LEVEL[0] < 0 or not isinstance(tensor, _T.Tensor):
        return UnpackedDualTensor(tensor, None)
    entry = _is_dual(tensor)
    if entry is not None:
        return UnpackedDualTensor(tensor if entry[2] else tensor.detach(), entry[1])
    if not tensor.requires_grad or tensor.grad_fn is None or not _DUALS:
        return UnpackedDualTensor(tensor, None)
    from . import grad as _grad
    from .. import zeros_like
    keep = any(e[2] for e in _DUALS)
    with enable_grad():
        xs = [e[0] for e in _DUALS]
        v = zeros_like(tensor).requires_grad_(True)
        gs = _grad([tensor], xs, [v], create_graph=True, allow_unused=True)
        pairs = [(g, e[1]) for g, e in zip(gs, _DUALS) if g is not None and g.requires_grad]
        if not pairs:
            return UnpackedDualTensor(tensor if keep else tensor.detach(), None)
        (jv,) = _grad([g for g, _ in pairs], [v], [t for _, t in pairs], allow_unused=True)
    tangent = zeros_like(tensor) if jv is None else jv.detach()
    return UnpackedDualTensor(tensor if keep else tensor.detach(), tangent)
