"""The backward pass: an iterative walk of the graph in dependency order."""
from __future__ import annotations

from ._core import FRESH
from .grad_mode import GRAD
from .graph import FREED, AccumulateGrad

__all__ = ["run_backward"]


def _order(roots):
    """Count, for every node reachable from ``roots``, how many edges point at it."""
    deps = {}
    stack = list(roots)
    seen = set(map(id, roots))
    while stack:
        node = stack.pop()
        for nxt in node.next:
            if nxt is None:
                continue
            if id(nxt) in seen:
                deps[nxt] = deps.get(nxt, 0) + 1
            else:
                seen.add(id(nxt))
                deps[nxt] = 1
                stack.append(nxt)
    return deps


def _accumulate(leaf, g, create_graph):
    if leaf._hooks:
        for hook in list(leaf._hooks.values()):
            r = hook(g)
            if r is not None:
                g = r
    if leaf.grad is None:
        if create_graph:
            leaf.grad = g
        elif id(g) in FRESH and not leaf._hooks and not g.requires_grad:
            FRESH.discard(id(g))
            leaf.grad = g
        else:
            leaf.grad = g._detached_copy()
    elif create_graph or leaf.grad.requires_grad:
        leaf.grad = leaf.grad + g
    else:
        ga = leaf.grad._data
        ga += g._data
        leaf.grad._version[0] += 1
    if leaf._post_hooks:
        for hook in list(leaf._post_hooks.values()):
            hook(leaf)


def _run_pre_hooks(hooks, g):
    """Tensor hooks in registration order; the ``retain_grad`` hook last, so it sees their result."""
    for k, hook in list(hooks.items()):
        if k != "retain":
            r = hook(g)
            if r is not None:
                g = r
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
        ready = [n for n in pending if deps.get(n, 0) == 0]
        while ready:
            node = ready.pop()
            g = pending.pop(node, None)
            if capture is not None and node in capture:
                capture[node] = g
            if g is None:
                outs = ()
            elif type(node) is AccumulateGrad:
                if accumulate:
                    _accumulate(node.variable, g, create_graph)
                outs = ()
            else:
                if node.pre_hooks:
                    g = _run_pre_hooks(node.pre_hooks, g)
                if node.s is None:
                    raise RuntimeError(FREED)
                outs = node.backward(g)
                if node.hooks:
                    for hook in list(node.hooks.values()):
                        hook(outs, (g,))
                if not retain_graph:
                    node.release()
            nexts = node.next
            for i, nxt in enumerate(nexts):
                if nxt is None:
                    continue
                gi = outs[i] if i < len(outs) else None
                if gi is not None:
                    old = pending.get(nxt)
                    if old is None:
                        pending[nxt] = gi
                    else:
                        pending[nxt] = old + gi
                        FRESH.discard(id(old))
                        FRESH.discard(id(gi))
                d = deps[nxt] - 1
                deps[nxt] = d
                if d == 0:
                    ready.append(nxt)
    finally:
        GRAD[0] = prev
        FRESH.clear()
