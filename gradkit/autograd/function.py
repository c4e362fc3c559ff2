"""``autograd.Function``: user-defined primitives with their own forward and backward."""
from __future__ import annotations

import numpy as np

from .._tensor import Tensor, _wrap
from .grad_mode import GRAD
from .graph import Node

__all__ = ["Function", "FunctionCtx", "once_differentiable", "BackwardCFunction"]


class _MultiGrad:
    """Gradients for several outputs of one node, summed slot by slot by the engine."""

    __slots__ = ("g",)

    def __init__(self, g: dict) -> None:
        self.g = g

    def __add__(self, other: _MultiGrad) -> _MultiGrad:
        out = dict(self.g)
        for k, v in other.g.items():
            out[k] = out[k] + v if k in out else v
        return _MultiGrad(out)


class _OutputSlot(Node):
    """Routes the gradient of output ``i`` of a multi-output Function to its node."""

    __slots__ = ("i",)

    def backward(self, g):
        return (_MultiGrad({self.i: g}),)


class FunctionCtx:
    """The ``ctx`` passed to ``forward``/``backward``: saves tensors and flags between the two."""

    def save_for_backward(self, *tensors) -> None:
        from .graph import _SAVED_HOOKS
        self._saved = tensors
        self._saved_versions = tuple(t._vc[0] if isinstance(t, Tensor) else None for t in tensors)
        if _SAVED_HOOKS:
            pack, unpack = _SAVED_HOOKS[-1]
            self._packed = (tuple(pack(t) if isinstance(t, Tensor) else t for t in tensors), unpack)

    @property
    def saved_tensors(self) -> tuple:
        saved = getattr(self, "_saved", ())
        if saved is None:
            from .graph import FREED
            raise RuntimeError(FREED)
        packed = getattr(self, "_packed", None)
        if packed is not None:
            return tuple(packed[1](p) if isinstance(t, Tensor) else p for p, t in zip(packed[0], saved))
        for t, v in zip(saved, self._saved_versions):
            if v is not None and t._vc[0] != v:
                raise RuntimeError("one of the variables needed for gradient computation has been modified by an "
                                   f"inplace operation: [{t.type()} {list(t.shape)}] is at version "
                                   f"{t._vc[0]}; expected version {v} instead.")
        return saved

    def save_for_forward(self, *tensors) -> None:
        self._saved_forward = tensors

    def mark_dirty(self, *tensors) -> None:
        self._dirty = tensors

    def mark_non_differentiable(self, *tensors) -> None:
        self._non_diff = set(map(id, tensors))

    def set_materialize_grads(self, value: bool) -> None:
        self.materialize_grads = value


class BackwardCFunction(Node, FunctionCtx):
    """The graph node of one ``Function.apply`` call; it is also that call's ``ctx``."""

    _cls = None

    def __init__(self) -> None:
        Node.__init__(self)
        self.materialize_grads = True
        self._nout = 1
        self._tensor_pos = ()
        self._out_meta = ()

    def release(self) -> None:
        if getattr(self, "_saved", None):
            self._saved = None

    @property
    def needs_input_grad(self) -> tuple:
        return self._needs

    def apply(self, *grads):
        return self._cls.backward(self, *grads)

    def backward(self, g):
        if self._nout > 1:
            gd = g.g if isinstance(g, _MultiGrad) else {0: g}
            grads = []
            for i, (shape, dt) in enumerate(self._out_meta):
                gi = gd.get(i)
                if gi is None and self.materialize_grads and shape is not None:
                    gi = _wrap(np.zeros(shape, dt))
                grads.append(gi)
        else:
            grads = [g]
        if getattr(self, "_saved", ()) is None:
            from .graph import FREED
            raise RuntimeError(FREED)
        res = self._cls.backward(self, *grads)
        if not isinstance(res, tuple):
            res = (res,)
        n_args = self._nargs
        if len(res) > n_args and all(r is None for r in res[n_args:]):
            res = res[:n_args]
        if len(res) != n_args:
            raise RuntimeError(f"function {self._cls.__name__}Backward returned an incorrect number of gradients "
                               f"(expected {n_args}, got {len(res)})")
        tpos = set(self._tensor_pos)
        for pos, r in enumerate(res):
            if r is None:
                continue
            if pos not in tpos:
                raise RuntimeError(f"function {self._cls.__name__}Backward returned a gradient different than None at "
                                   f"position {pos + 1}, but the corresponding forward input was not a Variable")
            if not isinstance(r, Tensor):
                raise RuntimeError(f"expected Variable or None (got {type(r).__name__})")
        out = []
        metas = getattr(self, "_in_meta", ())
        for k, pos in enumerate(self._tensor_pos):
            gi = res[pos] if pos < len(res) else None
            if isinstance(gi, Tensor) and k < len(metas):
                gi = _check_grad(self, k, gi, *metas[k])
            out.append(gi)
        return tuple(out)


def _check_grad(node, k: int, g: Tensor, shape: tuple, dtype) -> Tensor:
    """torch's check of a custom backward's gradient: a broadcast gradient is summed down to the input's shape,
    any other shape is an error; the dtype follows the input."""
    if g._data.shape != shape:
        try:
            ok = np.broadcast_shapes(shape, g._data.shape) == g._data.shape
        except ValueError:
            ok = False
        if not ok:
            raise RuntimeError(f"Function {type(node).__name__} returned an invalid gradient at index {k} - got "
                               f"{list(g._data.shape)} but expected shape compatible with {list(shape)}")
        from ._core import unb
        g = unb(g, shape)
    if g._data.dtype != dtype and dtype.kind == "f":
        from .._dtype import to_dtype
        g = g.to(to_dtype(dtype))
    return g


