"""``torch.nn``: modules, parameters and their utilities."""
from . import functional, init, modules, parameter, utils
from .modules import *  # noqa: F403
from .modules import __all__ as _modules_all
from .parameter import Buffer, Parameter, UninitializedBuffer, UninitializedParameter
from . import attention, grad, parallel  # noqa: E402
from .parallel import DataParallel  # noqa: E402

__all__ = ["Parameter", "Buffer", "UninitializedParameter", "UninitializedBuffer", "functional", "init", "modules",
           "parameter", "utils", "factory_kwargs", "parallel", "DataParallel", "attention", "grad",
           *_modules_all]


def factory_kwargs(kwargs: dict | None) -> dict:
    """Merge ``device``/``dtype``/``memory_format`` and a nested ``factory_kwargs`` dict into one dict."""
    if kwargs is None:
        return {}
    simple_keys = {"device", "dtype", "memory_format"}
    expected_keys = simple_keys | {"factory_kwargs"}
    if not kwargs.keys() <= expected_keys:
        raise TypeError(f"unexpected kwargs {kwargs.keys() - expected_keys}")
    r = dict(kwargs.get("factory_kwargs", {}))
    for k in simple_keys:
        if k in kwargs:
            if k in r:
                raise TypeError(f"{k} specified twice, in **kwargs and in factory_kwargs")
            r[k] = kwargs[k]
    return r

functional.grad = grad
