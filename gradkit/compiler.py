"""``torch.compiler``: gradkit always runs eagerly, so these answer "not compiling" and pass callables through."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["compile", "reset", "allow_in_graph", "assume_constant_result", "disable", "is_compiling",
           "is_dynamo_compiling", "is_exporting", "cudagraph_mark_step_begin", "list_backends", "set_stance",
           "wrap_numpy"]


def compile(*args: Any, **kwargs: Any) -> Any:  # noqa: A001
    """Same as ``torch.compile``."""
    import gradkit
    return gradkit.compile(*args, **kwargs)


def reset() -> None:
    """Clear compile caches (gradkit has none)."""


def allow_in_graph(fn: Callable) -> Callable:
    return fn


def assume_constant_result(fn: Callable) -> Callable:
    return fn


def wrap_numpy(fn: Callable) -> Callable:
    return fn


def disable(fn: Callable | None = None, recursive: bool = True, *, reason: str | None = None) -> Any:
    """Exclude ``fn`` from compilation: returned unchanged (or a decorator that does so)."""
    if fn is None:
        return lambda f: f
    return fn


def is_compiling() -> bool:
    """True while traced by the compiler; never in gradkit."""
    return False


def is_dynamo_compiling() -> bool:
    return False


def is_exporting() -> bool:
    return False


def cudagraph_mark_step_begin() -> None:
    """Marks a new iteration for CUDA graphs; nothing to do here."""


def list_backends(exclude_tags: tuple = ("debug", "experimental")) -> list[str]:
    return ["cudagraphs", "inductor", "openxla", "tvm"]


class set_stance:  # noqa: N801
    """Context manager / decorator changing how compiled code runs; a no-op here."""

    def __init__(self, stance: str = "default", *, skip_guard_eval_unsafe: bool = False, force_backend=None) -> None:
        self.stance = stance

    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: Any) -> None:
        return None

    def __call__(self, fn: Callable) -> Callable:
        return fn
