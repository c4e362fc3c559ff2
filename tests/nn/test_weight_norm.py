"""nn.utils.weight_norm / spectral_norm (hook APIs) against torch: parameters, buffers, outputs and gradients."""
from __future__ import annotations

import warnings

import numpy as np
import pytest
import torch
from _parity import assert_close

import gradkit as gk


def _run(build, x, steps=1):
    res = []
    for T in (torch, gk):
        T.manual_seed(0)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            m = build(T)
        names = [n for n, _ in m.named_parameters()], list(m.state_dict().keys())
        outs = []
        for _ in range(steps):
            y = m(T.tensor(x))
            y.pow(2).sum().backward()
            outs.append(y)
        res.append((names, outs, [p.grad for p in m.parameters()], [b for b in m.buffers()], m))
    assert res[0][0] == res[1][0]
    assert_close(res[0][1:4], res[1][1:4], rtol=1e-4, atol=1e-5)
    return res[0][4], res[1][4]


@pytest.mark.parametrize("dim", [0, 1, None, -1])
@pytest.mark.parametrize("kind", ["Linear", "Conv2d"])
def test_weight_norm(dim, kind):
    x = np.random.default_rng(0).standard_normal((2, 4) if kind == "Linear" else (1, 4, 5, 5)).astype(np.float32)

    def build(T):
        mod = T.nn.Linear(4, 3) if kind == "Linear" else T.nn.Conv2d(4, 3, 3)
        return T.nn.utils.weight_norm(mod, dim=dim)

    tm, gm = _run(build, x)
    T_removed = torch.nn.utils.remove_weight_norm(tm)
    G_removed = gk.nn.utils.remove_weight_norm(gm)
    assert [n for n, _ in T_removed.named_parameters()] == [n for n, _ in G_removed.named_parameters()]
    assert_close(T_removed.weight, G_removed.weight, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("kind", ["Linear", "Conv2d", "ConvTranspose2d"])
@pytest.mark.parametrize("iters", [1, 3])
def test_spectral_norm(kind, iters):
    x = np.random.default_rng(1).standard_normal((2, 5) if kind == "Linear" else (1, 2, 5, 5)).astype(np.float32)

    def build(T):
        mod = {"Linear": lambda: T.nn.Linear(5, 4), "Conv2d": lambda: T.nn.Conv2d(2, 3, 3),
               "ConvTranspose2d": lambda: T.nn.ConvTranspose2d(2, 3, 3)}[kind]()
        return T.nn.utils.spectral_norm(mod, n_power_iterations=iters)

    tm, gm = _run(build, x, steps=3)
    tm.eval()
    gm.eval()
    assert_close(tm(torch.tensor(x)), gm(gk.tensor(x)), rtol=1e-4, atol=1e-5)
    torch.nn.utils.remove_spectral_norm(tm)
    gk.nn.utils.remove_spectral_norm(gm)
    assert_close(tm.weight, gm.weight, rtol=1e-4, atol=1e-5)


def test_errors():
    for fn in (lambda T: T.nn.utils.remove_weight_norm(T.nn.Linear(2, 2)),
               lambda T: T.nn.utils.spectral_norm(T.nn.utils.spectral_norm(T.nn.Linear(2, 2))),
               lambda T: T.nn.utils.spectral_norm(T.nn.Linear(2, 2), n_power_iterations=0)):
        errs = []
        for T in (torch, gk):
            with pytest.raises(Exception) as info:
                fn(T)
            errs.append(info.value)
        assert type(errs[0]) is type(errs[1]) and str(errs[0]) == str(errs[1])
