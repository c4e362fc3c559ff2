"""Flatten parameters into one vector and back."""
from __future__ import annotations

from collections.abc import Iterable

from ..._tensor import Tensor
from ..modules.module import _typename

__all__ = ["parameters_to_vector", "vector_to_parameters"]


def _check_param_device(param: Tensor, old: int | None) -> int:
    if old is None:
        return param.get_device() if param.device.type == "cuda" else -1
    if (param.get_device() != old) if param.device.type == "cuda" else old != -1:
        raise TypeError("Found two parameters on different devices, this is currently not supported.")
    return old


def parameters_to_vector(parameters: Iterable[Tensor]) -> Tensor:
    """Concatenate the flattened parameters into one 1-D tensor (differentiable)."""
    from ... import cat
    dev = None
    vec = []
    for param in parameters:
        dev = _check_param_device(param, dev)
        vec.append(param.view(-1))
    return cat(vec)


def vector_to_parameters(vec: Tensor, parameters: Iterable[Tensor]) -> None:
    """Make each parameter's data the matching slice of ``vec`` (reshaped; memory is shared)."""
    if not isinstance(vec, Tensor):
        raise TypeError(f"expected torch.Tensor, but got: {_typename(vec)}")
    dev = None
    pointer = 0
    for param in parameters:
        dev = _check_param_device(param, dev)
        n = param.numel()
        param._data = vec._data[pointer:pointer + n].reshape(param._data.shape)
        pointer += n
