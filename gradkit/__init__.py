"""gradkit: PyTorch's API on NumPy, with a training lab that explains why a run does not learn."""
from __future__ import annotations

import builtins as _builtins
import importlib as _importlib
import math as _math
import types as _types

from . import _blas, _dtype
from ._dtype import (bfloat16, bool, double, dtype, finfo, float, float16, float32, float64, get_default_dtype,  # noqa: A004
                     half, iinfo, int, int8, int16, int32, int64, long, promote_types, set_default_dtype, short,
                     uint8)
from ._tensor import Size, Tensor, device, typename
from .autograd import ops as _ops
from .autograd.grad_mode import (enable_grad, inference_mode, is_grad_enabled, is_inference_mode_enabled, no_grad,
                                 set_grad_enabled)
from . import _methods  # noqa: F401
from ._printing import set_printoptions
from . import autograd

from .version import __version__  # noqa: E402  (the torch API release gradkit answers to)

_OPS = [n for n, v in vars(_ops).items() if not n.startswith("_") and isinstance(v, _types.FunctionType)
        and v.__module__ == _ops.__name__]
globals().update({n: getattr(_ops, n) for n in _OPS})
from .autograd.ops import abs, all, any, max, min, pow, round, sum  # noqa: A004,E402
globals().update({n: _methods.numpy_names(getattr(_ops, n)) for n in _OPS})
from ._creation import *  # noqa: F403,E402
from . import _random_ops  # noqa: E402
from ._random_ops import (bernoulli, multinomial, normal, poisson, rand, rand_like, randint, randint_like,  # noqa: E402
                          randn, randn_like, randperm)
from .random import (Generator, default_generator, get_rng_state, initial_seed, manual_seed, seed,  # noqa: E402
                     set_rng_state)
from ._extra_api import *  # noqa: F403,E402
from ._lowrank import pca_lowrank, svd_lowrank  # noqa: E402
from ._more_ops import index_reduce, renorm  # noqa: E402


class _LegacyTensorType(type):
    """``torch.FloatTensor`` and friends: constructors of one dtype, and ``isinstance`` checks for it."""

    def __instancecheck__(cls, obj) -> bool:
        return isinstance(obj, Tensor) and obj.dtype is cls._dtype

    def __call__(cls, *args, device=None):  # noqa: F811
        from ._creation import tensor, zeros
        if len(args) == 1 and not isinstance(args[0], (_builtins.int, Size)):
            return tensor(args[0], dtype=cls._dtype)
        return zeros(*args, dtype=cls._dtype)


def _legacy(name: str, dt: dtype) -> type:
    return _LegacyTensorType(name, (), {"_dtype": dt})


FloatTensor, DoubleTensor, HalfTensor = _legacy("FloatTensor", float32), _legacy("DoubleTensor", float64), \
    _legacy("HalfTensor", float16)
LongTensor, IntTensor, ShortTensor = _legacy("LongTensor", int64), _legacy("IntTensor", int32), \
    _legacy("ShortTensor", int16)
CharTensor, ByteTensor, BoolTensor = _legacy("CharTensor", int8), _legacy("ByteTensor", uint8), \
    _legacy("BoolTensor", bool)

strided = "torch.strided"
from ._layout import channels_last, channels_last_3d, contiguous_format, memory_format, preserve_format  # noqa: E402
e = 2.718281828459045
pi = 3.141592653589793
inf = _math.inf
nan = _math.nan
newaxis = None


def is_tensor(obj) -> bool:
    """True when ``obj`` is a gradkit Tensor."""
    return isinstance(obj, Tensor)


def is_floating_point(input: Tensor) -> bool:
    return input.is_floating_point()


def is_nonzero(input: Tensor) -> bool:
    return input.__bool__()


def numel(input: Tensor) -> int:
    return input.numel()


def result_type(tensor1, tensor2) -> dtype:
    from .autograd._core import rtype
    return rtype(tensor1, tensor2)


def can_cast(from_: dtype, to: dtype) -> bool:
    return not (from_.cat > to.cat)




def set_default_tensor_type(t) -> None:
    set_default_dtype(_dtype.float64 if "Double" in str(t) else _dtype.float32)


def get_num_threads() -> int:
    """The number of threads used for large matrix products."""
    return _blas.get_num_threads()


def set_num_threads(n: int) -> None:
    """Use up to ``n`` threads for large matrix products."""
    _blas.set_num_threads(n)


_WARN_ONLY = [False]


def use_deterministic_algorithms(mode: bool, *, warn_only: bool = False) -> None:
    """Record the deterministic-algorithms setting (every gradkit kernel is deterministic already)."""
    if not isinstance(mode, _builtins.bool):
        raise TypeError(f"_set_deterministic_algorithms(): argument 'mode' (position 1) must be bool, not "
                        f"{type(mode).__name__}")
    from . import _extra_api
    _extra_api._STATE["debug_mode"] = (1 if warn_only else 2) if mode else 0
    _WARN_ONLY[0] = _builtins.bool(warn_only)


def are_deterministic_algorithms_enabled() -> bool:
    from . import _extra_api
    return _extra_api._STATE["debug_mode"] != 0


def is_deterministic_algorithms_warn_only_enabled() -> bool:
    return _WARN_ONLY[0]


def compile(model=None, **kwargs):  # noqa: A001
    """No compiler here: a module comes back wrapped in an eager ``OptimizedModule`` (as torch wraps it, so
    ``_orig_mod`` and the ``_orig_mod.``-prefixed state_dict keys match); functions come back unchanged."""
    if model is None:
        return lambda m: compile(m, **kwargs)
    if kwargs.get("mode") is not None and kwargs.get("options") is not None:
        raise RuntimeError("Either mode or options can be specified, but both can't be specified at the same time.")
    if kwargs.get("disable"):
        return model
    from ._dynamo.eval_frame import _wrap
    return _wrap(model)


_LAZY = {"nn", "optim", "utils", "random", "lab", "cuda", "backends", "linalg", "special", "distributions",
         "testing", "fft", "jit", "hub", "serialization", "multiprocessing", "cli", "onnx", "amp", "types",
         "overrides", "mps", "profiler", "datasets", "library", "export", "func", "sparse", "masked", "quantization",
         "cpu", "return_types", "version", "accelerator", "storage", "compiler", "_dynamo", "distributed",
         "xpu"}
_LAZY_ATTR = {"save": "serialization", "load": "serialization", "autocast": "amp", "polygamma": "special",
              "i0": "special", "binomial": "distributions._sampling", "_standard_gamma": "distributions._sampling",
              "_sample_dirichlet": "distributions._sampling", "_standard_gamma_grad": "distributions._sampling",
              "_dirichlet_grad": "distributions._sampling"}


_LINALG_ALIASES = {"det": "det", "inverse": "inv", "pinverse": "pinv", "slogdet": "slogdet", "svd": "svd",
                   "qr": "qr", "cholesky": "cholesky", "matrix_exp": "matrix_exp"}


def __getattr__(name: str):
    if name in _LINALG_ALIASES:
        return getattr(_importlib.import_module(f"{__name__}.linalg"), _LINALG_ALIASES[name])
    if name in _LAZY:
        try:
            return _importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as e:
            if e.name != f"{__name__}.{name}":
                raise
            raise AttributeError(f"module 'gradkit' has no attribute '{name}' (torch.{name} is not provided by "
                                 "gradkit)") from None
    if name in _LAZY_ATTR:
        return getattr(_importlib.import_module(f"{__name__}.{_LAZY_ATTR[name]}"), name)
    raise AttributeError(f"module 'gradkit' has no attribute '{name}'")

