"""Base class of all optimizers: parameter groups, lazy per-parameter state, state dicts, hooks."""
from __future__ import annotations

import functools
import sys
import warnings
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterable
from copy import deepcopy
from itertools import chain
from typing import Any

import numpy as np

from .._dtype import TorchNamed
from .._tensor import Tensor, _wrap, typename
from ..utils.hooks import RemovableHandle
from ..autograd._core import home_free, set_grad_home
from ..autograd.grad_mode import GRAD

__all__ = [
    "Optimizer",
    "register_optimizer_step_post_hook",
    "register_optimizer_step_pre_hook",
    "required",
]


class _RequiredParameter:
    """Marks an option every parameter group has to give."""

    def __repr__(self) -> str:
        return "<required parameter>"


required = _RequiredParameter()


_global_optimizer_pre_hooks: OrderedDict = OrderedDict()
_global_optimizer_post_hooks: OrderedDict = OrderedDict()


def register_optimizer_step_pre_hook(hook: Callable) -> RemovableHandle:
    """Register ``hook(optimizer, args, kwargs)`` to run before every optimizer's ``step``."""
    handle = RemovableHandle(_global_optimizer_pre_hooks)
    _global_optimizer_pre_hooks[handle.id] = hook
    return handle


def register_optimizer_step_post_hook(hook: Callable) -> RemovableHandle:
    """Register ``hook(optimizer, args, kwargs)`` to run after every optimizer's ``step``."""
    handle = RemovableHandle(_global_optimizer_post_hooks)
    _global_optimizer_post_hooks[handle.id] = hook
    return handle


_typename = typename


# ----------------------------------------------------------------------------------------------
# small helpers shared by the optimizers


def _scalar_np_dtype():
    from .._dtype import float64, get_default_dtype
    return np.float64 if get_default_dtype() is float64 else np.float32


def _new_step() -> Tensor:
    """A fresh 0-d ``step`` counter, like torch's ``torch.tensor(0.0)`` (float32 by default)."""
    return _wrap(np.zeros((), dtype=_scalar_np_dtype()))


def _scalar_tensor(value: float) -> Tensor:
    return _wrap(np.array(value, dtype=_scalar_np_dtype()))


def _get_value(x: Any) -> Any:
    """A Python number from a 0-d tensor (or the value itself)."""
    if isinstance(x, Tensor):
        return x._data.item()
    return x


def _to_scalar(x: Any) -> Any:
    """Hyper-parameter value as the kernels see it: a Tensor becomes a 0-d NumPy scalar of its
    dtype (so arithmetic with it rounds like torch's 0-d tensor arithmetic); numbers stay numbers."""
    if x.__class__ is float or x.__class__ is int or not isinstance(x, Tensor):
        return x
    return x._data.reshape(())[()]


def _as_float(x: Any) -> float:
    if isinstance(x, Tensor):
        return float(x._data.reshape(()))
    return x


def _check_lr(lr: Any) -> None:
    if isinstance(lr, Tensor) and lr.numel() != 1:
        raise ValueError("Tensor lr must be 1-element")


def _zeros_like(p: Tensor) -> Tensor:
    return _wrap(np.zeros_like(p._data))


def _bump(p: Tensor) -> None:
    p._vc[0] += 1


def _lerp_(a: np.ndarray, end: np.ndarray, weight: Any) -> None:
    """``a.lerp_(end, weight)`` with torch's two formulas (from ``a`` for small weights, from
    ``end`` otherwise), each as one multiply-add."""
    diff = end - a
    if abs(weight) < 0.5:
        diff *= weight
        a += diff
    else:
        diff *= a.dtype.type(weight) - 1
        np.add(end, diff, out=a)


def _addcmul_(a: np.ndarray, t1: np.ndarray, t2: np.ndarray, value: Any) -> None:
    """``a.addcmul_(t1, t2, value=value)``: a + (value * t1) * t2."""
    tmp = t1 * value
    tmp *= t2
    a += tmp


def _addcdiv_(a: np.ndarray, t1: np.ndarray, t2: np.ndarray, value: Any) -> None:
    """``a.addcdiv_(t1, t2, value=value)``: a + (value * t1) / t2."""
    tmp = t1 * value
    tmp /= t2
    a += tmp


