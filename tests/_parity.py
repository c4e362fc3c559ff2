"""Shared test helpers: run one function under torch and under gradkit on the same inputs."""
from __future__ import annotations

import numpy as np
import pytest

import gradkit

torch = pytest.importorskip("torch")


def to_np(x):
    if isinstance(x, torch.Tensor):
        return x.detach().numpy()
    if isinstance(x, gradkit.Tensor):
        return x.detach().numpy()
    return np.asarray(x)


def assert_close(a, b, rtol=1e-5, atol=1e-6, check_dtype=True):
    """Compare a torch result with a gradkit result (tensors, numbers, or nested tuples of them)."""
    if isinstance(a, (tuple, list)):
        assert isinstance(b, (tuple, list)) and len(a) == len(b), (type(a), type(b))
        for x, y in zip(a, b):
            assert_close(x, y, rtol, atol, check_dtype)
        return
    if a is None:
        assert b is None
        return
    if isinstance(a, torch.Tensor):
        assert isinstance(b, gradkit.Tensor), f"expected a gradkit Tensor, got {type(b)}"
        assert tuple(a.shape) == tuple(b.shape), (tuple(a.shape), tuple(b.shape))
        if check_dtype:
            assert str(a.dtype) == repr(b.dtype), (a.dtype, b.dtype)
    an, bn = to_np(a), to_np(b)
    if an.dtype == np.bool_ or an.dtype.kind in "iu":
        np.testing.assert_array_equal(an, bn)
    else:
        np.testing.assert_allclose(bn, an, rtol=rtol, atol=atol, equal_nan=True)


def run_both(fn, arrays, requires_grad=(), seed_grad=True, rtol=1e-5, atol=1e-6, check_dtype=True):
    """``fn(T, *tensors)`` under torch and gradkit; compare outputs and gradients of requires_grad inputs."""
    outs, grads = [], []
    for T in (torch, gradkit):
        ts = []
        for i, a in enumerate(arrays):
            if isinstance(a, np.ndarray):
                t = T.tensor(a.copy())
                if i in requires_grad:
                    t.requires_grad_(True)
            else:
                t = a
            ts.append(t)
        out = fn(T, *ts)
        outs.append(out)
        g = []
        if requires_grad and seed_grad:
            first = out[0] if isinstance(out, (tuple, list)) else out
            if first.requires_grad:
                rng = np.random.default_rng(123)
                seed = rng.standard_normal(tuple(first.shape)).astype(to_np(first).dtype)
                first.backward(T.tensor(seed))
            g = [ts[i].grad for i in requires_grad]
        grads.append(g)
    assert_close(outs[0], outs[1], rtol, atol, check_dtype)
    assert_close(grads[0], grads[1], rtol, atol, check_dtype)
    return outs
