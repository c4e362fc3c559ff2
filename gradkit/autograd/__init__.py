"""Reverse-mode automatic differentiation: ``backward``, ``grad``, ``Function``, grad modes, gradcheck."""
from __future__ import annotations

import numpy as np

from .. import _tensor
from .._tensor import Tensor, _wrap
from . import graph  # noqa: F401
from ._core import edge
from .engine import run_backward
from .function import Function, FunctionCtx, InplaceFunction, NestedIOFunction, once_differentiable
from .grad_mode import (enable_grad, inference_mode, is_grad_enabled, is_inference_mode_enabled, no_grad,
                        set_grad_enabled)
from .gradcheck import gradcheck, gradgradcheck
from . import anomaly_mode  # noqa: E402,F401
from .anomaly_mode import detect_anomaly, set_detect_anomaly  # noqa: E402

__all__ = ["backward", "grad", "Function", "FunctionCtx", "InplaceFunction", "NestedIOFunction",
           "once_differentiable", "no_grad", "enable_grad", "set_grad_enabled", "inference_mode",
           "is_grad_enabled", "is_inference_mode_enabled", "gradcheck", "gradgradcheck", "Variable",
           "detect_anomaly", "set_detect_anomaly"]

_tensor.ENGINE[0] = run_backward


def _as_list(x):
    if x is None:
        return None
    if isinstance(x, Tensor):
        return [x]
    return list(x)


def _seeds(outputs, grad_outputs, create_graph):
    roots, grads = [], []
    if grad_outputs is not None and len(grad_outputs) < len(outputs):
        raise RuntimeError(f"got {len(outputs)} tensors and {len(grad_outputs)} gradients")
    for i, out in enumerate(outputs):
        g = grad_outputs[i] if grad_outputs is not None else None
        node = edge(out)
        if node is None:
            raise RuntimeError(f"element {i} of tensors does not require grad and does not have a grad_fn")
        if g is None:
            if out._data.size != 1:
                raise RuntimeError("grad can be implicitly created only for scalar outputs")
            if out._data.dtype.kind != "f":
                raise RuntimeError(f"grad can be implicitly created only for real scalar outputs but got "
                                   f"{out.dtype}")
            g = _wrap(np.ones(out._data.shape, out._data.dtype))
        elif not isinstance(g, Tensor):
            g = _wrap(np.asarray(g, out._data.dtype))
        elif g._data.shape != out._data.shape:
            raise RuntimeError(f"Mismatch in shape: grad_output[{i}] has a shape of {g.shape} and output[{i}] has "
                               f"a shape of {out.shape}.")
        if not create_graph and g.requires_grad:
            g = g.detach()
        roots.append(node)
        grads.append(g)
    return roots, grads


def backward(tensors, grad_tensors=None, retain_graph=None, create_graph=False, grad_variables=None,
             inputs=None) -> None:
    """Accumulate into the leaves' ``.grad`` the gradient of ``tensors`` (seeded by ``grad_tensors``)."""
    tensors = _as_list(tensors)
    grad_tensors = _as_list(grad_tensors if grad_tensors is not None else grad_variables)
    if retain_graph is None:
        retain_graph = create_graph
    roots, grads = _seeds(tensors, grad_tensors, create_graph)
    if inputs is None:
        run_backward(roots, grads, retain_graph, create_graph)
        return
    inputs = _as_list(inputs)
    if not inputs:
        raise RuntimeError("`inputs` argument to `backward()` cannot be empty.")
    capture = {}
    for t in inputs:
        n = edge(t)
        if n is None:
            raise RuntimeError("One of the differentiated Tensors does not require grad")
        capture[n] = None
    run_backward(roots, grads, retain_graph, create_graph, capture=capture, accumulate=False)
    from .engine import _accumulate
    for t in inputs:
        g = capture[edge(t)]
        if g is not None:
            _accumulate(t, g, create_graph)


def grad(outputs, inputs, grad_outputs=None, retain_graph=None, create_graph=False, only_inputs=True,
         allow_unused=None, is_grads_batched=False, materialize_grads=False):
    """The gradients of ``outputs`` w.r.t. ``inputs``, returned (``.grad`` is left alone)."""
    single = isinstance(inputs, Tensor)
    outputs = _as_list(outputs)
    inputs = [inputs] if single else list(inputs)
    if not inputs:
        raise RuntimeError("`inputs` argument to `grad()` cannot be empty.")
    grad_outputs = _as_list(grad_outputs)
    if retain_graph is None:
        retain_graph = create_graph
    if allow_unused is None:
        allow_unused = materialize_grads
    if is_grads_batched:
        return _batched_grad(outputs, inputs, grad_outputs, retain_graph, create_graph, allow_unused,
                             materialize_grads)
    roots, grads = _seeds(outputs, grad_outputs, create_graph)
    for t in inputs:
        if not t.requires_grad:
            raise RuntimeError("One of the differentiated Tensors does not require grad")
    capture = {edge(t): None for t in inputs}
    run_backward(roots, grads, retain_graph, create_graph, capture=capture, accumulate=False)
    res = []
    for i, t in enumerate(inputs):
        g = capture[edge(t)]
        if g is None:
            if materialize_grads:
                g = _wrap(np.zeros(t._data.shape, t._data.dtype))
            elif not allow_unused:
                raise RuntimeError(f"The differentiated Tensor at index {i} appears to not have been used in the "
                                   "graph. Set allow_unused=True if this is the desired behavior.")
        elif not create_graph and g.requires_grad:
            g = g.detach()
        res.append(g)
    return tuple(res)


def _batched_grad(outputs, inputs, grad_outputs, retain_graph, create_graph, allow_unused, materialize_grads):
    """``grad(..., is_grads_batched=True)``: one reverse pass per slice along the grad_outputs' first dim."""
    from .ops import stack
    if not grad_outputs or any(g is None for g in grad_outputs):
        raise RuntimeError("grad_outputs must be given for every output when is_grads_batched=True")
    nb = grad_outputs[0].shape[0]
    per = []
    for i in range(nb):
        keep = True if i < nb - 1 else retain_graph
        per.append(grad(outputs, inputs, [g[i] for g in grad_outputs], retain_graph=keep, create_graph=create_graph,
                        allow_unused=allow_unused, materialize_grads=materialize_grads))
    return tuple(None if cols[0] is None else stack(list(cols), 0) for cols in zip(*per))


def Variable(data, requires_grad: bool = False, volatile: bool = False) -> Tensor:  # noqa: N802
    """Deprecated alias: returns ``data`` (a tensor), with ``requires_grad`` set."""
    if volatile:
        import warnings
        warnings.warn("volatile was removed and now has no effect. Use `with torch.no_grad():` instead.",
                      stacklevel=2)
    if requires_grad:
        data.requires_grad_(True)
    return data


from . import functional  # noqa: E402,F401  (needs grad above)
from . import profiler  # noqa: E402,F401
from . import forward_ad  # noqa: E402,F401

