"""``torch.nn.utils.stateless``: call a module with some of its parameters and buffers replaced by other
tensors, leaving the module itself unchanged afterwards."""
from __future__ import annotations

import contextlib
from typing import Any

from ..modules.module import Module

__all__ = ["functional_call"]

_MISSING = object()


def _tied_names(module: Module) -> dict:
    """id(tensor) -> every dotted name under which ``module`` holds that parameter or buffer."""
    groups: dict = {}
    for name, t in list(module.named_parameters(remove_duplicate=False)) + \
            list(module.named_buffers(remove_duplicate=False)):
        groups.setdefault(id(t), []).append(name)
    return {k: v for k, v in groups.items() if len(v) > 1}


def _resolve(module: Module, name: str):
    *path, attr = name.split(".")
    sub = module
    for p in path:
        sub = getattr(sub, p)
    return sub, attr


def _swap(sub: Module, attr: str, value):
    """Put ``value`` in place of ``sub.<attr>``; return what is needed to undo it."""
    for store in ("_parameters", "_buffers"):
        d = sub.__dict__.get(store, {})
        if attr in d:
            old = d[attr]
            d[attr] = value
            return store, old
    old = sub.__dict__.get(attr, _MISSING)
    object.__setattr__(sub, attr, value)
    return "__dict__", old


def _undo(sub: Module, attr: str, store: str, old) -> None:
    if store == "__dict__":
        if old is _MISSING:
            sub.__dict__.pop(attr, None)
        else:
            sub.__dict__[attr] = old
    else:
        sub.__dict__[store][attr] = old


@contextlib.contextmanager
def _reparametrize_module(module: Module, tensors: dict, tie_weights: bool = True, strict: bool = False):
    tensors = dict(tensors)
    if tie_weights:
        for names in _tied_names(module).values():
            given = [n for n in names if n in tensors]
            if not given:
                continue
            vals = {id(tensors[n]) for n in given}
            if len(vals) > 1:
                raise ValueError(f"functional_call got multiple values for keys {sorted(given)}, which are tied. "
                                 "Consider using tie_weights=False")
            for n in names:
                tensors.setdefault(n, tensors[given[0]])
    if strict:
        known = {n for n, _ in module.named_parameters(remove_duplicate=False)} | \
                {n for n, _ in module.named_buffers(remove_duplicate=False)}
        missing = sorted(known - set(tensors))
        unexpected = sorted(set(tensors) - known)
        if missing or unexpected:
            msgs = []
            if unexpected:
                msgs.append("Unexpected key(s): " + ", ".join(repr(k) for k in unexpected) + ".")
            if missing:
                msgs.append("Missing key(s): " + ", ".join(repr(k) for k in missing) + ".")
            raise RuntimeError(f"Error(s) in reparametrizing for {module._get_name()}:\n\t" + "\n\t".join(msgs))
    undo = []
    try:
        for name, value in tensors.items():
            sub, attr = _resolve(module, name)
            undo.append((sub, attr, *_swap(sub, attr, value)))
        yield
    finally:
        for sub, attr, store, old in reversed(undo):
            _undo(sub, attr, store, old)


def _functional_call(module: Module, parameters_and_buffers: dict, args: Any = None, kwargs: dict | None = None, *,
                     tie_weights: bool = True, strict: bool = False):
    if args is None:
        args = ()
    elif not isinstance(args, tuple):
        args = (args,)
    with _reparametrize_module(module, parameters_and_buffers, tie_weights=tie_weights, strict=strict):
        return module(*args, **(kwargs or {}))


def functional_call(module: Module, parameters_and_buffers: dict, args: Any = None, kwargs: dict | None = None, *,
                    tie_weights: bool = True, strict: bool = False):
    """Deprecated spelling of ``torch.func.functional_call`` (one dict of replacement tensors)."""
    import warnings
    warnings.warn("`torch.nn.utils.stateless.functional_call` is deprecated as of PyTorch 2.0 and will be removed in "
                  "a future version of PyTorch. Please use `torch.func.functional_call` instead which is a drop-in "
                  "replacement.", FutureWarning, stacklevel=2)
    return _functional_call(module, parameters_and_buffers, args, kwargs, tie_weights=tie_weights, strict=strict)
