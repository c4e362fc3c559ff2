"""``torch.nn.utils.init``: build a module without running its parameter initialization."""
from __future__ import annotations

import inspect

__all__ = ["skip_init"]


def skip_init(module_cls, *args, **kwargs):
    """Construct ``module_cls(*args, **kwargs)`` with uninitialized parameters: the global random state is left
    exactly as it was (no random numbers are drawn for the initialization)."""
    if "device" not in inspect.signature(module_cls).parameters:
        raise RuntimeError("Module must support a 'device' arg to skip initialization")
    from ... import random as R
    state = R.get_rng_state()
    try:
        return module_cls(*args, **kwargs)
    finally:
        R.set_rng_state(state)
