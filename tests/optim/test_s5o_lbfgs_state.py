"""LBFGS keeps its per-parameter state keys in torch's order (``state_dict()`` prints the same)."""
from __future__ import annotations

import numpy as np
import pytest
from _parity import assert_close

import gradkit

torch = pytest.importorskip("torch")


@pytest.mark.parametrize("line_search", [None, "strong_wolfe"])
@pytest.mark.parametrize("max_iter", [1, 3, 20])
def test_lbfgs_state_key_order_and_values(line_search, max_iter):
    rng = np.random.default_rng(0)
    w0 = rng.standard_normal(3).astype(np.float32)
    xs = rng.standard_normal((8, 3)).astype(np.float32)

    def run(T):
        w = T.tensor(w0, requires_grad=True)
        x = T.tensor(xs)
        opt = T.optim.LBFGS([w], max_iter=max_iter, history_size=4, line_search_fn=line_search)

        def closure():
            opt.zero_grad()
            loss = ((x @ w).tanh() - 0.5).pow(2).sum()
            loss.backward()
            return loss

        for _ in range(2):
            opt.step(closure)
        st = opt.state[w]
        return list(st), w.detach(), st["func_evals"], st["n_iter"]

    t_keys, t_w, *t_counts = run(torch)
    g_keys, g_w, *g_counts = run(gradkit)
    assert t_keys == g_keys
    assert t_counts == g_counts
    assert_close(t_w, g_w, rtol=1e-4, atol=1e-5)