def _use_grad_for_differentiable(func: Callable) -> Callable:
    """Run ``step`` with grad mode set to the optimizer's ``differentiable`` option."""

    @functools.wraps(func)
    def _use_grad(self, *args, **kwargs):
        prev = GRAD[0]
        GRAD[0] = bool(self.defaults["differentiable"])
        try:
            return func(self, *args, **kwargs)
        finally:
            GRAD[0] = prev

    return _use_grad


def _no_grad_step(func: Callable) -> Callable:
    @functools.wraps(func)
    def _step(self, *args, **kwargs):
        prev = GRAD[0]
        GRAD[0] = False
        try:
            return func(self, *args, **kwargs)
        finally:
            GRAD[0] = prev

    return _step


def _call_closure(closure: Callable | None) -> Any:
    if closure is None:
        return None
    prev = GRAD[0]
    GRAD[0] = True
    try:
        return closure()
    finally:
        GRAD[0] = prev


def _check_fused_foreach(opt: Optimizer, fused: Any, foreach: Any, differentiable: bool) -> None:
    if fused:
        if differentiable:
            raise RuntimeError("`fused` does not support `differentiable`")
        opt._step_supports_amp_scaling = True
        if foreach:
            raise RuntimeError("`fused` and `foreach` cannot be `True` together.")


def _check_fused_param(p: Tensor) -> None:
    if not p.dtype.is_floating_point:
        raise RuntimeError(
            "`fused=True` requires all the params to be floating point Tensors of "
            f"supported devices: ['mps', 'cuda', 'xpu', 'hpu', 'cpu', 'mtia', 'privateuseone'] "
            f"but {p.dtype} and cpu")


def _check_capturable(capturable: bool, what: str = "params and state_steps", xla: bool = True) -> None:
    """torch's capturable mode needs an accelerator; on the CPU its step raises this error."""
    if capturable:
        devices = "['cuda', 'xpu', 'hpu', 'privateuseone', 'xla']" if xla else \
            "['cuda', 'xpu', 'hpu', 'privateuseone']"
        raise AssertionError(f"If capturable=True, {what} must be on supported devices: {devices}.")


def _upgrade_steps(opt: Optimizer, keys: tuple[str, ...] = ("step",),
                   group_defaults: dict[str, Any] | None = None) -> None:
    """After loading an older state dict: fill in options it lacks and turn Python-number
    counters into 0-d tensors."""
    for group in opt.param_groups:
        if group_defaults:
            for k, v in group_defaults.items():
                group.setdefault(k, v)
        for p in group["params"]:
            st = opt.state.get(p)
            if not st:
                continue
            for key in keys:
                if key in st and not isinstance(st[key], Tensor):
                    st[key] = _scalar_tensor(float(st[key]))


# ----------------------------------------------------------------------------------------------


