"""The backward pass: an iterative walk of the graph in dependency order."""
from __future__ import annotations

import numpy as np

from ._core import FRESH, Tensor
from .anomaly_mode import _STATE as _ANOMALY
from .grad_mode import GRAD
from .graph import FREED, AccumulateGrad

__all__ = ["run_backward"]


def _order(roots):
    """Count, for every node reachable from ``roots``, how many edges point at it."""
    deps = {}
    stack = list(roots)
    pop, push = stack.pop, stack.append
    while stack:
        for nxt in pop().next:
            if nxt is not None:
                if nxt in deps:
                    deps[nxt] += 1
                else:
                    deps[nxt] = 1
                    if nxt not in roots:
                        push(nxt)
    return deps


def _hooked(hook, g):
    """``hook(g)``, or ``g`` when it returns None; a replacement must be a tensor of ``g``'s shape and dtype."""
    r = hook(g)
    if r is None:
        return g
    if not isinstance(r, Tensor):
        raise TypeError(f"expected Variable, but hook returned '{type(r).__name__}'")
    name = getattr(hook, "__name__", type(hook).__name__)
    if r._data.shape != g._data.shape:
        raise RuntimeError(f"hook '{name}' has changed the size of value")
    if r._data.dtype != g._data.dtype:
        raise RuntimeError(f"hook '{name}' has changed the type of value (was {g.type()} got {r.type()})")
    return r


def _accumulate(leaf, g, create_graph):
    if leaf._hooks:
        for hook in list(leaf._hooks.values()):
            g = _hooked(hook, g)
    old = leaf._grad
    if old is None:
        if create_graph:
            leaf._grad = g
        elif id(g) in FRESH and not leaf._hooks and not g._requires_grad:
            FRESH.discard(id(g))
            leaf._grad = g
        else:
            leaf._grad = g._detached_copy()
    elif create_graph:
        leaf._grad = old + g
    else:
        ga = old._data
        ga += g._data
        old._vc[0] += 1
    if leaf._post_hooks:
        for hook in list(leaf._post_hooks.values()):
            hook(leaf)


def _check_nan(node, outs):
    """Anomaly mode: a backward formula that produced NaN is an error naming the node."""
    for i, o in enumerate(outs):
        if o is not None and o._data.dtype.kind in "fc" and np.isnan(o._data).any():
            raise RuntimeError(f"Function '{node.name()}' returned nan values in its {i}th output.")


def _run_pre_hooks(hooks, g):
    """Tensor hooks in registration order; the ``retain_grad`` hook last, so it sees their result."""
    for k, hook in list(hooks.items()):
        if k != "retain":
            g = _hooked(hook, g)
    keep = hooks.get("retain")
    if keep is not None:
        keep(g)
    return g


def run_backward(roots, grads, retain_graph: bool, create_graph: bool, capture=None,
                 accumulate: bool = True):
    """Propagate ``grads`` from the ``roots`` nodes back through the graph.

    With ``capture`` (a dict node -> None), the total gradient arriving at each of those nodes is
    stored in it (propagation goes on); with ``accumulate=False`` leaves' ``.grad``
    are left alone (``autograd.grad``).
    """
    prev = GRAD[0]
    GRAD[0] = create_graph
    try:
        pending = {}
        for node, g in zip(roots, grads):
            if node in pending:
                pending[node] = pending[node] + g
            else:
                pending[node] = g
        deps = _order(list(pending))
        ready = [n for n in pending if n not in deps]
        pop, get, append = pending.pop, pending.get, ready.append
        Acc = AccumulateGrad
        while ready:
            node = ready.pop()
            g = pop(node, None)
            if capture is not None and node in capture:
                capture[node] = g
            if node.__class__ is Acc:
                if accumulate and g is not None:
                    _accumulate(node.variable, g, create_graph)
                continue
            if g is None:
                outs = ()
            else:
                if node.pre_hooks:
                    g = _run_pre_hooks(node.pre_hooks, g)
                if node.s is None:
                    raise RuntimeError(FREED)
                outs = node.backward(g)
                if _ANOMALY[0] and _ANOMALY[1]:
                    _check_nan(node, outs)
                if node.hooks:
                    for hook in list(node.hooks.values()):
                        hook(outs, (g,))
                if not retain_graph:
                    node.release()
            nexts = node.next
            if len(outs) < len(nexts):
                outs = tuple(outs) + (None,) * (len(nexts) - len(outs))
            for nxt, gi in zip(nexts, outs):
                if nxt is None:
                    continue
                if gi is not None:
                    old = get(nxt)
                    if old is None:
                        pending[nxt] = gi
                    else:
                        pending[nxt] = old + gi
                        FRESH.discard(id(old))
                        FRESH.discard(id(gi))
                d = deps[nxt] - 1
                if d:
                    deps[nxt] = d
                else:
                    append(nxt)
    finally:
        GRAD[0] = prev
        if FRESH:
            FRESH.clear()
