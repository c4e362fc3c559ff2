"""``Parameter`` and ``Buffer``: tensors that a ``Module`` registers when they are assigned to it."""
from __future__ import annotations

from typing import Any

import numpy as np

from .._dtype import _BY_NAME, as_dtype, get_default_dtype
from .._tensor import Tensor, _init, _wrap

__all__ = ["Parameter", "UninitializedParameter", "is_lazy", "Buffer", "UninitializedBuffer",
           "UninitializedTensorMixin"]


def _source(data: Any) -> Tensor:
    if data is None:
        return _wrap(np.empty((0,), dtype=get_default_dtype().np))
    if not isinstance(data, Tensor):
        raise TypeError(f"Parameter(): argument 'data' must be Tensor, not {type(data).__name__}")
    return data


class Parameter(Tensor):
    """A Tensor that a ``Module`` lists among its parameters when assigned as an attribute.

    ``Parameter(data)`` shares ``data``'s memory and requires grad unless ``requires_grad=False``
    (``no_grad`` does not change that). Operations on a Parameter return plain Tensors.
    """

    def __new__(cls, data: Tensor | None = None, requires_grad: bool = True) -> Parameter:
        src = _source(data)
        if requires_grad and src._data.dtype.kind not in "fc":
            raise RuntimeError("Only Tensors of floating point and complex dtype can require gradients")
        p = object.__new__(cls)
        _init(p, src._data, bool(requires_grad))
        p._vc = src._vc
        return p

    def __init__(self, data: Tensor | None = None, requires_grad: bool = True) -> None:
        pass

    def __deepcopy__(self, memo: dict) -> Parameter:
        if id(self) in memo:
            return memo[id(self)]
        result = type(self)(_wrap(self._data.copy()), self.requires_grad)
        memo[id(self)] = result
        return result

    def __repr__(self) -> str:
        return "Parameter containing:\n" + super().__repr__()

    def __reduce_ex__(self, proto):
        return (_rebuild_parameter, (type(self), self._data, self.requires_grad,
                                     dict(getattr(self, "__dict__", {}))))


def _rebuild_parameter(cls, arr, requires_grad, state):
    p = object.__new__(cls)
    _init(p, arr, requires_grad)
    if state:
        p.__dict__.update(state)
    return p


class UninitializedTensorMixin:
    """Shared behaviour of parameters/buffers whose shape is not known yet (lazy modules)."""

    cls_to_become: type = Tensor

    def materialize(self, shape, device=None, dtype=None) -> None:
        """Give the tensor ``shape`` (and optionally a dtype) and turn it into ``cls_to_become``."""
        dt = self._data.dtype if dtype is None else as_dtype(dtype).np
        if isinstance(shape, int):
            shape = (shape,)
        self._data = np.empty(tuple(int(s) for s in shape), dtype=dt)
        self.__class__ = self.cls_to_become

    @property
    def shape(self):
        raise RuntimeError(
            "Can't access the shape of an uninitialized parameter or buffer. This error usually happens "
            "in `load_state_dict` when trying to load an uninitialized parameter into an initialized one. "
            "Call `forward` to initialize the parameters before accessing their attributes.")

    def share_memory_(self):
        raise RuntimeError(
            "Can't share memory on an uninitialized parameter or buffer. Call `forward` to initialize "
            "the parameters before calling `module.share_memory()`.")

    def __repr__(self) -> str:
        return f"<{self.__class__.__name__}>"

    def __reduce_ex__(self, proto):
        return (self.__class__, (self.requires_grad,))


def is_lazy(param: Any) -> bool:
    """True for ``UninitializedParameter`` / ``UninitializedBuffer`` objects."""
    return isinstance(param, UninitializedTensorMixin)


def _empty_of(dtype) -> np.ndarray:
    dt = get_default_dtype() if dtype is None else as_dtype(dtype)
    return np.empty((0,), dtype=dt.np)


class UninitializedParameter(UninitializedTensorMixin, Parameter):
    """A Parameter without data yet; ``materialize(shape)`` turns it into a ``Parameter``."""

    cls_to_become = Parameter

    def __new__(cls, requires_grad: bool = True, device=None, dtype=None) -> UninitializedParameter:
        p = object.__new__(cls)
        _init(p, _empty_of(dtype), bool(requires_grad))
        return p

    def __init__(self, requires_grad: bool = True, device=None, dtype=None) -> None:
        pass

    def __deepcopy__(self, memo: dict) -> UninitializedParameter:
        if id(self) in memo:
            return memo[id(self)]
        result = type(self)(self.requires_grad, None, _BY_NAME[self._data.dtype.name])
        memo[id(self)] = result
        return result


class _BufferMeta(type(Tensor)):
    def __instancecheck__(cls, instance) -> bool:
        if cls is Buffer:
            return isinstance(instance, Tensor) and getattr(instance, "_is_buffer", False)
        return super().__instancecheck__(instance)


class Buffer(Tensor, metaclass=_BufferMeta):
    """Marks a tensor as a module buffer: assigning ``Buffer(t)`` to a module attribute registers it.

    ``persistent=False`` keeps it out of the ``state_dict``. The result is a plain Tensor sharing
    ``data``'s memory.
    """

    def __new__(cls, data: Tensor | None = None, *, persistent: bool = True) -> Tensor:
        src = _wrap(np.empty((0,), dtype=get_default_dtype().np)) if data is None else data
        t = _wrap(src._data, src.requires_grad)
        t._vc = src._vc
        t.persistent = persistent
        t._is_buffer = True
        return t


class UninitializedBuffer(UninitializedTensorMixin, Tensor):
    """A buffer without data yet; ``materialize(shape)`` turns it into a plain Tensor."""

    cls_to_become = Tensor

    def __new__(cls, requires_grad: bool = False, device=None, dtype=None,
                persistent: bool = True) -> UninitializedBuffer:
        t = object.__new__(cls)
        _init(t, _empty_of(dtype), bool(requires_grad))
        t.persistent = persistent
        t._is_buffer = True
        return t

    def __init__(self, requires_grad: bool = False, device=None, dtype=None, persistent: bool = True) -> None:
        pass
