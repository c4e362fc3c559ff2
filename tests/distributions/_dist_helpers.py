"""Run one distribution program under torch and under gradkit on the same generated inputs and compare."""
from __future__ import annotations

import numpy as np
import torch

import gradkit as gk
import gradkit.distributions  # noqa: F401

FRAMEWORKS = (torch, gk)


def to_np(x) -> np.ndarray:
    if isinstance(x, (torch.Tensor, gk.Tensor)):
        return x.detach().numpy()
    return np.asarray(x)


def _flatten(out) -> list:
    if isinstance(out, dict):
        return [(k, v) for k, v in out.items()]
    if isinstance(out, (list, tuple)):
        return [(str(i), v) for i, v in enumerate(out)]
    return [("out", out)]


def compare(a, b, rtol: float, atol: float, what: str = "") -> None:
    """torch result ``a`` against gradkit result ``b``: shape, dtype, values (NaN/inf positions too)."""
    if isinstance(a, torch.Tensor):
        assert isinstance(b, gk.Tensor), f"{what}: expected a gradkit Tensor, got {type(b)}"
        assert tuple(a.shape) == tuple(b.shape), f"{what}: shape {tuple(a.shape)} vs {tuple(b.shape)}"
        assert str(a.dtype) == repr(b.dtype), f"{what}: dtype {a.dtype} vs {b.dtype}"
    an, bn = to_np(a), to_np(b)
    if an.dtype.kind in "biu":
        np.testing.assert_array_equal(bn, an, err_msg=what)
    else:
        np.testing.assert_allclose(bn, an, rtol=rtol, atol=atol, equal_nan=True, err_msg=what)


def run_both(fn, params: dict, grad: bool = True, rtol: float = 2e-5, atol: float = 1e-6, seed: int = 0,
             grad_rtol: float | None = None) -> list:
    """``fn(T, D, **tensors)`` for T in (torch, gradkit), D = T.distributions; returns a dict/list of tensors.

    Float parameters become leaf tensors with requires_grad; outputs are compared, then the gradients of a
    randomly weighted sum of every finite output entry with respect to the parameters."""
    results, grads = [], []
    for T in FRAMEWORKS:
        ts = {}
        for k, a in params.items():
            t = T.tensor(a.copy()) if isinstance(a, np.ndarray) else a
            if grad and isinstance(a, np.ndarray) and a.dtype.kind == "f":
                t.requires_grad_(True)
            ts[k] = t
        T.manual_seed(seed)
        out = _flatten(fn(T, T.distributions, **ts))
        results.append(out)
        g = {}
        if grad:
            rng = np.random.default_rng(1)
            loss = None
            for _, v in out:
                if not (isinstance(v, T.Tensor) and v.requires_grad and v.is_floating_point()):
                    continue
                w = rng.standard_normal(tuple(v.shape)).astype(to_np(v).dtype)
                term = T.where(T.isfinite(v.detach()), v, T.zeros_like(v)) * T.tensor(w)
                loss = term.sum() if loss is None else loss + term.sum()
            if loss is not None:
                loss.backward()
            g = {k: t.grad for k, t in ts.items() if isinstance(t, T.Tensor) and t.requires_grad}
        grads.append(g)
    (ta, ga), (gb_out, gb) = (results[0], grads[0]), (results[1], grads[1])
    assert [k for k, _ in ta] == [k for k, _ in gb_out]
    for (k, a), (_, b) in zip(ta, gb_out):
        compare(a, b, rtol, atol, f"output {k}")
    for k in ga:
        if ga[k] is None:
            assert gb.get(k) is None, f"grad {k}: torch None, gradkit {gb.get(k)}"
            continue
        assert gb.get(k) is not None, f"grad {k}: gradkit has none"
        compare(ga[k], gb[k], grad_rtol or rtol * 5, atol * 5, f"grad {k}")
    return results
