"""Graph nodes: each non-leaf tensor's ``grad_fn`` and each leaf's gradient accumulator."""
from __future__ import annotations

from .._dtype import TorchNamed

__all__ = ["Node", "AccumulateGrad", "FREED", "saved_tensors_hooks", "save_on_cpu", "disable_saved_tensors_hooks"]

_NUM = (int, float, bool, type(None))

FREED = ("Trying to backward through the graph a second time (or directly access saved tensors after "
         "they have already been freed). Saved intermediate values of the graph are freed when you call "
         ".backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the "
         "graph a second time or if you need to access saved tensors after calling backward.")


class _NodeNamed(TorchNamed):
    """Built-in backward nodes print bare, as torch's C++ nodes do (``<class 'MulBackward0'>``); the nodes of
    custom Functions print under ``torch.autograd.function``."""

    def __repr__(cls) -> str:
        mod = cls.__module__
        if mod.startswith("gradkit.") and mod != "gradkit.autograd.function":
            return f"<class '{cls.__qualname__}'>"
        return TorchNamed.__repr__(cls)


class Node(metaclass=_NodeNamed):
    """One recorded operation.

    ``next`` holds, per differentiable input, the node its gradient flows to (None where the input
    needs no gradient). ``s`` holds the tensors saved for backward (set to None once freed) and
    ``sv`` their versions at save time. Subclasses define ``backward(grad) -> tuple`` with one
    entry per input, written with tensor operations so the backward pass can itself be recorded.
    """

    __slots__ = ("next", "s", "sv", "pre_hooks", "hooks", "__dict__", "__weakref__")

    def __init__(self) -> None:
        self.s = ()
        self.sv = ()
        self.pre_hooks = None
        self.hooks = None

    def save(self, *tensors) -> None:
        self.s = tensors
        self.sv = [t._vc[0] if t.__class__ not in _NUM else None for t in tensors]
        if _SAVED_HOOKS:
            _pack_saved(self, tensors)

    def saved(self):
        s = self.s
        if s is None:
            raise RuntimeError(FREED)
        for t, v in zip(s, self.sv):
            if v is not None and t._vc[0] != v:
                from ._views import version_msg
                raise RuntimeError(version_msg(self, t, v))
        return s

    def release(self) -> None:
        if self.s:
            self.s = None

    def name(self) -> str:
        return type(self).__name__

    @property
    def next_functions(self) -> tuple:
        return tuple((n, 0) for n in self.next)

    @property
    def needs_input_grad(self) -> tuple:
        return tuple(n is not None for n in self.next)

    def register_hook(self, fn):
        """Run ``fn(grad_inputs, grad_outputs)`` after this node's backward."""
        from ..utils.hooks import RemovableHandle
        if self.hooks is None:
            self.hooks = {}
        h = RemovableHandle(self.hooks)
        self.hooks[h.id] = fn
        return h

    def register_prehook(self, fn):
        """Run ``fn(grad_outputs)`` before this node's backward; it may return a replacement."""
        from ..utils.hooks import RemovableHandle
        if self.pre_hooks is None:
            self.pre_hooks = {}
        h = RemovableHandle(self.pre_hooks)
        self.pre_hooks[h.id] = fn
        return h

    def __call__(self, *grads):
        return self.backward(*grads)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} object at {hex(id(self))}>"


_SAVED_HOOKS: list = []


def _pack_saved(node: Node, tensors: tuple) -> None:
    """Run the innermost pack hook on each saved tensor; ``node.saved()`` then returns the unpacked values."""
    pack, unpack = _SAVED_HOOKS[-1]
    packed = tuple(pack(t) if hasattr(t, "_data") else t for t in tensors)
    kinds = tuple(hasattr(t, "_data") for t in tensors)

    def saved():
        if node.s is None:
            raise RuntimeError(FREED)
        return tuple(unpack(p) if k else p for p, k in zip(packed, kinds))

    node.saved = saved


_SAVED_HOOKS_DISABLED: list = [None]


class saved_tensors_hooks:  # noqa: N801
    """Context manager: tensors saved for backward inside it go through ``pack_hook`` and come back through
    ``unpack_hook`` when backward reads them."""

    def __init__(self, pack_hook, unpack_hook) -> None:
        self.pack_hook = pack_hook
        self.unpack_hook = unpack_hook

    def __enter__(self):
        if _SAVED_HOOKS_DISABLED[0] is not None:
            raise RuntimeError(_SAVED_HOOKS_DISABLED[0])
        _SAVED_HOOKS.append((self.pack_hook, self.unpack_hook))
        return self

    def __exit__(self, *exc) -> None:
        _SAVED_HOOKS.pop()


class save_on_cpu(saved_tensors_hooks):  # noqa: N801
    """Saved tensors stay on the CPU (gradkit has only the CPU: the hooks pass tensors through)."""

    def __init__(self, pin_memory: bool = False, device_type: str = "cuda") -> None:
        super().__init__(lambda t: t, lambda t: t)


class disable_saved_tensors_hooks:  # noqa: N801
    """Context manager: entering ``saved_tensors_hooks`` inside it raises ``RuntimeError(error_message)``."""

    def __init__(self, error_message: str) -> None:
        self.error_message = error_message

    def __enter__(self):
        self._prev = _SAVED_HOOKS_DISABLED[0]
        _SAVED_HOOKS_DISABLED[0] = self.error_message
        return self

    def __exit__(self, *exc) -> None:
        _SAVED_HOOKS_DISABLED[0] = self._prev


class AccumulateGrad(Node):
    """Adds the gradient arriving at a leaf into the leaf's ``.grad``."""

    __slots__ = ("variable", "home", "home_refs")

    def __init__(self, variable) -> None:
        super().__init__()
        self.next = ()
        self.variable = variable
        self.home = None
        self.home_refs = 0

    def name(self) -> str:
        return "torch::autograd::AccumulateGrad"

    def release(self) -> None:
        pass
