"""Grad mode: whether operations record the graph for backward."""
from __future__ import annotations

import functools

__all__ = ["no_grad", "enable_grad", "set_grad_enabled", "inference_mode", "is_grad_enabled",
           "is_inference_mode_enabled"]

# One mutable cell read by every op: index 0 is "grad mode on".
GRAD = [True]
INFERENCE = [False]


def is_grad_enabled() -> bool:
    """True when operations on tensors that require grad are recorded for backward."""
    return GRAD[0]


def is_inference_mode_enabled() -> bool:
    return INFERENCE[0]


class _Mode:
    """Base of the grad-mode context managers; each also works as a decorator."""

    _target = True

    def __enter__(self) -> None:
        self._prev = GRAD[0]
        GRAD[0] = self._target

    def __exit__(self, *exc) -> None:
        GRAD[0] = self._prev

    def __call__(self, fn):
        if isinstance(fn, type):
            raise TypeError(f"{type(self).__name__} can only decorate functions, not classes")
        mode = type(self)
        if getattr(getattr(fn, "__code__", None), "co_flags", 0) & 0x20:
            @functools.wraps(fn)
            def gen_wrapper(*args, **kwargs):
                gen = fn(*args, **kwargs)
                with mode():
                    value = next(gen)
                while True:
                    try:
                        sent = yield value
                    except GeneratorExit:
                        gen.close()
                        raise
                    with mode():
                        try:
                            value = gen.send(sent)
                        except StopIteration as stop:
                            return stop.value
            return gen_wrapper

        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            with mode():
                return fn(*args, **kwargs)
        return wrapper

    def clone(self):
        return type(self)()


class _NoParam(_Mode):
    """Also usable as a bare decorator: ``@no_grad`` as well as ``@no_grad()``."""

    def __new__(cls, orig_func=None):
        if orig_func is None:
            return super().__new__(cls)
        return cls()(orig_func)


class no_grad(_NoParam):
    """Context manager / decorator that disables gradient recording."""

    _target = False


class enable_grad(_NoParam):
    """Context manager / decorator that enables gradient recording."""

    _target = True


class set_grad_enabled(_Mode):
    """Set grad mode on or off; works as a function, a context manager and a decorator."""

    def __init__(self, mode: bool) -> None:
        if not isinstance(mode, bool):
            name = type(mode).__name__
            name = f"numpy.{name}" if type(mode).__module__ == "numpy" else name
            raise TypeError(f"set_grad_enabled(): argument 'enabled' (position 1) must be bool, not {name}")
        self._prev = GRAD[0]
        self._target = mode
        GRAD[0] = self._target

    def __enter__(self) -> None:
        pass

    def __exit__(self, *exc) -> None:
        GRAD[0] = self._prev

    def clone(self):
        return set_grad_enabled(self._target)

    def __call__(self, fn):
        GRAD[0] = self._prev
        target = self._target

        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            with set_grad_enabled(target):
                return fn(*args, **kwargs)
        return wrapper


class inference_mode(_Mode):
    """Like ``no_grad`` (gradkit has no separate inference tensors)."""

    def __new__(cls, mode=True):
        if callable(mode):
            return cls()(mode)
        return super().__new__(cls)

    def __init__(self, mode: bool = True) -> None:
        self.mode = bool(mode)
        self._target = not mode

    def __enter__(self) -> None:
        self._prev = GRAD[0]
        self._prev_inf = INFERENCE[0]
        GRAD[0] = self._target
        INFERENCE[0] = self.mode

    def __exit__(self, *exc) -> None:
        GRAD[0] = self._prev
        INFERENCE[0] = self._prev_inf

    def clone(self):
        return inference_mode(self.mode)
