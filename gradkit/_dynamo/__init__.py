"""``torch._dynamo``: gradkit runs eagerly, so this holds the wrapper ``torch.compile`` returns and no-op knobs."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import config
from .eval_frame import OptimizedModule

__all__ = ["config", "OptimizedModule", "reset", "disable", "is_compiling", "optimize", "explain", "allow_in_graph",
           "mark_dynamic", "mark_static"]


def reset() -> None:
    """Clear compile caches (there are none in gradkit)."""


def is_compiling() -> bool:
    """Whether code is being traced by the compiler: never in gradkit."""
    return False


def disable(fn: Callable | None = None, recursive: bool = True, *, reason: str | None = None) -> Any:
    """Exclude ``fn`` from compilation; here it is returned unchanged (or a decorator that does so)."""
    if fn is None:
        return lambda f: f
    return fn


def allow_in_graph(fn: Callable) -> Callable:
    """Mark ``fn`` as traceable as is; returns ``fn``."""
    return fn


def optimize(backend: Any = "inductor", *, nopython: bool = False, disable: bool = False, **kwargs: Any) -> Callable:
    """A decorator that wraps a module the way ``torch.compile`` does (functions are returned as they are)."""
    from .eval_frame import _wrap
    return lambda model: model if disable else _wrap(model)


def explain(fn: Callable, *args: Any, **kwargs: Any) -> Any:
    raise NotImplementedError("torch._dynamo.explain: gradkit has no graph compiler")


def mark_dynamic(t: Any, index: Any, **kwargs: Any) -> None:
    """Hint that dimension ``index`` of ``t`` varies; ignored."""


def mark_static(t: Any, index: Any = None) -> None:
    """Hint that dimension ``index`` of ``t`` is fixed; ignored."""