class Optimizer(metaclass=TorchNamed):
    """Base class for all optimizers.

    ``params`` is an iterable of tensors, of ``(name, tensor)`` pairs, or of dicts defining
    parameter groups (each may override entries of ``defaults``).
    """

    def __init__(self, params: Any, defaults: dict[str, Any]) -> None:
        self.defaults = defaults
        self._optimizer_step_pre_hooks: OrderedDict = OrderedDict()
        self._optimizer_step_post_hooks: OrderedDict = OrderedDict()
        self._optimizer_state_dict_pre_hooks: OrderedDict = OrderedDict()
        self._optimizer_state_dict_post_hooks: OrderedDict = OrderedDict()
        self._optimizer_load_state_dict_pre_hooks: OrderedDict = OrderedDict()
        self._optimizer_load_state_dict_post_hooks: OrderedDict = OrderedDict()
        self._patch_step_function()

        if isinstance(params, Tensor):
            raise TypeError("params argument given to the optimizer should be an iterable of "
                            "Tensors or dicts, but got " + params.type())

        self.state: defaultdict = defaultdict(dict)
        self.param_groups: list[dict[str, Any]] = []

        param_groups = list(params)
        if len(param_groups) == 0:
            raise ValueError("optimizer got an empty parameter list")
        if not isinstance(param_groups[0], dict):
            param_groups = [{"params": param_groups}]
        for param_group in param_groups:
            self.add_param_group(param_group)
        self._warned_capturable_if_run_uncaptured = True

    def __getstate__(self) -> dict[str, Any]:
        return {"defaults": self.defaults, "state": self.state, "param_groups": self.param_groups}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self.__dict__.pop("_flat_cache", None)
        for name in ("_optimizer_step_pre_hooks", "_optimizer_step_post_hooks",
                     "_optimizer_state_dict_pre_hooks", "_optimizer_state_dict_post_hooks",
                     "_optimizer_load_state_dict_pre_hooks", "_optimizer_load_state_dict_post_hooks"):
            if name not in self.__dict__:
                setattr(self, name, OrderedDict())
        self._patch_step_function()
        self.defaults.setdefault("differentiable", False)

    def __repr__(self) -> str:
        out = self.__class__.__name__ + " ("
        for i, group in enumerate(self.param_groups):
            out += f"\nParameter Group {i}\n"
            for key in sorted(group.keys()):
                if key != "params":
                    out += f"    {key}: {group[key]}\n"
        return out + ")"

    # -- step and its hooks ---------------------------------------------------------------------

    @staticmethod
    def profile_hook_step(func: Callable) -> Callable:
        """Wrap ``step`` so that the step pre- and post-hooks run around it."""

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            self = args[0]
            if _global_optimizer_pre_hooks or self._optimizer_step_pre_hooks:
                for pre_hook in chain(_global_optimizer_pre_hooks.values(),
                                      self._optimizer_step_pre_hooks.values()):
                    result = pre_hook(self, args, kwargs)
                    if result is not None:
                        if isinstance(result, tuple) and len(result) == 2:
                            args, kwargs = result
                        else:
                            raise RuntimeError(f"{func} must return None or a tuple of "
                                               f"(new_args, new_kwargs), but got {result}.")
            out = func(*args, **kwargs)
            self._optimizer_step_code()
            if self._optimizer_step_post_hooks or _global_optimizer_post_hooks:
                for post_hook in chain(self._optimizer_step_post_hooks.values(),
                                       _global_optimizer_post_hooks.values()):
                    post_hook(self, args, kwargs)
            return out

        return wrapper

    def _optimizer_step_code(self) -> None:
        """Called after each ``step``; a place for profilers to hook into."""

    def _patch_step_function(self) -> None:
        self._zero_grad_profile_name = f"Optimizer.zero_grad#{self.__class__.__name__}.zero_grad"
        hooked = getattr(self.__class__.step, "hooked", None)
        if not hooked:
            self.__class__.step = self.profile_hook_step(self.__class__.step)
            self.__class__.step.hooked = True

    def _accelerator_graph_capture_health_check(self) -> None:
        """Graph capture does not exist on the CPU: nothing to check."""

    def register_step_pre_hook(self, hook: Callable) -> RemovableHandle:
        """Register ``hook(optimizer, args, kwargs) -> None or (args, kwargs)`` to run before ``step``."""
        handle = RemovableHandle(self._optimizer_step_pre_hooks)
        self._optimizer_step_pre_hooks[handle.id] = hook
        return handle

    def register_step_post_hook(self, hook: Callable) -> RemovableHandle:
        """Register ``hook(optimizer, args, kwargs)`` to run after ``step``."""
        handle = RemovableHandle(self._optimizer_step_post_hooks)
        self._optimizer_step_post_hooks[handle.id] = hook
        return handle

    @staticmethod
    def _register(hooks: OrderedDict, hook: Callable, prepend: bool) -> RemovableHandle:
        handle = RemovableHandle(hooks)
        hooks[handle.id] = hook
        if prepend:
            hooks.move_to_end(handle.id, last=False)
        return handle

    def register_state_dict_pre_hook(self, hook: Callable, prepend: bool = False) -> RemovableHandle:
        """Register ``hook(optimizer)`` to run before ``state_dict()`` builds its result."""
        return self._register(self._optimizer_state_dict_pre_hooks, hook, prepend)

    def register_state_dict_post_hook(self, hook: Callable, prepend: bool = False) -> RemovableHandle:
        """Register ``hook(optimizer, state_dict) -> state_dict or None`` to run after ``state_dict()``."""
        return self._register(self._optimizer_state_dict_post_hooks, hook, prepend)

    def register_load_state_dict_pre_hook(self, hook: Callable, prepend: bool = False) -> RemovableHandle:
        """Register ``hook(optimizer, state_dict) -> state_dict or None`` to run before loading."""
        return self._register(self._optimizer_load_state_dict_pre_hooks, hook, prepend)

    def register_load_state_dict_post_hook(self, hook: Callable, prepend: bool = False) -> RemovableHandle:
        """Register ``hook(optimizer)`` to run after ``load_state_dict``."""
        return self._register(self._optimizer_load_state_dict_post_hooks, hook, prepend)

    # -- state dicts ----------------------------------------------------------------------------

    def state_dict(self) -> dict[str, Any]:
        """The optimizer's state: ``state`` keyed by parameter index and ``param_groups`` holding
        every option with the parameters replaced by their indices."""
        for pre_hook in self._optimizer_state_dict_pre_hooks.values():
            pre_hook(self)
        param_mappings: dict[int, int] = {}
        start_index = 0

        def pack_group(group: dict[str, Any]) -> dict[str, Any]:
            nonlocal start_index
            packed = {k: v for k, v in group.items() if k != "params"}
            for i, p in enumerate(group["params"], start_index):
                if id(p) not in param_mappings:
                    param_mappings[id(p)] = i
            packed["params"] = [param_mappings[id(p)] for p in group["params"]]
            start_index += len(packed["params"])
            return packed

        param_groups = [pack_group(g) for g in self.param_groups]
        packed_state = {(param_mappings[id(k)] if isinstance(k, Tensor) else k): v
                        for k, v in self.state.items()}
        state_dict = {"state": packed_state, "param_groups": param_groups}
        for post_hook in self._optimizer_state_dict_post_hooks.values():
            result = post_hook(self, state_dict)
            if result is not None:
                state_dict = result
        return state_dict

    @staticmethod
    def _process_value_according_to_param_policy(param: Tensor, value: Tensor, param_id: Any,
                                                  param_groups: list[dict[str, Any]],
                                                  key: Any = None) -> Tensor:
        fused = capturable = False
        for pg in param_groups:
            if param_id in pg["params"]:
                fused = pg.get("fused", False)
                capturable = pg.get("capturable", False)
                break
        if key == "step":
            if (capturable or fused) and value._data.dtype != np.float32:
                return _wrap(value._data.astype(np.float32))
            return value
        if param._data.dtype.kind == "f" and value._data.dtype != param._data.dtype:
            return _wrap(value._data.astype(param._data.dtype))
        return value

    def load_state_dict(self, state_dict: dict[str, Any]) -> None:
        """Load a state produced by :meth:`state_dict` (of this or a like-built optimizer)."""
        state_dict = state_dict.copy()
        for pre_hook in self._optimizer_load_state_dict_pre_hooks.values():
            result = pre_hook(self, state_dict)
            if result is not None:
                state_dict = result
        groups = self.param_groups
        saved_groups = deepcopy(state_dict["param_groups"])
        if len(groups) != len(saved_groups):
            raise ValueError("loaded state dict has a different number of parameter groups")
        if any(len(g["params"]) != len(s["params"]) for g, s in zip(groups, saved_groups)):
            raise ValueError("loaded state dict contains a parameter group "
                             "that doesn't match the size of optimizer's group")
        id_map = dict(zip(chain.from_iterable(g["params"] for g in saved_groups),
                          chain.from_iterable(g["params"] for g in groups)))

        def _cast(param, value, param_id=None, param_groups=None, key=None):
            if isinstance(value, Tensor):
                return Optimizer._process_value_according_to_param_policy(
                    param, value, param_id, param_groups, key)
            if isinstance(value, dict):
                return {k: _cast(param, v, param_id=param_id, param_groups=param_groups, key=k)
                        for k, v in value.items()}
            if isinstance(value, Iterable) and not isinstance(value, (str, bytes)):
                return type(value)(_cast(param, v, param_id=param_id, param_groups=param_groups)
                                   for v in value)
            return value

        state: defaultdict = defaultdict(dict)
        for k, v in state_dict["state"].items():
            if k in id_map:
                param = id_map[k]
                state[param] = _cast(param, v, param_id=k, param_groups=state_dict["param_groups"])
            else:
                state[k] = v

        def update_group(group: dict[str, Any], new_group: dict[str, Any]) -> dict[str, Any]:
            new_group["params"] = group["params"]
            if "param_names" in group and "param_names" not in new_group:
                new_group["param_names"] = group["param_names"]
            return new_group

        param_groups = [update_group(g, ng) for g, ng in zip(groups, saved_groups)]
        self.__setstate__({"state": state, "param_groups": param_groups})
        for post_hook in self._optimizer_load_state_dict_post_hooks.values():
            post_hook(self)

    # -- gradients and groups -------------------------------------------------------------------

    def zero_grad(self, set_to_none: bool = True) -> None:
        """Reset the gradients of all optimized tensors: to ``None`` (default) or to zeros."""
        for group in self.param_groups:
            for p in group["params"]:
                g = p._grad
                if g is not None:
                    if set_to_none:
                        p._grad = None
                    else:
                        if g.grad_fn is not None:
                            g.grad_fn = None
                        g.requires_grad = False
                        g._data[...] = 0
                        g._vc[0] += 1

    def step(self, closure: Callable | None = None) -> Any:
        """Perform one optimization step (re-evaluating the loss with ``closure`` if given)."""
        raise NotImplementedError

    def add_param_group(self, param_group: dict[str, Any]) -> None:
        """Add a parameter group (a dict with ``params`` and optional per-group options)."""
        if not isinstance(param_group, dict):
            raise TypeError(f"param_group must be a dict, but got {type(param_group)}")
        params = param_group["params"]
        if isinstance(params, Tensor):
            param_group["params"] = [params]
        elif isinstance(params, set):
            raise TypeError("optimizer parameters need to be organized in ordered collections, but "
                            "the ordering of tensors in sets will change between runs. "
                            "Please use a list instead.")
        else:
            param_group["params"] = list(params)

        tensors = []
        names = []
        for param in param_group["params"]:
            if isinstance(param, tuple):
                names.append(param[0])
                tensors.append(param[1])
            else:
                tensors.append(param)
        param_group["params"] = tensors
        if names:
            if len(names) == len(tensors):
                param_group["param_names"] = names
            else:
                raise ValueError("all optimizer params should be with/without names. "
                                 "Some param names are missing")

        for param in param_group["params"]:
            if not isinstance(param, Tensor):
                raise TypeError("optimizer can only optimize Tensors, "
                                "but one of the params is " + _typename(param))
            if not self.defaults.get("differentiable", None) and not (
                    param.is_leaf or getattr(param, "retains_grad", False)):
                raise ValueError("can't optimize a non-leaf Tensor")

        for name, default in self.defaults.items():
            if default is required and name not in param_group:
                raise ValueError("parameter group didn't specify a value of required "
                                 f"optimization parameter {name}")
            param_group.setdefault(name, default)

        params = param_group["params"]
        if len(params) != len({id(p) for p in params}):
            warnings.warn("optimizer contains a parameter group with duplicate parameters; "
                          "in future, this will cause an error; "
                          "see github.com/pytorch/pytorch/issues/40967 for more information",
                          stacklevel=3)

        param_set: set[int] = set()
        for group in self.param_groups:
            param_set.update(id(p) for p in group["params"])
            if ("param_names" in param_group) != ("param_names" in group):
                txt = "with names" if "param_names" in param_group else "without names"
                raise ValueError("all optimizer param groups should be with/without names. "
                                 f"cannot add param group {txt} to the optimizer")
        if not param_set.isdisjoint(id(p) for p in param_group["params"]):
            raise ValueError("some parameters appear in more than one parameter group")
        self.param_groups.append(param_group)