_node_classes: dict = {}
_slot_classes: dict = {}


def _slot_class(cls):
    """The per-output node type of a multi-output Function, named like its backward node (as torch shows it)."""
    sc = _slot_classes.get(cls)
    if sc is None:
        sc = type(cls.__name__ + "Backward", (_OutputSlot,), {"__slots__": ()})
        _slot_classes[cls] = sc
    return sc


def _node_class(cls):
    nc = _node_classes.get(cls)
    if nc is None:
        nc = type(getattr(cls, "_backward_name", cls.__name__ + "Backward"), (BackwardCFunction,), {"_cls": cls})
        _node_classes[cls] = nc
    return nc


class _FunctionMeta(type):
    pass


class Function(metaclass=_FunctionMeta):
    """Subclass with static ``forward(ctx, *args)`` and ``backward(ctx, *grads)``; call ``apply``."""

    generate_vmap_rule = False

    def __init__(self, *args, **kwargs) -> None:
        pass

    def __call__(self, *args, **kwargs):
        raise RuntimeError("Legacy autograd function with non-static forward method is deprecated. Please use "
                           "new-style autograd function with static forward method. "
                           "(Example: https://pytorch.org/docs/stable/autograd.html#torch.autograd.Function)")

    @staticmethod
    def forward(ctx, *args, **kwargs):
        raise NotImplementedError("You must implement the forward function for custom autograd.Function.")

    @staticmethod
    def setup_context(ctx, inputs, output):
        raise NotImplementedError

    @staticmethod
    def backward(ctx, *grad_outputs):
        raise NotImplementedError("You must implement either the backward or vjp method for your custom "
                                  "autograd.Function to use it with backward mode AD.")

    vjp = backward

    @classmethod
    def apply(cls, *args, **kwargs):
        from ._core import edge
        node = (_node_classes.get(cls) or _node_class(cls))()
        tensor_pos = []
        needs = []
        rec = False
        for i, a in enumerate(args):
            if isinstance(a, Tensor):
                tensor_pos.append(i)
                r = a.requires_grad
                needs.append(r)
                rec = rec or r
            else:
                needs.append(False)
        rec = rec and GRAD[0]
        node._tensor_pos = tensor_pos
        node._nargs = len(args)
        node._needs = tuple(needs) if rec else (False,) * len(args)
        prev = GRAD[0]
        GRAD[0] = False
        try:
            ns = cls.__dict__.get("_new_style")
            if ns is None:
                ns = _new_style(cls)
            if ns:
                out = cls.forward(*args, **kwargs)
                cls.setup_context(node, args, out)
            else:
                out = cls.forward(node, *args, **kwargs)
        finally:
            GRAD[0] = prev
        single = not isinstance(out, tuple)
        outs = (out,) if single else out
        dirty = getattr(node, "_dirty", ())
        results = []
        for o in outs:
            if isinstance(o, Tensor) and not any(o is d for d in dirty) and any(o is args[i] for i in tensor_pos):
                v = _wrap(o._data)
                v._vc = o._vc
                o = v
            results.append(o)
        if not rec:
            return results[0] if single else tuple(results)
        for d in dirty:
            if isinstance(d, Tensor) and d.requires_grad and d.grad_fn is None:
                raise RuntimeError("a leaf Variable that requires grad has been used in an in-place operation.")
        node.next = tuple(edge(args[i]) for i in tensor_pos)
        node._in_meta = tuple((args[i]._data.shape, args[i]._data.dtype) for i in tensor_pos)
        node._nout = len(results)
        non_diff = getattr(node, "_non_diff", ())
        if node._nout == 1:
            o = results[0]
            if isinstance(o, Tensor) and id(outs[0]) not in non_diff and o._data.dtype.kind == "f":
                o._requires_grad = True
                o.grad_fn = node
            return o if single else (o,)
        node._out_meta = tuple((o._data.shape, o._data.dtype) if isinstance(o, Tensor) else (None, None)
                               for o in results)
        for i, o in enumerate(results):
            if isinstance(o, Tensor) and id(outs[i]) not in non_diff and o._data.dtype.kind == "f":
                slot = _slot_class(cls)()
                slot.i = i
                slot.next = (node,)
                o._requires_grad = True
                o.grad_fn = slot
        return results[0] if single else tuple(results)


def _new_style(cls) -> bool:
    """Whether ``cls`` uses the ``forward(*args)`` + ``setup_context`` style; cached on the class."""
    flag = cls.setup_context is not Function.setup_context
    cls._new_style = flag
    return flag


class InplaceFunction(Function):
    def __init__(self, inplace: bool = False) -> None:
        self.inplace = inplace


class NestedIOFunction(Function):
    pass


def once_differentiable(fn):
    """Run ``backward`` with grad mode off (its result cannot be differentiated again)."""
    import functools

    @functools.wraps(fn)
    def wrapper(ctx, *args):
        prev = GRAD[0]
        GRAD[0] = False
        try:
            return fn(ctx, *args)
        finally:
            GRAD[0] = prev
    return wrapper
