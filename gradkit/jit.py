"""``torch.jit`` stand-in: gradkit has no TorchScript compiler, so scripting and tracing keep running the
Python code eagerly while giving back objects shaped like torch's (``RecursiveScriptModule``,
``TopLevelTracedModule``, ``ScriptFunction``) that share parameters with the original module."""
from __future__ import annotations

import functools
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from .nn.modules.module import Module

__all__ = ["ScriptModule", "RecursiveScriptModule", "TracedModule", "TopLevelTracedModule", "ScriptFunction",
           "script", "trace", "trace_module", "save", "load", "ignore", "unused", "export", "annotate",
           "is_scripting", "is_tracing", "freeze", "optimize_for_inference", "fork", "wait", "Final", "interface",
           "script_if_tracing", "Attribute"]

Final = Any


class ScriptModule(Module):
    """Base of the modules :func:`script` and :func:`trace` return."""

    @property
    def original_name(self) -> str:
        return self.__dict__.get("_s4d_original_name", type(self).__name__)

    def extra_repr(self) -> str:
        return f"original_name={self.original_name}"

    def save(self, f, _extra_files=None) -> None:
        """Write this module so that :func:`load` can read it back."""
        save(self, f)

    def __reduce_ex__(self, protocol):
        state = self.__getstate__()
        return _rebuild, (self._s4d_kind, self._s4d_base, state)


class RecursiveScriptModule(ScriptModule):
    """What :func:`script` gives back for an ``nn.Module``."""

    def _get_name(self) -> str:
        return "RecursiveScriptModule"


class TracedModule(ScriptModule):
    """What :func:`trace` gives back for the submodules of a traced module."""

    def _get_name(self) -> str:
        return self.original_name


class TopLevelTracedModule(TracedModule):
    """What :func:`trace` gives back for an ``nn.Module``."""


_KINDS = {"script": (RecursiveScriptModule, RecursiveScriptModule),
          "trace": (TopLevelTracedModule, TracedModule)}
_CLASSES: dict = {}


def _class_for(kind_cls: type, base: type) -> type:
    key = (kind_cls, base)
    if key not in _CLASSES:
        _CLASSES[key] = type(kind_cls.__name__, (kind_cls, base), {"__module__": __name__})
    return _CLASSES[key]


def _rebuild(kind: type, base: type, state: dict):
    obj = object.__new__(_class_for(kind, base))
    obj.__setstate__(state)
    return obj


def _convert(module: Module, kind: str, top: bool) -> Module:
    if isinstance(module, ScriptModule):
        return module
    kind_cls = _KINDS[kind][0 if top else 1]
    base = type(module)
    obj = object.__new__(_class_for(kind_cls, base))
    state = module.__getstate__() if hasattr(module, "__getstate__") else dict(module.__dict__)
    obj.__dict__.update(state)
    obj.__dict__["_parameters"] = OrderedDict(module._parameters)
    obj.__dict__["_buffers"] = OrderedDict(module._buffers)
    obj.__dict__["_modules"] = OrderedDict(
        (k, None if v is None else _convert(v, kind, False)) for k, v in module._modules.items())
    obj.__dict__["_s4d_original_name"] = base.__name__
    obj.__dict__["_s4d_kind"] = kind_cls
    obj.__dict__["_s4d_base"] = base
    return obj


class ScriptFunction:
    """A scripted or traced free function; calling it runs the Python function."""

    def __init__(self, fn: Callable) -> None:
        self._fn = fn
        functools.update_wrapper(self, fn)

    def __call__(self, *args, **kwargs):
        return self._fn(*args, **kwargs)

    @property
    def name(self) -> str:
        return getattr(self._fn, "__name__", "fn")


def script(obj, optimize=None, _frames_up: int = 0, _rcb=None, example_inputs=None):
    """Script a module or function: here it keeps running eagerly, wrapped like torch's result."""
    if isinstance(obj, Module):
        return _convert(obj, "script", True)
    if isinstance(obj, type):
        return obj
    if callable(obj):
        return ScriptFunction(obj)
    raise RuntimeError(f"Type '{type(obj).__name__}' cannot be compiled since it inherits from nn.Module, pass "
                       "an instance instead")


def trace(func, example_inputs=None, optimize=None, check_trace: bool = True, check_inputs=None,
          check_tolerance: float = 1e-5, strict: bool = True, _force_outplace: bool = False,
          _module_class=None, _compilation_unit=None, example_kwarg_inputs=None, _store_inputs: bool = True):
    """Trace a module or function with example inputs: here it keeps running eagerly."""
    if isinstance(func, Module):
        return _convert(func, "trace", True)
    return ScriptFunction(func)


def trace_module(mod: Module, inputs, **kwargs):
    return _convert(mod, "trace", True)


def save(m, f, _extra_files=None) -> None:
    """Save a scripted/traced module to a path or file object."""
    from .serialization import save as _save
    _save(m, f)


def load(f, map_location=None, _extra_files=None, _restore_shapes: bool = False):
    """Load a module written by :func:`save`."""
    from .serialization import load as _load
    return _load(f, map_location=map_location, weights_only=False)


def ignore(drop=False, **kwargs):
    """Decorator marking a method to be left to Python (a no-op here)."""
    if callable(drop):
        return drop
    return lambda fn: fn


def unused(fn):
    return fn


def export(fn):
    return fn


def interface(obj):
    return obj


def script_if_tracing(fn):
    return fn


def annotate(the_type, the_value):
    return the_value


def Attribute(value, type=None):  # noqa: A002,N802
    return value


def is_scripting() -> bool:
    """False: gradkit code always runs as Python."""
    return False


def is_tracing() -> bool:
    return False


def freeze(mod, preserved_attrs=None, optimize_numerics: bool = True):
    return mod


def optimize_for_inference(mod, other_methods=None):
    return mod


class _Future:
    def __init__(self, value) -> None:
        self._value = value

    def wait(self):
        return self._value


def fork(func, *args, **kwargs) -> _Future:
    return _Future(func(*args, **kwargs))


def wait(future: _Future):
    return future.wait()