# ----------------------------------------------------------------------------------------------
# the flat ("foreach") path: one kernel call over a whole parameter group


class _FlatGroup:
    """Flat buffers of one parameter group for the foreach path.

    ``param`` holds every parameter of the group end to end; each parameter's ``_data`` is made a
    view of it where nothing else holds the parameter's array (otherwise its values are copied in
    before and out after the update). ``bufs[key]`` holds a state entry of every parameter end to
    end, and the tensors in ``optimizer.state`` have views of it as their ``_data``. ``steps`` does
    the same for 0-d step counters.
    """

    __slots__ = ("group", "state", "params", "n", "dtype", "shapes", "sizes", "param", "pviews", "grad",
                 "gviews", "sts", "bufs", "checks", "steps", "step_key")

    def __init__(self, group: dict[str, Any], state: Any, params: list, dtype: np.dtype) -> None:
        self.group = group
        self.state = state
        self.params = list(params)
        self.n = len(params)
        self.dtype = dtype
        self.shapes = [p._data.shape for p in params]
        self.sizes = [p._data.size for p in params]
        total = sum(self.sizes)
        self.param = np.empty(total, dtype)
        self.grad = np.empty(total, dtype)
        self.pviews = self._views(self.param)
        self.gviews = self._views(self.grad)
        self.sts: list[dict | None] = [state.get(p) for p in params]
        self.bufs: dict[str, np.ndarray | None] = {}
        self.checks: list[tuple[dict, str, Tensor, np.ndarray]] = []
        self.steps: np.ndarray | None = None
        self.step_key: str | None = None
        for p, v, gv in zip(params, self.pviews, self.gviews):
            a = p._data
            v[...] = a
            del a
            self._install(p, v)
            set_grad_home(p, gv, 1, self.n + 1)

    @staticmethod
    def _install(p: Tensor, v: np.ndarray) -> None:
        """Make ``v`` the parameter's array when no other array, view or tensor shares the old one."""
        a = p._data
        if a.base is None and a.flags.c_contiguous and sys.getrefcount(a) == 3:
            p._data = v

    def _views(self, flat: np.ndarray) -> list[np.ndarray]:
        out = []
        off = 0
        for shape, size in zip(self.shapes, self.sizes):
            out.append(flat[off:off + size].reshape(shape))
            off += size
        return out

    def adopt(self, key: str, flat: np.ndarray, tensors: list[Tensor] | None = None) -> None:
        """Make ``flat`` the buffer of state entry ``key``: copy ``tensors`` (the current per-parameter
        values) in and point them at their views, or create the per-parameter entries."""
        views = self._views(flat)
        state = self.state
        for i, (p, v) in enumerate(zip(self.params, views)):
            if tensors is None:
                t = _wrap(v)
                st = state[p]
                st[key] = t
                self.sts[i] = st
            else:
                t = tensors[i]
                v[...] = t._data
                t._data = v
                st = self.sts[i]
            self.checks.append((st, key, t, v))
        self.bufs[key] = flat

    def adopt_steps(self, key: str, tensors: list[Tensor] | None, np_dtype: Any) -> None:
        """Like :meth:`adopt` for 0-d step counters."""
        steps = np.zeros(self.n, np_dtype)
        state = self.state
        for i, p in enumerate(self.params):
            v = steps[i:i + 1].reshape(())
            if tensors is None:
                t = _wrap(v)
                st = state[p]
                st[key] = t
                self.sts[i] = st
            else:
                t = tensors[i]
                v[...] = t._data
                t._data = v
                st = self.sts[i]
            self.checks.append((st, key, t, v))
        self.steps = steps
        self.step_key = key

    def gather(self, state: Any) -> bool:
        """Check that the group, its gradients and its state still fit these buffers; copy in the
        gradients that backward did not write straight into ``grad`` (and any parameter not viewing
        ``param``). False: take the per-parameter path."""
        params = self.group["params"]
        if state is not self.state or len(params) != self.n:
            return False
        dt = self.dtype
        gviews = self.gviews
        # no local name may hold a gradient view here: home_free counts references to it
        for i, (p, q, v, st) in enumerate(zip(params, self.params, self.pviews, self.sts)):
            if p is not q:
                return False
            g = p._grad
            if g is None:
                return False
            gd = g._data
            acc = p._accum
            if acc is None or acc.home is not gviews[i]:
                return False
            if gd is not acc.home:
                # not written in place by backward: copy it in, unless an earlier gradient still lives there
                if gd.dtype != dt or gd.shape != acc.home.shape or not home_free(acc):
                    return False
                acc.home[...] = gd
            if st is not None and state.get(p) is not st:
                return False
            a = p._data
            if a is not v:
                if a.shape != v.shape or a.dtype != dt:
                    return False
                v[...] = a
                del a
                self._install(p, v)
        for st, key, t, v in self.checks:
            if st.get(key) is not t or t._data is not v:
                return False
        return True

    def scatter(self) -> None:
        """Copy the updated values to parameters not viewing ``param``; bump every version counter."""
        for p, v in zip(self.params, self.pviews):
            if p._data is not v:
                p._data[...] = v
            p._vc[0] += 1


