"""Backward writes the gradients of a flat optimizer group straight into its buffer; nothing a user holds
may change because of that, and the updates stay torch's."""
from __future__ import annotations

import numpy as np
import pytest
import torch

import gradkit as gk

OPTS = [("SGD", {"lr": 0.1, "momentum": 0.9}), ("SGD", {"lr": 0.05}), ("Adam", {"lr": 1e-2}),
        ("AdamW", {"lr": 1e-2, "weight_decay": 0.1})]


def _model(T):
    T.manual_seed(0)
    return T.nn.Sequential(T.nn.Linear(6, 8), T.nn.ReLU(), T.nn.Linear(8, 3))


def _data(T):
    rng = np.random.default_rng(1)
    return T.tensor(rng.standard_normal((5, 6)).astype(np.float32)), T.tensor(rng.integers(0, 3, 5))


@pytest.mark.parametrize("name,kw", OPTS)
def test_training_matches_torch(name, kw):
    out = {}
    for T in (torch, gk):
        m = _model(T)
        x, y = _data(T)
        opt = getattr(T.optim, name)(m.parameters(), **kw)
        losses = []
        for _ in range(6):
            opt.zero_grad()
            loss = T.nn.functional.cross_entropy(m(x), y)
            loss.backward()
            opt.step()
            losses.append(loss.item())
        out[T] = (losses, [p.detach().numpy().copy() for p in m.parameters()],
                  [p.grad.numpy().copy() for p in m.parameters()])
    np.testing.assert_allclose(out[gk][0], out[torch][0], rtol=1e-5, atol=1e-6)
    for a, b in zip(out[gk][1] + out[gk][2], out[torch][1] + out[torch][2]):
        np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-6)


def _step(m, opt, x, y, scale):
    opt.zero_grad()
    (scale * gk.nn.functional.cross_entropy(m(x), y)).backward()
    opt.step()


@pytest.mark.parametrize("name,kw", OPTS)
@pytest.mark.parametrize("keep", ["tensor", "row_view", "flat_view", "numpy", "numpy_row", "numpy_flat", "detached"])
def test_kept_gradients_are_never_overwritten(name, kw, keep):
    m = _model(gk)
    x, y = _data(gk)
    opt = getattr(gk.optim, name)(m.parameters(), **kw)
    for _ in range(3):
        _step(m, opt, x, y, 1.0)
    w = m[0].weight
    assert w._accum.home is not None and w.grad._data is w._accum.home  # written in place, not copied
    kept = {"tensor": lambda g: g, "row_view": lambda g: g[0], "flat_view": lambda g: g.view(-1),
            "numpy": lambda g: g.numpy(), "numpy_row": lambda g: g.numpy()[1],
            "numpy_flat": lambda g: g.numpy().reshape(-1), "detached": lambda g: g.detach()}[keep](w.grad)
    before = np.array(kept, copy=True)
    for scale in (3.0, -2.0):
        _step(m, opt, x, y, scale)
        np.testing.assert_array_equal(np.asarray(kept), before)
    del kept
    _step(m, opt, x, y, 1.0)
    assert w.grad._data is w._accum.home  # the buffer is used again once nothing holds the old gradient


def test_accumulating_without_zero_grad_matches_torch():
    res = {}
    for T in (torch, gk):
        m = _model(T)
        x, y = _data(T)
        opt = T.optim.SGD(m.parameters(), lr=0.1, momentum=0.5)
        for i in range(5):
            if i % 2 == 0:
                opt.zero_grad()
            T.nn.functional.cross_entropy(m(x), y).backward()
            opt.step()
        res[T] = [p.detach().numpy().copy() for p in m.parameters()]
    for a, b in zip(res[gk], res[torch]):
        np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-6)


def test_two_optimizers_over_the_same_parameters():
    res = {}
    for T in (torch, gk):
        m = _model(T)
        x, y = _data(T)
        o1, o2 = T.optim.SGD(m.parameters(), lr=0.1, momentum=0.9), T.optim.Adam(m.parameters(), lr=1e-2)
        for i in range(6):
            o1.zero_grad()
            T.nn.functional.cross_entropy(m(x), y).backward()
            (o1 if i % 2 else o2).step()
        res[T] = [p.detach().numpy().copy() for p in m.parameters()]
    for a, b in zip(res[gk], res[torch]):
        np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("name,kw", OPTS)
def test_a_plain_training_loop_takes_the_flat_path(name, kw):
    """The fast path is not merely correct but used: after the first steps, backward writes every gradient
    into the group's flat buffer and the step updates the flat parameter buffer."""
    m = _model(gk)
    x, y = _data(gk)
    opt = getattr(gk.optim, name)(m.parameters(), **kw)
    for _ in range(3):
        opt.zero_grad()
        gk.nn.functional.cross_entropy(m(x), y).backward()
        opt.step()
    (fg,) = opt._flat_cache.values()
    for p in m.parameters():
        assert p.grad._data.base is fg.grad and p._data.base is fg.param
