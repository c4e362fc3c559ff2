"""Parity tests for fixes found by the s6g conformance programs (losses, metric learning, graphs)."""
from __future__ import annotations

import numpy as np
import pytest
from _parity import run_both

import gradkit

torch = pytest.importorskip("torch")


@pytest.mark.parametrize("reduction", ["mean", "sum"])
@pytest.mark.parametrize("grad_mode", [False, True])
def test_cross_entropy_transposed_logits(reduction, grad_mode):
    rng = np.random.default_rng(0)
    a = rng.standard_normal((5, 7)).astype(np.float32)
    b = rng.standard_normal((6, 7)).astype(np.float32)
    tgt = rng.integers(0, 5, 6)

    def fn(T, x, y):
        F = T.nn.functional
        loss = F.cross_entropy((x @ y.t()).t(), T.tensor(tgt), reduction=reduction)
        if grad_mode:
            (gx,) = T.autograd.grad(loss, x, create_graph=True)
            return loss + gx.pow(2).sum()
        return loss

    run_both(fn, [a, b], requires_grad=(0, 1), rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize("mode", ["use_mm_for_euclid_dist_if_necessary", "use_mm_for_euclid_dist",
                                  "donot_use_mm_for_euclid_dist"])
def test_cdist_compute_mode(mode):
    rng = np.random.default_rng(1)
    a = rng.standard_normal((4, 3)).astype(np.float32)
    b = rng.standard_normal((5, 3)).astype(np.float32)
    run_both(lambda T, x, y: T.cdist(x, y, compute_mode=mode), [a, b], requires_grad=(0, 1), rtol=1e-4, atol=1e-5)


def test_cdist_compute_mode_bad():
    x = gradkit.randn(2, 3)
    with pytest.raises(ValueError, match="not a valid value for compute_mode"):
        gradkit.cdist(x, x, compute_mode=None)
    with pytest.raises(ValueError, match="not a valid value for compute_mode"):
        torch.cdist(torch.randn(2, 3), torch.randn(2, 3), compute_mode="fast")


@pytest.mark.parametrize("name", ["l1_loss", "huber_loss", "mse_loss", "smooth_l1_loss"])
@pytest.mark.parametrize("bool_side", [0, 1])
def test_pointwise_losses_with_bool_tensor(name, bool_side):
    rng = np.random.default_rng(2)
    x = rng.standard_normal(5).astype(np.float32)
    m = rng.random(5) > 0.5
    results = []
    for T in (torch, gradkit):
        xt = T.tensor(x, requires_grad=True)
        mt = T.tensor(m)
        args = (xt, mt) if bool_side == 1 else (mt, xt)
        try:
            out = getattr(T.nn.functional, name)(*args)
            if name == "huber_loss":
                out = out.detach()
                results.append(("ok", out.numpy(), np.zeros(5, np.float32)))
                continue
            out.backward()
            results.append(("ok", out.detach().numpy(), xt.grad.numpy()))
        except RuntimeError as e:
            results.append(("err", str(e)))
    assert results[0][0] == results[1][0], results
    if results[0][0] == "ok":
        np.testing.assert_allclose(results[1][1], results[0][1], rtol=1e-6)
        np.testing.assert_allclose(results[1][2], results[0][2], rtol=1e-6)
    else:
        assert results[0][1] == results[1][1]