# Above this size a group's elementwise work outweighs the per-parameter call overhead, and the
# extra gradient copy and the large temporaries make the flat path slower.
_FLAT_MAX_NUMEL = 1 << 17
_FLAT_NUMEL_PER_PARAM = 1 << 14


def _flat_eligible(group: dict[str, Any]) -> bool:
    return group.get("foreach") is not False and not group.get("differentiable") and not group.get("fused") \
        and not group.get("capturable")


def _drop_flat(opt: Optimizer, group: dict[str, Any]) -> None:
    cache = opt.__dict__.get("_flat_cache")
    if cache:
        cache.pop(id(group), None)


def _flat_group(opt: Optimizer, group: dict[str, Any], keys: tuple[str, ...], step_key: str | None,
                create: bool) -> _FlatGroup | None:
    """The group's flat buffers, synced for this step (gradients gathered into ``grad``), or None when
    the group takes the per-parameter path (the cached buffers are then dropped, since that path
    may touch only some parameters' state).

    ``keys`` name the parameter-shaped state entries and ``step_key`` a 0-d step counter. Either
    every parameter has all of them (they are copied into flat buffers) or none has any; then
    ``create`` makes them (zeros), otherwise their buffers stay None for the step to fill in.
    """
    cache = opt.__dict__.get("_flat_cache")
    if cache is None:
        cache = opt.__dict__["_flat_cache"] = {}
    fg = cache.get(id(group))
    if fg is not None and fg.group is group and fg.gather(opt.state):
        return fg
    cache.pop(id(group), None)
    fg = _build_flat(opt, group, keys, step_key, create)
    if fg is None or not fg.gather(opt.state):
        return None
    cache[id(group)] = fg
    return fg


def _build_flat(opt: Optimizer, group: dict[str, Any], keys: tuple[str, ...], step_key: str | None,
                create: bool) -> _FlatGroup | None:
    params = group["params"]
    if not params or len({id(p) for p in params}) != len(params):
        return None
    if sum(p._data.size for p in params) > max(_FLAT_MAX_NUMEL, _FLAT_NUMEL_PER_PARAM * len(params)):
        return None
    dtype = params[0]._data.dtype
    if dtype.kind != "f":
        return None
    state = opt.state
    all_keys = keys + ((step_key,) if step_key else ())
    have = []
    for p in params:
        if p.grad is None or p._data.dtype != dtype:
            return None
        st = state.get(p)
        if all_keys and st and all(k in st for k in all_keys):
            have.append(True)
        elif st and any(k in st for k in all_keys):
            return None
        else:
            have.append(False)
    loaded = all(have)
    if any(have) and not loaded:
        return None
    if loaded:
        for key in keys:
            for p in params:
                t = state[p][key]
                if not isinstance(t, Tensor) or t._data.dtype != dtype or t._data.shape != p._data.shape:
                    return None
        if step_key:
            sdt = state[params[0]][step_key]
            if not isinstance(sdt, Tensor):
                return None
            sdt = sdt._data.dtype
            for p in params:
                t = state[p][step_key]
                if not isinstance(t, Tensor) or t._data.dtype != sdt or t._data.shape != ():
                    return None
    fg = _FlatGroup(group, state, params, dtype)
    if loaded:
        if step_key:
            fg.adopt_steps(step_key, [state[p][step_key] for p in params], sdt)
        for key in keys:
            fg.adopt(key, np.empty(fg.param.size, dtype), [state[p][key] for p in params])
    elif create:
        if step_key:
            fg.adopt_steps(step_key, None, _scalar_np_dtype())
        for key in keys:
            fg.adopt(key, np.zeros(fg.param.size, dtype))
    else:
        for key in keys:
            fg.bufs[key] = None
    return fg


def _next_step(fg: _FlatGroup) -> float | None:
    """Advance the group's step counters by one and return the common value (None, untouched, when
    they differ)."""
    steps = fg.steps
    values = steps.tolist()
    if values.count(values[0]) != len(values):
        return None
    steps += 1
    return steps[0].item()
